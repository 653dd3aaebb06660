/**
 * webpack builds the task pane (only its entry, the rest of webpack.config.js as it is, in
 * development mode): outside Excel it runs the file host in its own worker, a file beside the page,
 * and ships no Excel emulator and no copy of Microsoft's Excel library.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack, { type Configuration, type Stats } from 'webpack';

interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<Configuration>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig: WebpackConfigModule = require('../../webpack.config.js');

describe('webpack builds the task pane', () => {
  let out: string;
  let stats: Stats;

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-pane-build-'));
    const config = await makeConfig({}, { mode: 'development' });
    config.entry = { taskpane: (config.entry as Record<string, string>).taskpane };
    config.plugins = (config.plugins ?? []).filter((p) => p instanceof HtmlWebpackPlugin && p.userOptions.filename === 'taskpane.html');
    config.output = { ...config.output, path: out };
    config.devtool = false;
    stats = await new Promise<Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
  }, 120_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('without errors or warnings', () => {
    const info = stats.toJson({ all: false, errors: true, warnings: true });
    expect(info.errors?.map((e) => e.message)).toEqual([]);
    expect(info.warnings?.map((e) => e.message)).toEqual([]);
  });

  it('with the pane’s worker beside the page: the file host runs there', () => {
    expect(fs.existsSync(path.join(out, 'pane-worker.js'))).toBe(true);
    const worker = fs.readFileSync(path.join(out, 'pane-worker.js'), 'utf8');
    expect(worker).toContain('src/hosts/file-addin/worker.ts');
    expect(worker).toContain('src/hosts/file-addin/operations.ts');
  });

  it('ships no Excel emulator and no Microsoft Excel library', () => {
    const modules = (stats.toJson({ all: false, modules: true }).modules ?? []).map((m) => m.name ?? '');
    expect(modules.filter((name) => /officejs\/emulator|hosts\/inbrowser|excel-web/.test(name))).toEqual([]);
    expect(fs.existsSync(path.join(out, 'officejs'))).toBe(false);
  });
});
