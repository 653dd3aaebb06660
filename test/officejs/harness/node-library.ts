/**
 * Node's way of loading Microsoft's Excel library for the harness: each file is evaluated with an
 * indirect eval into the test file's own global scope, as a <script> tag would. The set-up around
 * it is test/officejs/emulator/office-runtime.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { libraryFiles, loadLibraryWith, type LibraryBuild } from '../emulator/office-runtime';

/** @microsoft/office-js's dist/ folder (where office.js and excel-web-16.00.js are). */
export function libraryDirectory(): string {
  return path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
}

/** The library file the harness loads: the one office.js picks for Excel on the web. */
export function libraryFile(build: LibraryBuild): string {
  return path.join(libraryDirectory(), libraryFiles(build).library);
}

/** Loads the build into this test file's globals, once (≈50 ms). */
export function loadLibraryInNode(build: LibraryBuild): void {
  const dir = libraryDirectory();
  loadLibraryWith(build, (relative: string) => {
    const file = path.join(dir, relative);
    const code = fs.readFileSync(file, 'utf8');
    (0, eval)(`${code}\n//# sourceURL=${file}`);
    return code;
  });
}
