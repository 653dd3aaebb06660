import { childEnvironment } from '../../src/cli/supervise';
import { workbooksNamed } from '../../src/cli/out-of-memory';

describe('the environment the command runs in', () => {
  it('has glibc map blocks of 128 KB or more on their own, so freed ones leave the peak, and ask for huge pages behind them', () => {
    const env = childEnvironment({ PATH: '/usr/bin', TRICOLOR_LANG: 'en' });
    expect(env).toEqual({ PATH: '/usr/bin', TRICOLOR_LANG: 'en', MALLOC_MMAP_THRESHOLD_: '131072', GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
  });

  it("keeps the user's own malloc settings", () => {
    const env = childEnvironment({ MALLOC_MMAP_THRESHOLD_: '65536', GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' });
    expect(env.MALLOC_MMAP_THRESHOLD_).toBe('65536');
    expect(env.GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2');
  });
});

describe('the workbooks the out-of-memory message names', () => {
  it.each([
    ['the ledger of a run', ['run', '台账.xlsx', '--out', 'o.xlsx'], 'zh', '“台账.xlsx”'],
    ['every ledger of a meeting, without their units', ['meeting', 'a.xlsx=派出所', 'b.xlsx', '--as-of', '2026-11-30'], 'zh', '“a.xlsx”、“b.xlsx”'],
    ['in English', ['run', 'ledger.xlsx', '--lang', 'en'], 'en', '"ledger.xlsx"'],
    ['a file name holding an escape, as a symbol', ['run', 'a\u001b[2J.xlsx'], 'zh', '“a␛[2J.xlsx”'],
    ['"the workbook" when the line names none it can read', ['run', '--bogus'], 'zh', '工作簿'],
  ] as const)('%s', (_, argv, language, expected) => {
    expect(workbooksNamed(argv, language)).toBe(expected);
  });
});
