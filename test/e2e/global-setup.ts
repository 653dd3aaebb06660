/**
 * Builds dist/ (webpack, development) before the end-to-end suite, every time: the pages under
 * test are always the ones in src/. SKIP_E2E_BUILD=1 reuses an existing dist/ (local iteration).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export default function globalSetup(): void {
  const root = path.resolve(__dirname, '..', '..');
  if (process.env.SKIP_E2E_BUILD === '1' && fs.existsSync(path.join(root, 'dist', 'taskpane.html'))) return;
  const started = Date.now();
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'development'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  process.stderr.write(`\ne2e: dist/ built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
