import * as fs from 'fs';
import * as path from 'path';

/** Whether an executable named `command` is on the PATH (some tools have no --version that exits 0). */
export function commandExists(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Why a test needing an external program cannot run, or null when it can. Outside CI a missing
 * tool skips its test with the reason in the test's name; in CI (CI=true) a missing tool is a
 * failure, because .ci/run installs it.
 */
export function toolSkipReason(command: string, pkg: string): string | null {
  if (commandExists(command)) return null;
  if (process.env.CI) throw new Error(`${command} is missing in CI: .ci/run must install ${pkg}`);
  return `${command} not installed (apt-get install ${pkg})`;
}
