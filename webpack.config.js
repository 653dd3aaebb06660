// Browser bundles: the engine as a library (dist/tricolor-engine.js) and the add-in's pages —
// the task pane, the ribbon commands' function file, the message dialog and the help page —
// with assets/ and manifest.xml copied beside them.
//
//   npm run build        production: dist/ for the address in ADDIN_BASE_URL (required)
//   npm run build:dev    development build: dist/ for https://localhost:3000/
//   npm run dev-server   serves https://localhost:3000/ with office-addin-dev-certs' certificate
const fs = require('fs');
const path = require('path');
const { URL } = require('url');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/** Where manifest.xml points: the dev server. */
const DEV_BASE_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;

/** The add-in's pages: what the manifest may point at (test/manifest checks it). */
/**
 * The words of the pages before any script runs (titles, the old-Office and no-JavaScript notes):
 * a catalogue of the one shape, checked with the others (test/messages/catalogues.test.ts).
 */
const PAGE_MESSAGES = require('./src/ui/page-messages.json');
const pageText = (key) => {
  const entry = PAGE_MESSAGES[key];
  if (!entry) throw new Error(`src/ui/page-messages.json has no "${key}"`);
  return entry;
};

const PAGES = [
  { filename: 'taskpane.html', template: 'src/taskpane/taskpane.html', chunks: ['taskpane'] },
  // The ES5 fallback first: it registers the commands where commands.js cannot run (legacy.ts).
  { filename: 'commands.html', template: 'src/commands/commands.html', chunks: ['commands-legacy', 'commands'] },
  { filename: 'dialog.html', template: 'src/dialog/dialog.html', chunks: ['dialog'] },
  { filename: 'help.html', template: 'src/dialog/help.html', chunks: [] },
];

const ADDIN_ENTRIES = {
  taskpane: './src/taskpane/main.tsx',
  'commands-legacy': './src/commands/legacy.ts',
  commands: './src/commands/commands.ts',
  dialog: './src/dialog/dialog.ts',
};

/**
 * The offline web edition (src/web): a page of its own beside the add-in's, not in the manifest.
 * Its worker (src/web/worker.ts) is a chunk webpack finds from `new Worker(new URL(…))`, as is the
 * task pane's outside Excel (src/hosts/file-addin/worker.ts, pane-worker.js).
 */
const WEB_PAGE = { filename: 'web.html', template: 'src/web/web.html', entry: './src/web/main.tsx', chunk: 'web' };

// Compiled to ES5, because they must run in Internet Explorer 11 (Office 2016/2019) to say that
// the add-in cannot: see src/commands/legacy.ts. Everything else targets the Chromium (WebView2),
// Safari and browser webviews the engine needs.
const ES5_SOURCES = ['src/dialog/', 'src/commands/legacy.ts', 'src/commands/legacy-messages.ts', 'src/commands/show-dialog.ts', 'src/commands/names.ts'].map((p) => path.resolve(__dirname, p));

/**
 * ADDIN_BASE_URL as the base every manifest URL is rewritten to: an https URL ending in '/'.
 * Throws, saying what to set, when it is missing or unusable.
 */
function addinBaseUrl(raw) {
  const example = 'ADDIN_BASE_URL=https://addin.example.gov.cn/tricolor/ npm run build';
  if (!raw || !raw.trim()) {
    throw new Error(
      `npm run build 生成正式发布的加载项，需要用 ADDIN_BASE_URL 指明它将放在哪个 https 地址下，例如：\n  ${example}\n` +
        '（本机调试请用 npm run dev-server 或 npm run build:dev，它们使用 https://localhost:3000/）\n' +
        `npm run build makes the production add-in and needs the https address it will be served from in ADDIN_BASE_URL, e.g.\n  ${example}\n` +
        '(for local testing use npm run dev-server or npm run build:dev, which keep https://localhost:3000/)',
    );
  }
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL 不是有效的网址 · ADDIN_BASE_URL is not a URL: "${raw}" (e.g. ${example})`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL 必须以 https:// 开头（Office 只加载 https 页面）· ADDIN_BASE_URL must be https (Office loads only https pages): "${raw}"`);
  if (/[?#]/.test(raw) || url.username || url.password) throw new Error(`ADDIN_BASE_URL 不能带查询参数、# 或用户名 · ADDIN_BASE_URL must not have a query, fragment or credentials: "${raw}"`);
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname)) throw new Error(`ADDIN_BASE_URL 指向本机，正式发布请用服务器地址；本机调试请用 npm run build:dev · ADDIN_BASE_URL points at this computer; use npm run build:dev for that: "${raw}"`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * manifest.xml for `baseUrl`: every https://localhost:3000/ becomes `baseUrl` (an https URL
 * ending in '/'). Pure; throws if the result still mentions localhost, so a URL written in another
 * form (no trailing slash, another port) fails the build instead of shipping.
 */
function rewriteManifestUrls(xml, baseUrl) {
  if (!/^https:\/\/[^/?#\s"<>]+\/([^?#\s"<>]*\/)?$/.test(baseUrl)) throw new Error(`rewriteManifestUrls: the base URL must be https and end with '/': "${baseUrl}"`);
  const out = xml.split(DEV_BASE_URL).join(baseUrl.replace(/&/g, '&amp;'));
  const left = out.match(/(https?:)?\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(?![\w.-])[^\s"'<>]*/i);
  if (left) throw new Error(`manifest.xml still points at this computer after rewriting: ${left[0]}`);
  return out;
}

const tsRule = (include, options) => ({ test: /\.tsx?$/, loader: 'ts-loader', include, options: { configFile: 'tsconfig.web.json', ...options } });

module.exports = async (env, argv) => {
  const mode = argv.mode ?? 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const release = mode === 'production' && !serving;
  const baseUrl = release ? orExit(() => addinBaseUrl(process.env.ADDIN_BASE_URL)) : DEV_BASE_URL;

  return {
    mode,
    devtool: mode === 'development' ? 'source-map' : false,
    // The runtime webpack adds around the modules stays ES5 for the legacy fallback's sake.
    target: ['web', 'es5'],
    entry: {
      'tricolor-engine': { import: './src/web/engine.ts', library: { name: 'TricolorEngine', type: 'umd' } },
      ...ADDIN_ENTRIES,
      [WEB_PAGE.chunk]: WEB_PAGE.entry,
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      globalObject: 'globalThis',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        tsRule(ES5_SOURCES, { instance: 'es5', onlyCompileBundledFiles: true, compilerOptions: { target: 'es5' } }),
        { ...tsRule(path.resolve(__dirname, 'src')), exclude: ES5_SOURCES },
      ],
    },
    plugins: [
      ...PAGES.map((page) => new HtmlWebpackPlugin({ filename: page.filename, template: page.template, chunks: page.chunks, chunksSortMode: 'manual', inject: 'head', scriptLoading: 'defer', templateParameters: { text: pageText } })),
      new HtmlWebpackPlugin({ filename: WEB_PAGE.filename, template: WEB_PAGE.template, chunks: [WEB_PAGE.chunk], inject: 'head', scriptLoading: 'defer', templateParameters: { text: pageText } }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => (release ? rewriteManifestUrls(content.toString('utf8'), baseUrl) : content) },
        ],
      }),
    ],
    ...(serving ? { devServer: await devServer() } : {}),
    performance: { hints: false },
  };
};

/** Runs `make`; if it throws, prints just the message (webpack-cli would add a stack trace) and stops. */
function orExit(make) {
  try {
    return make();
  } catch (error) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}

async function devServer() {
  // Loaded only when serving: getHttpsServerOptions creates a localhost certificate and installs
  // its CA (a prompt on Windows and macOS, sudo on Linux) the first time.
  const devCerts = require('office-addin-dev-certs');
  let options;
  try {
    options = await devCerts.getHttpsServerOptions();
  } catch (error) {
    options = process.platform === 'linux' ? generatedCertificate() : null;
    if (!options) {
      return orExit(() => {
        throw new Error(
          `无法为 https://localhost:${DEV_PORT} 准备开发证书 · could not prepare the development certificate for https://localhost:${DEV_PORT}:\n  ${error.message}\n` +
            '可先运行 npx office-addin-dev-certs install · try npx office-addin-dev-certs install first',
        );
      });
    }
    // On Linux only Excel on the web can load the add-in, and browsers there mostly keep their own
    // certificate stores, so an uninstalled CA (no sudo, a container) is worth a warning, not a stop.
    console.warn(
      `\n开发证书已生成，但其根证书没有装入系统（${error.message.trim()}）。浏览器会提示 https://localhost:${DEV_PORT} 的证书不受信任：请先打开 https://localhost:${DEV_PORT}/help.html 并选择继续访问。\n` +
        `The development certificate was made but its CA is not installed (${error.message.trim()}). Browsers will call https://localhost:${DEV_PORT} untrusted: open https://localhost:${DEV_PORT}/help.html first and choose to continue.\n`,
    );
  }
  return {
    port: DEV_PORT,
    server: { type: 'https', options },
    headers: { 'Access-Control-Allow-Origin': '*' },
    static: false,
    client: { overlay: { warnings: false } },
  };
}

/** The certificate office-addin-dev-certs generated before failing to install its CA, if it did. */
function generatedCertificate() {
  const paths = require('office-addin-dev-certs/lib/defaults');
  try {
    return { ca: fs.readFileSync(paths.caCertificatePath), cert: fs.readFileSync(paths.localhostCertificatePath), key: fs.readFileSync(paths.localhostKeyPath) };
  } catch {
    return null;
  }
}

module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.PAGES = PAGES;
module.exports.ADDIN_ENTRIES = ADDIN_ENTRIES;
module.exports.WEB_PAGE = WEB_PAGE;
module.exports.addinBaseUrl = addinBaseUrl;
module.exports.rewriteManifestUrls = rewriteManifestUrls;
