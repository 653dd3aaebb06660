import { spawnSync } from 'child_process';

/**
 * Whether an external program can run here. Outside CI a missing tool skips its test with the
 * reason in the test's name; in CI (CI=true) a missing tool is a failure, because .ci/run installs it.
 */
export function toolSkipReason(command: string, pkg: string): string | null {
  const found = spawnSync(command, ['--version'], { encoding: 'utf8' }).status === 0;
  if (found) return null;
  if (process.env.CI) throw new Error(`${command} is missing in CI: .ci/run must install ${pkg}`);
  return `${command} not installed (apt-get install ${pkg})`;
}
