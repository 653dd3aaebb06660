/**
 * A joint meeting compares every pair of lines that share a party. Cells may hold 32,767
 * characters: work on a pair must grow with their length, not its square (see also
 * test/xlsx/hostile.test.ts › long cells). The bound catches a hang, not a slowdown: these took
 * 70 s and more before, and take well under a second now.
 */
import { findSharedDisputes, type UnitDispute } from '../../src/core/meeting/duplicates';
import { day, dispute } from '../../src/core/summary/fixtures';

const LONGEST = 32_767;
const long = (pattern: string, tail = '') => pattern.repeat(Math.ceil(LONGEST / pattern.length)).slice(0, LONGEST - tail.length) + tail;

describe('a joint meeting of ledgers whose place cells are 32,767 characters long', () => {
  it.each([
    ['digits with no 组 after them', long('5', '号')],
    ['村 again and again', long('村')],
  ])('finds the shared lines in moments: %s', (_, place) => {
    const lines = (unit: number): UnitDispute[] =>
      Array.from({ length: 20 }, (_, i) => ({ unit, dispute: dispute(i + 3, { registered: day(2026, 11, 1 + (i % 5)), text: { parties: `甲乙${String.fromCharCode(0x5000 + i)}`, place, type: '邻里纠纷' } }) }));
    const started = Date.now();
    const shared = findSharedDisputes([...lines(0), ...lines(1)]);
    expect(Date.now() - started).toBeLessThan(15_000);
    // The same twenty parties in both ledgers, in the same place, days apart: twenty shared disputes.
    expect(shared).toHaveLength(20);
  });
});
