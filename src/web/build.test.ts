/**
 * webpack builds the offline page: web.html with its script and the worker beside it, a
 * Content-Security-Policy that allows no connections, and nothing referenced outside the page.
 * Only the web entry is built (the rest of webpack.config.js as it is), in development mode as
 * `npx webpack --mode development` does.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack, { type Configuration, type Stats } from 'webpack';

const ROOT = path.resolve(__dirname, '../..');

interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<Configuration>;
  WEB_PAGE: { filename: string; template: string; entry: string; chunk: string };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig: WebpackConfigModule = require('../../webpack.config.js');

describe('webpack builds the offline web page', () => {
  let out: string;
  let stats: Stats;
  let html: string;

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-web-build-'));
    const config = await makeConfig({}, { mode: 'development' });
    const { WEB_PAGE } = makeConfig;
    config.entry = { [WEB_PAGE.chunk]: (config.entry as Record<string, string>)[WEB_PAGE.chunk] };
    config.plugins = (config.plugins ?? []).filter((p) => p instanceof HtmlWebpackPlugin && p.userOptions.filename === WEB_PAGE.filename);
    config.output = { ...config.output, path: out };
    config.devtool = false;
    stats = await new Promise<Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
    html = fs.readFileSync(path.join(out, WEB_PAGE.filename), 'utf8');
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('without errors or warnings', () => {
    const info = stats.toJson({ all: false, errors: true, warnings: true });
    expect(info.errors?.map((e) => e.message)).toEqual([]);
    expect(info.warnings?.map((e) => e.message)).toEqual([]);
  });

  it('web.html loads its bundle from beside it, and the worker is a file beside it too', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['web.js']);
    const bundle = fs.readFileSync(path.join(out, 'web.js'), 'utf8');
    expect(fs.existsSync(path.join(out, 'web-worker.js'))).toBe(true);
    // webpack turned the worker's URL into its chunk's: nothing of the module syntax is left.
    expect(bundle).toMatch(/new Worker\([^;]*__webpack_require__\.u\("web-worker"\)/);
    expect(bundle).not.toContain('import.meta');
  });

  it('references nothing outside the page: no http(s) URL at all, every src and href a file of the build or of assets/', () => {
    expect(html).not.toMatch(/https?:|\/\/[a-z0-9]/i);
    const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^[\w./-]+$/);
      expect([ref, fs.existsSync(path.join(out, ref)) || fs.existsSync(path.join(ROOT, ref))]).toEqual([ref, true]);
    }
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('has a Content-Security-Policy that forbids every connection and foreign script', () => {
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(
      csp!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['worker-src']).toEqual(["'self'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
    // Fluent UI (Griffel) inserts its styles as <style> rules at run time.
    expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });
});
