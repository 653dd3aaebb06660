import type { TriagedDispute } from '../model';
import { buildMeetingSummary, classifyChannel, classifySettlement, DEFAULT_SETTLEMENT_KEYWORDS, isHandled } from './build';
import { day, dispute } from './fixtures';
import { previousSnapshot, retainSnapshots, snapshotToRows, snapshotsFromRows, takeSnapshot } from './snapshot';
import type { MeetingSnapshot, Period } from './types';
import { renderMeetingSummary } from './render';

const NOV: Period = { from: day(2026, 11, 1), to: day(2026, 11, 30) };
const AS_OF = day(2026, 11, 30);
const build = (disputes: TriagedDispute[], previous: MeetingSnapshot | null = null) =>
  buildMeetingSummary(disputes, { period: NOV, asOf: AS_OF, previous });

// A small ledger; the comments say what each row counts towards.
const ledger: TriagedDispute[] = [
  // period: registered, not handled; open red
  dispute(2, { registered: day(2026, 11, 3), level: 'red' }),
  // period: handled (channel), resolved
  dispute(3, { registered: day(2026, 11, 10), status: 'resolved', text: { channel: '人民调解' } }),
  // period: handled (closed), resolved
  dispute(4, { registered: day(2026, 11, 20), status: 'closed', text: { status: '已销号' } }),
  // period: handled (status text), open yellow
  dispute(5, { registered: day(2026, 11, 25), level: 'yellow', text: { status: '调解中' } }),
  // year to date only: handled, resolved
  dispute(6, { registered: day(2026, 10, 15), status: 'resolved', text: { channel: '司法调解' } }),
  // last year: open yellow
  dispute(7, { registered: day(2025, 12, 20), level: 'yellow' }),
  // registered after the as-of date: counted nowhere
  dispute(8, { registered: day(2026, 12, 5), level: 'red' }),
  // undated, placeholder status text: open green, not handled
  dispute(9, { registered: null, text: { status: '/' } }),
];

describe('totals', () => {
  const s = build(ledger);

  it('counts registered, handled and resolved disputes of the period, with their rates', () => {
    expect(s.totals.period).toEqual({ registered: 4, handled: 3, handledRate: 0.75, resolved: 2, resolvedRate: 2 / 3 });
  });

  it('counts the year to date from 1 January of the year the period ends in', () => {
    expect(s.yearStart).toBe(day(2026, 1, 1));
    expect(s.totals.yearToDate).toEqual({ registered: 5, handled: 4, handledRate: 0.8, resolved: 3, resolvedRate: 0.75 });
  });

  it.each<[string, TriagedDispute[], object]>([
    ['gives no rates when nothing was registered', [], { registered: 0, handled: 0, handledRate: null, resolved: 0, resolvedRate: null }],
    [
      'gives no success rate when nothing was handled',
      [dispute(2, { registered: day(2026, 11, 2) })],
      { registered: 1, handled: 0, handledRate: 0, resolved: 0, resolvedRate: null },
    ],
  ])('%s', (_name, disputes, expected) => {
    expect(build(disputes).totals.period).toEqual(expected);
  });

  it.each<[string, TriagedDispute, boolean]>([
    ['a resolved dispute is handled', dispute(2, { status: 'resolved' }), true],
    ['a closed dispute is handled', dispute(2, { status: 'closed' }), true],
    ['an open dispute with a channel is handled', dispute(2, { text: { channel: '行政调解' } }), true],
    ['an open dispute with a status text is handled', dispute(2, { text: { status: '未化解' } }), true],
    ['an open dispute with a placeholder status is not handled', dispute(2, { text: { status: '无' } }), false],
    ['an open dispute with nothing filled in is not handled', dispute(2), false],
  ])('%s', (_name, d, expected) => {
    expect(isHandled(d)).toBe(expected);
  });
});

describe('open disputes', () => {
  it('counts open disputes registered up to the as-of date or undated, by effective level', () => {
    expect(build(ledger).open).toEqual({ red: 1, yellow: 2, green: 1, total: 4 });
  });
});

describe('breakdowns', () => {
  const disputes = [
    dispute(2, { registered: day(2026, 11, 1), text: { type: '邻里纠纷', place: '东村' }, level: 'red' }),
    dispute(3, { registered: day(2026, 11, 2), text: { type: '邻里纠纷', place: '西村' }, status: 'resolved' }),
    dispute(4, { registered: day(2026, 11, 3), text: { type: '婚姻家庭', place: '东村' }, level: 'yellow' }),
    dispute(5, { registered: day(2026, 11, 4), text: { type: '婚姻家庭', place: '西村' } }),
    dispute(6, { registered: day(2026, 11, 5), text: { type: '土地', place: '东村' }, status: 'closed' }),
    dispute(7, { registered: day(2026, 11, 6), text: { type: '' } }),
    dispute(8, { registered: day(2026, 10, 6), text: { type: '土地' } }), // outside the period
  ];
  const s = build(disputes);

  it('counts what the period registered and resolved, and every open dispute, most registered first (婚 U+5A5A before 邻 U+90BB), blank last', () => {
    expect(s.byType.rows.map((r) => [r.name, r.registered, r.resolved, r.openRed, r.openYellow, r.openGreen])).toEqual([
      ['婚姻家庭', 2, 0, 0, 1, 1],
      ['邻里纠纷', 2, 1, 1, 0, 0],
      // Row 8 was registered in October and is still open: it counts as open, not as registered.
      ['土地', 1, 1, 0, 0, 1],
      ['未填', 1, 0, 0, 0, 1],
    ]);
  });

  it('has totals that agree with 一 (registered, resolved) and 二 (open by level)', () => {
    for (const table of [s.byType, s.byPlace, s.byOwner, s.byChannel]) {
      expect(table.total.registered).toBe(s.totals.period.registered);
      expect(table.total.resolved).toBe(s.totals.period.resolved);
      expect([table.total.openRed, table.total.openYellow, table.total.openGreen]).toEqual([s.open.red, s.open.yellow, s.open.green]);
    }
    expect(s.byType.total.resolvedRate).toBe(2 / 6);
  });

  it('breaks down by village or unit, blank as 未填', () => {
    expect(s.byPlace.rows.map((r) => [r.name, r.registered, r.blank])).toEqual([
      ['东村', 3, false],
      ['西村', 2, false],
      ['未填', 1, true],
    ]);
  });

  it('breaks down by the responsible unit and person', () => {
    const list = [
      dispute(2, { registered: day(2026, 11, 2), text: { ownerUnit: '镇司法所', owner: '陈东' } }),
      dispute(3, { registered: day(2026, 11, 3), text: { ownerUnit: '镇司法所', owner: '陈东' }, status: 'resolved' }),
      dispute(4, { registered: day(2026, 11, 4), text: { owner: '王建国' } }),
    ];
    expect(build(list).byOwner.rows.map((r) => [r.name, r.registered, r.resolved, r.resolvedRate])).toEqual([
      ['镇司法所/陈东', 2, 1, 0.5],
      ['王建国', 1, 0, 0],
    ]);
  });

  it.each<[string, string]>([
    ['人民调解', 'people'],
    ['村调委会人民调解', 'people'],
    ['诉前司法确认', 'judicial'],
    ['行政调解', 'administrative'],
    ['双方协商', 'other'],
    ['治安调解', 'administrative'],
    ['法庭诉前调解', 'judicial'],
    ['村调委会调解', 'people'],
    ['', 'blank'],
    ['—', 'blank'],
  ])('classifies the channel %p as %p', (channel, expected) => {
    expect(classifyChannel(channel)).toBe(expected);
  });

  it('breaks down by channel class, ties in name order (其 司 行), blank last', () => {
    const channels = ['人民调解', '村调委会人民调解', '诉前司法确认', '行政调解', '双方协商', ''];
    const list = channels.map((channel, i) => dispute(i + 2, { registered: day(2026, 11, 2), text: { channel } }));
    expect(build(list).byChannel.rows.map((r) => [r.name, r.channel, r.registered])).toEqual([
      ['人民调解', 'people', 2],
      ['其他', 'other', 1],
      ['司法调解', 'judicial', 1],
      ['行政调解', 'administrative', 1],
      ['未填', 'blank', 1],
    ]);
  });
});

describe('the channel of a blank 化解方式', () => {
  it('is people’s mediation in a 司法所’s register and judicial in a 法庭’s list, but unknown in a 派出所’s ledger', () => {
    const line = (row: number, unit: string) => ({ ...dispute(row, { registered: day(2026, 11, 2) }), heldBy: [{ unit, row, serial: '' }] });
    const s = build([line(2, '青山镇司法所'), line(3, '青山人民法庭'), line(4, '青山镇派出所')]);
    expect(s.byChannel.rows.map((r) => [r.channel, r.registered])).toEqual([
      ['people', 1],
      ['judicial', 1],
      ['blank', 1],
    ]);
  });
});

describe('headcount buckets', () => {
  it('are absent when no dispute has a headcount', () => {
    expect(build(ledger).headcount).toBeNull();
  });

  it('put 49 under 50, 50 and 100 in 50–100, 101 and 500 in 101–500, 501 over 500, and count the rest as unknown', () => {
    const counts = [49, 50, 100, 101, 500, 501, null];
    const list = counts.map((headcount, i) => dispute(i + 2, { registered: day(2026, 11, 9), headcount }));
    expect(build(list).headcount).toEqual({ under50: 1, from50to100: 2, from101to500: 2, over500: 1, unknown: 1 });
  });
});

describe('settlement', () => {
  const reg = day(2026, 11, 9);
  const disputes = [
    dispute(2, { registered: reg, status: 'resolved', text: { channel: '人民调解', owner: '村调委会' } }), // village
    dispute(3, { registered: reg, status: 'resolved', text: { channel: '司法调解', ownerUnit: '镇司法所' } }), // township
    dispute(4, { registered: reg, status: 'closed', text: { ownerUnit: '村委会', supervision: '县综治办督办' } }), // escalated first
    dispute(5, { registered: reg, status: 'resolved', text: { status: '已移送法院诉讼' } }), // escalated
    dispute(6, { registered: reg, text: { owner: '村调委会' } }), // open: not counted
  ];

  it('places resolved disputes in the village, the township or above, escalated keywords first', () => {
    expect(build(disputes).settlement).toEqual({ village: 1, township: 1, escalated: 2, total: 4 });
  });

  it('uses the keywords it is given', () => {
    const s = buildMeetingSummary(disputes, { period: NOV, asOf: AS_OF, previous: null, settlement: { escalated: ['法院'] } });
    expect(s.settlement).toEqual({ village: 2, township: 1, escalated: 1, total: 4 });
  });

  it.each<[string, string]>([
    ['网格员现场调解', 'village'],
    ['社区民警', 'village'],
    ['市场监管所', 'escalated'],
    ['派出所', 'township'],
  ])('places owner %p as %p with the default keywords', (owner, expected) => {
    expect(classifySettlement(dispute(2, { text: { owner } }), DEFAULT_SETTLEMENT_KEYWORDS)).toBe(expected);
  });
});

describe('key cases', () => {
  const disputes = [
    dispute(2, { registered: day(2026, 11, 5), level: 'yellow', text: { place: '东村', description: '宅基地边界争议' } }),
    dispute(3, { registered: day(2026, 11, 9), level: 'red', text: { place: '西村', title: '王五扬言报复' } }),
    dispute(4, { registered: day(2026, 10, 2), level: 'yellow', text: { place: '南村' } }),
    dispute(5, { registered: day(2026, 11, 1), level: 'red', status: 'resolved' }), // not open
    dispute(6, { registered: day(2026, 11, 2), level: 'green' }), // green
    dispute(7, { registered: null, level: 'yellow' }), // undated: after the dated ones
    dispute(8, {
      registered: day(2026, 11, 12),
      level: 'red',
      deadline: day(2026, 12, 15),
      text: {
        place: '北村',
        description: '张三与李四因债务纠纷，张三扬言同归于尽',
        parties: '张三、李四',
        ownerUnit: '镇综治办',
        owner: '刘主任',
        status: '调解中',
        supervision: '县督办',
        closure: '未销号',
      },
    }),
    dispute(9, { registered: day(2026, 11, 3), level: 'yellow', text: { deadline: '月底前', parties: '王五' } }),
  ];
  const s = build(disputes);

  it('lists open red disputes first, then open yellow, each by registration date, undated last', () => {
    expect(s.keyCases.map((k) => [k.refs[0].row, k.level])).toEqual([
      [3, 'red'],
      [8, 'red'],
      [4, 'yellow'],
      [9, 'yellow'],
      [2, 'yellow'],
      [7, 'yellow'],
    ]);
  });

  it('takes the description, else the title, and joins the responsible unit and person', () => {
    expect(s.keyCases[1]).toEqual({
      key: 'K8',
      refs: [{ unit: '', row: 8, serial: '' }],
      place: '北村',
      brief: '张三与李四因债务纠纷，张三扬言同归于尽',
      reasons: '',
      level: 'red',
      registered: day(2026, 11, 12),
      daysOpen: 18,
      owner: '镇综治办/刘主任',
      deadline: day(2026, 12, 15),
      deadlineText: '',
      statusText: '调解中',
      nextRevisit: null,
      overdueDays: 0,
      names: ['张三', '李四'],
      address: '',
    });
    expect(s.keyCases[0].brief).toBe('王五扬言报复');
  });

  it('refers to a dispute by the ledger’s own 序号 and keeps the ledger’s punctuation', () => {
    const d = dispute(5, {
      registered: day(2026, 11, 3),
      level: 'red',
      text: { serial: '249', description: '发生争执,周某扬言要砍人' },
      written: { description: '发生争执，周某扬言要砍人' },
    });
    const [k] = buildMeetingSummary([d], { period: NOV, asOf: AS_OF, previous: null, units: ['XX镇派出所'] }).keyCases;
    expect([k.refs, k.brief]).toEqual([[{ unit: 'XX镇派出所', row: 5, serial: '249' }], '发生争执，周某扬言要砍人']);
  });

  it('keeps a deadline it cannot read as text', () => {
    expect([s.keyCases[3].deadline, s.keyCases[3].deadlineText]).toEqual([null, '月底前']);
  });

  it("marks for masking a party of another row who is named in this row's text", () => {
    expect(s.keyCases[0].names).toEqual(['王五']);
  });
});

describe('overdue revisits', () => {
  it('lists every red and yellow overdue revisit, reds first, then most overdue; greens are counted only', () => {
    const greens = Array.from({ length: 60 }, (_, i) =>
      dispute(20 + i, { overdueDays: 200 + i, nextRevisit: day(2026, 5, 1), status: 'resolved', level: 'green' }),
    );
    const disputes = [
      dispute(2, { overdueDays: 3, nextRevisit: day(2026, 11, 27), level: 'yellow', text: { place: '东村', owner: '赵警官' } }),
      dispute(3, { overdueDays: 0, level: 'red' }),
      dispute(4, { overdueDays: 10, nextRevisit: day(2026, 11, 20), level: 'yellow', text: { place: '西村', ownerUnit: '西村调委会' } }),
      dispute(5, { overdueDays: 3, nextRevisit: day(2026, 11, 27), level: 'red' }),
      dispute(6, { overdueDays: 1, nextRevisit: day(2026, 11, 29), level: 'red' }),
      ...greens,
    ];
    const s = build(disputes);
    expect(s.overdue.count).toBe(64);
    expect(s.overdue.byLevel).toEqual({ red: 2, yellow: 2, green: 60 });
    expect(s.overdue.items.map((o) => [o.refs[0].row, o.place, o.level, o.owner, o.due, o.overdueDays])).toEqual([
      [5, '', 'red', '', day(2026, 11, 27), 3],
      [6, '', 'red', '', day(2026, 11, 29), 1],
      [4, '西村', 'yellow', '西村调委会', day(2026, 11, 20), 10],
      [2, '东村', 'yellow', '赵警官', day(2026, 11, 27), 3],
    ]);
  });
});

describe('changes since the previous meeting', () => {
  it('is null when there is no previous snapshot', () => {
    expect(build(ledger).changes).toBeNull();
  });

  it('lists each change with the row, village and levels', () => {
    const previous: MeetingSnapshot = {
      period: { from: day(2026, 10, 1), to: day(2026, 10, 31) },
      entries: [{ key: 'K2', row: 2, level: 'yellow', status: 'open' }],
    };
    const threat = { rule: 'red.threat', level: 'red' as const, text: '红：人身安全威胁：“扬言报复”' };
    const s = buildMeetingSummary([dispute(2, { level: 'red', reasons: [threat], text: { place: '东村', description: '王五扬言报复' } })], {
      period: NOV,
      asOf: AS_OF,
      previous,
      previousSource: '台账.tricolor.xlsx',
    });
    expect(s.changes?.source).toBe('台账.tricolor.xlsx');
    expect(s.changes?.counts).toEqual({ newRed: 1, escalated: 1, deEscalated: 0, resolved: 0 });
    expect(s.changes?.items.map((i) => [i.category, i.refs[0].row, i.place, i.brief, i.previousLevel, i.level, i.why])).toEqual([
      ['newRed', 2, '东村', '王五扬言报复', 'yellow', 'red', threat.text],
      ['escalated', 2, '东村', '王五扬言报复', 'yellow', 'red', threat.text],
    ]);
  });

  it('says what the ledger says of a dispute that was resolved', () => {
    const previous: MeetingSnapshot = {
      period: { from: day(2026, 10, 1), to: day(2026, 10, 31) },
      entries: [{ key: 'K2', row: 2, level: 'red', status: 'open' }],
    };
    const s = build([dispute(2, { status: 'resolved', text: { status: '经人民调解达成协议，已履行' } })], previous);
    expect(s.changes?.items.map((i) => [i.category, i.why])).toEqual([
      ['deEscalated', '经人民调解达成协议，已履行'],
      ['resolved', '经人民调解达成协议，已履行'],
    ]);
  });

  it.each([
    ['zh', '已销号', '已化解'],
    ['en', 'Closed', 'Resolved'],
  ] as const)('where the ledger says nothing of a settled dispute, the paper says closed or resolved in its language (%s)', (language, closed, resolved) => {
    const previous: MeetingSnapshot = {
      period: { from: day(2026, 10, 1), to: day(2026, 10, 31) },
      entries: [
        { key: 'K2', row: 2, level: 'red', status: 'open' },
        { key: 'K3', row: 3, level: 'red', status: 'open' },
      ],
    };
    const s = build([dispute(2, { status: 'closed' }), dispute(3, { status: 'resolved' })], previous);
    const paper = renderMeetingSummary(s, { language, mask: true });
    const text = paper.rows.flat().map((c) => String(c.value ?? '')).join('|');
    expect(text).toContain(`|${closed}|`);
    expect(text).toContain(`|${resolved}|`);
    expect(text).not.toMatch(language === 'en' ? /已销号|已化解/ : /Closed|Resolved/);
  });
});

describe('running the same meeting twice', () => {
  it('gives the same summary, because the second run still compares with the previous meeting', () => {
    const october: MeetingSnapshot = {
      period: { from: day(2026, 10, 1), to: day(2026, 10, 31) },
      entries: [{ key: 'K2', row: 2, level: 'yellow', status: 'open' }, { key: 'K5', row: 5, level: 'yellow', status: 'open' }],
    };
    const run = (storedRows: (string | number)[][]) => {
      const stored = snapshotsFromRows(storedRows).snapshots;
      const summary = build(ledger, previousSnapshot(stored, NOV));
      return { summary, rows: snapshotToRows(retainSnapshots(stored, takeSnapshot(ledger, NOV))) };
    };
    const first = run(snapshotToRows(october));
    const second = run(first.rows);
    // row 2 went yellow → red; row 8 (red) is new
    expect(first.summary.changes?.counts).toEqual({ newRed: 2, escalated: 1, deEscalated: 0, resolved: 0 });
    expect(second.summary).toEqual(first.summary);
    expect(second.rows).toEqual(first.rows);
  });
});
