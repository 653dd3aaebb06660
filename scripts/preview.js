#!/usr/bin/env node
/**
 * npm run preview: build dist/ (webpack, development) and serve it over plain http on this
 * computer only, to try the task pane and the offline web page in a browser.
 *
 *   node scripts/preview.js            serve dist/ on http://127.0.0.1:$PREVIEW_PORT (default 8080)
 *   node scripts/preview.js --build    build first (what npm run preview does)
 *   PREVIEW_PORT=0 node scripts/preview.js   any free port; the chosen URL is printed
 *   node scripts/preview.js --exit-with-stdin   stop when stdin closes (the e2e suite's child)
 *
 * No dependencies. Loopback only (127.0.0.1), GET and HEAD only, no directory listing, nothing
 * outside dist/. The end-to-end tests start it with startPreviewServer() (test/e2e/server.ts).
 */
const fs = require('fs');
const http = require('http');
const path = require('path');
const { spawnSync } = require('child_process');
const { Buffer } = require('buffer');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** The file under `root` that `urlPath` names, or null (outside root, a directory, missing). */
function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  return stat.isFile() ? file : null;
}

/**
 * A worker does not take its page's <meta> Content-Security-Policy: only its own response header
 * sets one. The web page's worker and the task pane's (outside Excel) may load their own scripts
 * and connect nowhere. (A server that hosts dist/ should send the same header; each worker also
 * removes its own fetch and friends.)
 */
const WORKER_HEADERS = { 'Content-Security-Policy': "default-src 'none'; script-src 'self'" };
const WORKER_SCRIPTS = new Set(['web-worker.js', 'pane-worker.js']);

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * Starts serving `root` on 127.0.0.1:`port` (0: a free port). Resolves to { url, port, close() }.
 */
function startServer({ root = DIST, port = 8080 } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'method not allowed\n');
    }
    let pathname = (req.url || '/').split('?')[0];
    if (pathname === '/') pathname = '/index.html';
    const file = resolveFile(base, pathname);
    if (!file) return send(res, 404, 'not found\n');
    const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    const size = fs.statSync(file).size;
    const extra = WORKER_SCRIPTS.has(path.basename(file)) ? WORKER_HEADERS : {};
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

/** The pages a person can open, with a word on each. */
function pageList(url) {
  const pages = [
    ['taskpane.html', '任务窗格（在 Excel 之外可选择台账文件试用）· the task pane (outside Excel: open a ledger file to try it)'],
    ['web.html', '离线网页 · the offline web page'],
    ['help.html', '帮助 · help'],
  ];
  return pages.filter(([name]) => fs.existsSync(path.join(DIST, name))).map(([name, what]) => `  ${url}${name}    ${what}`);
}

async function main(argv) {
  if (argv.includes('--build')) {
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const built = spawnSync(npx, ['webpack', '--mode', 'development'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (built.status !== 0) return built.status || 1;
  }
  if (!fs.existsSync(DIST)) {
    console.error('dist/ 不存在，请先运行 npm run build:dev · dist/ is missing: run npm run build:dev first (or npm run preview)');
    return 1;
  }
  const raw = process.env.PREVIEW_PORT;
  const port = raw === undefined || raw === '' ? 8080 : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PREVIEW_PORT 必须是 0–65535 的整数 · PREVIEW_PORT must be an integer 0–65535: "${raw}"`);
    return 2;
  }
  let server;
  try {
    server = await startServer({ port });
  } catch (error) {
    console.error(`无法在 127.0.0.1:${port} 上提供服务 · cannot serve on 127.0.0.1:${port}: ${error.message}\n（可设置 PREVIEW_PORT=0 使用任一空闲端口 · PREVIEW_PORT=0 picks a free port）`);
    return 1;
  }
  if (argv.includes('--exit-with-stdin')) {
    // Started by the e2e suite (test/e2e/browser.ts): stop when it goes, even if it is killed.
    process.stdin.on('end', () => process.exit(0));
    process.stdin.on('error', () => process.exit(0));
    process.stdin.resume();
  }
  console.log(`三色台账 · 预览 preview: ${server.url}  (Ctrl+C 结束 · to stop)`);
  for (const line of pageList(server.url)) console.log(line);
  return null;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((status) => {
    if (status !== null) process.exit(status);
  });
}

module.exports = { startServer, resolveFile, TYPES, WORKER_HEADERS };
