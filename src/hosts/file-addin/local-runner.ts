import { runFileOperation } from './operations';
import type { FileRunner } from './session';

/** The operations in this thread: tests, and pages where no worker can start. */
export function localFileRunner(): FileRunner {
  return {
    run: async (call, onProgress) => runFileOperation(call, onProgress),
    dispose: () => undefined,
  };
}
