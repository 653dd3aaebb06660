import { buildMeetingSummary } from './build';
import { day, dispute } from './fixtures';
import { meetingHeadline } from './headline';

describe('meetingHeadline', () => {
  it('gives the period as dates, its 排查数/调处数/成功数 and the open disputes by level', () => {
    const summary = buildMeetingSummary(
      [
        // November, open red, not handled
        dispute(2, { registered: day(2026, 11, 3), level: 'red' }),
        // November, resolved through 人民调解: handled and resolved
        dispute(3, { registered: day(2026, 11, 10), status: 'resolved', text: { channel: '人民调解' } }),
        // November, open yellow, being mediated: handled, not resolved
        dispute(4, { registered: day(2026, 11, 25), level: 'yellow', text: { status: '调解中' } }),
        // October: not in the period, still open green
        dispute(5, { registered: day(2026, 10, 15) }),
      ],
      { period: { from: day(2026, 11, 1), to: day(2026, 11, 30) }, asOf: day(2026, 11, 30), previous: null },
    );
    expect(meetingHeadline(summary)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      registered: 3,
      handled: 2,
      resolved: 1,
      open: { red: 1, yellow: 1, green: 1, total: 3 },
    });
  });
});
