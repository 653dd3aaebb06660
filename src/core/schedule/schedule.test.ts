import { formatDay, parseIsoDay } from '../cells';
import { record } from '../ledger/fixtures';
import type { DisputeStatus, Level, ScheduleResult } from '../model';
import { DEFAULT_PRESET } from '../rules';
import { scheduleRevisit } from './schedule';

const iso = (s: string) => parseIsoDay(s)!;
const CADENCE = DEFAULT_PRESET.cadenceDays;

/** The schedule with the next revisit written out, so the tables read as dates. */
function shown(s: ScheduleResult) {
  return { next: s.nextRevisit === null ? null : formatDay(s.nextRevisit), overdueDays: s.overdueDays, due: s.due };
}

describe('scheduleRevisit', () => {
  it.each<[string, string | null, string | null, Level, string | null]>([
    // [name, registered, last revisit, effective level, next revisit]
    ['revisits red the day after registration', '2021-03-01', null, 'red', '2021-03-02'],
    ['revisits yellow 7 days after registration', '2021-03-01', null, 'yellow', '2021-03-08'],
    ['revisits green 30 days after registration', '2021-03-01', null, 'green', '2021-03-31'],
    ['counts from the latest revisit when there is one', '2021-03-01', '2021-03-10', 'yellow', '2021-03-17'],
    ['counts a red revisit from the latest revisit', '2021-03-01', '2021-03-10', 'red', '2021-03-11'],
    ['counts green across a month end from the latest revisit', '2021-01-15', '2021-02-10', 'green', '2021-03-12'],
    ['counts from a revisit even without a registration date', null, '2021-03-10', 'green', '2021-04-09'],
    ['gives no date with neither registration nor revisit', null, null, 'red', null],
    // A revisit dated before the registration (a typo): counted from it, a case registered last month was a year overdue.
    ['counts from the registration when the revisit is dated before it', '2021-03-01', '2020-03-05', 'red', '2021-03-02'],
  ])('%s', (_name, registered, lastRevisit, level, expected) => {
    const r = record({ registered: registered === null ? null : iso(registered), lastRevisit: lastRevisit === null ? null : iso(lastRevisit) });
    expect(shown(scheduleRevisit(r, level, CADENCE, iso('2021-03-31'))).next).toBe(expected);
  });

  it.each<[string, string, string | null, Level, object]>([
    // [name, registered, last revisit, effective level, schedule on 2021-03-31]
    ['reads a registration after the as-of date (2022 typed for 2021) as that day: a red one is due the next', '2022-03-20', null, 'red', { next: '2021-04-01', overdueDays: 0, due: false }],
    ['and a yellow one a week after it', '2022-03-20', null, 'yellow', { next: '2021-04-07', overdueDays: 0, due: false }],
    ['and from that day when a revisit was made before it', '2022-03-20', '2021-03-01', 'yellow', { next: '2021-04-07', overdueDays: 0, due: false }],
  ])('%s', (_name, registered, lastRevisit, level, expected) => {
    const r = record({ registered: iso(registered), lastRevisit: lastRevisit === null ? null : iso(lastRevisit) });
    expect(shown(scheduleRevisit(r, level, CADENCE, iso('2021-03-31')))).toEqual(expected);
  });

  it.each<[string, DisputeStatus, Level, string | null]>([
    ['gives a closed dispute no next revisit', 'closed', 'green', null],
    ['keeps revisiting a resolved dispute on the green cadence', 'resolved', 'green', '2021-03-31'],
    ['revisits an open dispute', 'open', 'green', '2021-03-31'],
  ])('%s', (_name, status, level, expected) => {
    const r = record({ registered: iso('2021-03-01'), status });
    expect(shown(scheduleRevisit(r, level, CADENCE, iso('2021-03-01'))).next).toBe(expected);
  });

  it.each<[string, string, object]>([
    // Yellow, last revisited 2021-03-10: due 2021-03-17.
    ['is not due the day before', '2021-03-16', { next: '2021-03-17', overdueDays: 0, due: false }],
    ['is due and 0 days overdue on the day', '2021-03-17', { next: '2021-03-17', overdueDays: 0, due: true }],
    ['is 1 day overdue the day after', '2021-03-18', { next: '2021-03-17', overdueDays: 1, due: true }],
    ['is 15 days overdue at the start of April', '2021-04-01', { next: '2021-03-17', overdueDays: 15, due: true }],
    ['is not due long before', '2021-03-01', { next: '2021-03-17', overdueDays: 0, due: false }],
  ])('%s', (_name, asOf, expected) => {
    const r = record({ registered: iso('2021-03-01'), lastRevisit: iso('2021-03-10') });
    expect(shown(scheduleRevisit(r, 'yellow', CADENCE, iso(asOf)))).toEqual(expected);
  });

  it('is never due for a closed dispute, however old', () => {
    const r = record({ registered: iso('2020-01-01'), status: 'closed' });
    expect(shown(scheduleRevisit(r, 'red', CADENCE, iso('2021-03-01')))).toEqual({ next: null, overdueDays: 0, due: false });
  });

  it('uses the cadence it is given', () => {
    const r = record({ registered: iso('2021-03-01') });
    const cadence = { red: 2, yellow: 5, green: 14 };
    expect((['red', 'yellow', 'green'] as Level[]).map((l) => shown(scheduleRevisit(r, l, cadence, iso('2021-03-01'))).next)).toEqual([
      '2021-03-03',
      '2021-03-06',
      '2021-03-15',
    ]);
  });
});
