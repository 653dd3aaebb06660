import * as fs from 'fs';

/** A short wait for a pipe that is full for now: a slow reader is still reading. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));
const PAUSE_MS = 5;

/** Set once the reader of standard output has gone (`… --json | head`): the rest is not written. */
let stdoutClosed = false;

/**
 * Standard output written synchronously, so a failure (a full disk: `> /dev/full`) is known
 * before the command moves its output into place. A reader that closes the pipe early
 * (`--json | head`) ends the output, not the command.
 */
export function writeStdout(s: string): void {
  if (stdoutClosed) return;
  if (writeAll(1, Buffer.from(s, 'utf8')) === 'closed') stdoutClosed = true;
}

/**
 * Writes all of `bytes` to `fd`, as many writes as it takes: waits a moment when the descriptor
 * would block (a non-blocking pipe that is full: EAGAIN), stops at EPIPE ('closed'), and throws
 * any other error. `write` is fs.writeSync but for tests.
 */
export function writeAll(fd: number, bytes: Uint8Array, write: (fd: number, bytes: Uint8Array, offset: number) => number = fs.writeSync): 'written' | 'closed' {
  for (let at = 0; at < bytes.length; ) {
    try {
      at += write(fd, bytes, at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(PAUSE, 0, 0, PAUSE_MS);
      else if (code === 'EPIPE') return 'closed';
      else throw e;
    }
  }
  return 'written';
}
