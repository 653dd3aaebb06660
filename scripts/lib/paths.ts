import * as fs from 'fs';
import * as path from 'path';

/**
 * The repository root: the nearest folder above `from` holding package.json. Works both for the
 * compiled scripts (build/scripts/…, three levels down) and for the sources run by ts-jest.
 */
export function repoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(from, '../../..');
    dir = up;
  }
}
