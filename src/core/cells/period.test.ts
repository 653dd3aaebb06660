import { formatDay } from './dates';
import { parsePeriod } from './period';

describe('parsePeriod reads a meeting period as people name it', () => {
  it.each<[string, [string, string] | null]>([
    ['2026-11-01..2026-11-30', ['2026-11-01', '2026-11-30']],
    ['2026-11', ['2026-11-01', '2026-11-30']],
    ['2026-2', ['2026-02-01', '2026-02-28']],
    ['2028-02', ['2028-02-01', '2028-02-29']],
    ['2026-12', ['2026-12-01', '2026-12-31']],
    ['2026-Q4', ['2026-10-01', '2026-12-31']],
    ['2026q1', ['2026-01-01', '2026-03-31']],
    ['２０２６－Ｑ２', ['2026-04-01', '2026-06-30']],
    [' 2026-Q3 ', ['2026-07-01', '2026-09-30']],
    ['2026-13', null],
    ['2026-Q5', null],
    ['2026-11-30..2026-11-01', null],
    ['2026-02-30..2026-03-01', null],
    ['2026-11-01', null],
    ['十一月', null],
  ])('%s', (text, expected) => {
    const p = parsePeriod(text);
    expect(p && [formatDay(p.from), formatDay(p.to)]).toEqual(expected);
  });
});
