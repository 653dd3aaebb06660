import { writeAll } from './stdout';

/** A descriptor that takes what `script` says, one call at a time: a count of bytes, or an error code. */
function scripted(script: (number | string)[]) {
  const taken: number[] = [];
  const write = (_fd: number, bytes: Uint8Array, offset: number) => {
    const step = script.shift();
    if (step === undefined) throw new Error('written past the script');
    if (typeof step === 'string') throw Object.assign(new Error(step), { code: step });
    const n = Math.min(step, bytes.length - offset);
    taken.push(...bytes.subarray(offset, offset + n));
    return n;
  };
  return { write, taken };
}

describe('writeAll: standard output written whole and at once', () => {
  const bytes = Uint8Array.from({ length: 10 }, (_, i) => i);

  it.each<[string, (number | string)[], 'written' | 'closed', number]>([
    ['in one write', [10], 'written', 10],
    ['in as many writes as the descriptor takes', [3, 3, 4], 'written', 10],
    ['waiting while a non-blocking pipe is full (EAGAIN), then going on', [4, 'EAGAIN', 'EAGAIN', 6], 'written', 10],
    ['stopping, not failing, when the reader has gone (EPIPE)', [4, 'EPIPE'], 'closed', 4],
  ])('%s', (_, script, outcome, bytesTaken) => {
    const fd = scripted(script);
    expect(writeAll(1, bytes, fd.write)).toBe(outcome);
    expect(fd.taken).toEqual([...bytes.subarray(0, bytesTaken)]);
  });

  it('throws any other error (a full disk), for the command to say and to leave its output unmoved', () => {
    const fd = scripted([2, 'ENOSPC']);
    expect(() => writeAll(1, bytes, fd.write)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
  });
});
