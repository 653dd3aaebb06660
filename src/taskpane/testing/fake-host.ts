import { DEFAULT_PRESET, type FieldName } from '../../core';
import type {
  AddinHost,
  AddinSettings,
  HostCapabilities,
  JobReport,
  JointMeetingReport,
  LedgerInfo,
  Progress,
  ProgressListener,
  RevisitEntry,
  SelectedDispute,
  SummaryOptions,
} from '../../addin/host';

/** A host call as the pane made it. */
export interface HostCall {
  method: keyof AddinHost;
  args: unknown[];
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A small ledger as detected: title rows 1–2, a two-row header (3–4), one column left unmapped. */
export const SAMPLE_LEDGER: LedgerInfo = {
  sheet: '台账',
  headerRows: [3, 4],
  columns: [
    { column: 'A', header: '序号', field: 'serial' },
    { column: 'B', header: '受理日期', field: 'registered' },
    { column: 'C', header: '当事人', field: 'parties' },
    { column: 'D', header: '纠纷类型', field: 'type' },
    { column: 'E', header: '纠纷简要情况', field: 'description' },
    { column: 'F', header: '涉及人数', field: 'headcount' },
    { column: 'G', header: '包案人员', field: null },
    { column: 'H', header: '化解情况', field: 'status' },
  ],
  sheets: ['说明', '台账'],
};

/** A triage result with one issue pointing at a cell (台账!B35) and one pointing nowhere. */
export const SAMPLE_REPORT: JobReport = {
  counts: {
    disputes: 42,
    byLevel: { red: 3, yellow: 9, green: 30 },
    dueToday: 5,
    overdue: 2,
    unreadableRows: 1,
    needsReview: 1,
  },
  issues: [
    { message: 'B35 的日期“2020.13.5”无法识别，请改为 2026-05-21 或 2026年5月21日 的写法', sheet: '台账', cell: 'B35' },
    { message: '第 40 行人工定级为绿，低于建议的黄，请复核', sheet: '台账', cell: null },
  ],
  sheet: '台账',
  staticFills: false,
};

export const SAMPLE_SELECTED: SelectedDispute = {
  row: 12,
  label: '张某与李某宅基地纠纷',
  level: 'yellow',
  nextRevisit: '2026-05-20',
};

/** Other units' ledgers the fake meeting knows, by file: their unit and line counts. */
export const FAKE_UNITS: Record<string, Omit<JointMeetingReport['units'][number], 'file' | 'sheet'>> = {
  'justice.xlsx': { unit: '青山镇司法所', disputes: 25, registered: 11, open: { red: 1, yellow: 6, green: 4, total: 11 }, shared: 6 },
  'court.xlsx': { unit: '青山人民法庭', disputes: 20, registered: 11, open: { red: 0, yellow: 4, green: 6, total: 10 }, shared: 4 },
};

/** Where each job writes, as the Office.js host reports it. */
const JOB_SHEETS = { triage: '台账', writeDueList: '回访清单', writeSummary: '联席会议汇总' } as const;

/**
 * A host for the pane's tests. It records every call, answers with canned values (change the
 * public fields to vary them), can be told to fail a method with a message, and can hold jobs
 * after their first progress report so a test sees the pane mid-job.
 */
export class FakeHost implements AddinHost {
  readonly calls: HostCall[] = [];
  ledger: LedgerInfo = clone(SAMPLE_LEDGER);
  report: JobReport = clone(SAMPLE_REPORT);
  settings: AddinSettings = { version: 1, preset: clone(DEFAULT_PRESET), fieldColumns: { remarks: null }, mask: true };
  selected: SelectedDispute | null = clone(SAMPLE_SELECTED);
  nextRevisit: string | null = '2026-05-27';
  capabilitiesValue: HostCapabilities = { conditionalFormats: true, mergedAreas: true, excelApi: '1.12' };
  /** What a job reports, in order; the job waits after the first one while held. */
  progressSteps: Progress[] = [
    { stage: 'read', fraction: 0.25 },
    { stage: 'triage', fraction: 0.5 },
    { stage: 'write', fraction: 0.75 },
    { stage: 'format' },
  ];

  private readonly failures = new Map<keyof AddinHost, unknown>();
  private gate: Promise<void> | null = null;

  /** From now on `method` rejects with `error` (an Error with this message when given a string). */
  fail(method: keyof AddinHost, error: unknown): void {
    this.failures.set(method, typeof error === 'string' ? new Error(error) : error);
  }

  succeed(method: keyof AddinHost): void {
    this.failures.delete(method);
  }

  /** Jobs stop after their first progress report until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.gate = null;
      release();
    };
  }

  /** The arguments of every call to `method`, oldest first. */
  callsTo(method: keyof AddinHost): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private async answer<T>(method: keyof AddinHost, args: unknown[], value: () => T): Promise<T> {
    this.calls.push({ method, args });
    await Promise.resolve();
    if (this.failures.has(method)) throw this.failures.get(method);
    return value();
  }

  private async job(method: keyof typeof JOB_SHEETS, args: unknown[], onProgress?: ProgressListener, extra: Partial<JobReport> = {}): Promise<JobReport> {
    this.calls.push({ method, args });
    await Promise.resolve();
    const [first, ...rest] = this.progressSteps;
    if (first) onProgress?.(first);
    if (this.gate) await this.gate;
    if (this.failures.has(method)) throw this.failures.get(method);
    for (const p of rest) onProgress?.(p);
    return { ...clone(this.report), sheet: method === 'triage' ? this.report.sheet : JOB_SHEETS[method], ...extra };
  }

  detect(): Promise<LedgerInfo> {
    return this.answer('detect', [], () => clone(this.ledger));
  }

  setFieldColumn(field: FieldName, column: string | null): Promise<LedgerInfo> {
    return this.answer('setFieldColumn', [field, column], () => {
      for (const c of this.ledger.columns) if (c.field === field) c.field = null;
      const target = this.ledger.columns.find((c) => c.column === column);
      if (target) target.field = field;
      this.settings.fieldColumns[field] = column;
      return clone(this.ledger);
    });
  }

  triage(onProgress?: ProgressListener): Promise<JobReport> {
    return this.job('triage', [], onProgress);
  }

  writeDueList(onProgress?: ProgressListener): Promise<JobReport> {
    return this.job('writeDueList', [], onProgress);
  }

  /**
   * Records the options (other units' ledgers by file, unit given and the sheet read, not their
   * cells) and answers with the headline, and for a joint meeting each unit's line and two disputes
   * this workbook shares with the others.
   */
  writeSummary(options: SummaryOptions, onProgress?: ProgressListener): Promise<JobReport> {
    // The headline the Office.js host adds for the meeting: 12 registered in the period, 8 handled, 6 resolved.
    const meeting = { from: options.from, to: options.to, registered: 12, handled: 8, resolved: 6, open: { red: 3, yellow: 9, green: 18, total: 30 } };
    const { others, ...rest } = options;
    if (!others) return this.job('writeSummary', [clone(options)], onProgress, { meeting });
    const recorded = { ...rest, others: others.map((o) => ({ file: o.file, ...(o.unit !== undefined ? { unit: o.unit } : {}), sheet: o.input.ledger.name })) };
    const units: JointMeetingReport['units'] = [
      { unit: '青山镇派出所', file: this.ledger.sheet, sheet: this.ledger.sheet, disputes: 30, registered: 12, open: { red: 4, yellow: 6, green: 1, total: 11 }, shared: 5 },
      ...others.map((o) => ({ ...(FAKE_UNITS[o.file] ?? { unit: o.file, disputes: 0, registered: 0, open: { red: 0, yellow: 0, green: 0, total: 0 }, shared: 0 }), ...(o.unit ? { unit: o.unit } : {}), file: o.file, sheet: o.input.ledger.name })),
    ];
    const joint: JointMeetingReport = {
      disputes: units.reduce((n, u) => n + u.disputes, 0) - 8,
      units,
      duplicates: [
        [
          { unit: units[0].unit, row: 12, serial: '9' },
          { unit: units[1].unit, row: 9, serial: '青司调〔2026〕36号' },
        ],
      ],
      dueListSheet: '回访清单',
    };
    return this.job('writeSummary', [recorded], onProgress, { meeting, joint });
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.answer('selectCell', [sheet, address], () => undefined);
  }

  selectedDispute(): Promise<SelectedDispute | null> {
    return this.answer('selectedDispute', [], () => clone(this.selected));
  }

  recordRevisit(entry: RevisitEntry): Promise<{ nextRevisit: string | null }> {
    return this.answer('recordRevisit', [clone(entry)], () => ({ nextRevisit: this.nextRevisit }));
  }

  loadSettings(): Promise<AddinSettings> {
    return this.answer('loadSettings', [], () => clone(this.settings));
  }

  saveSettings(settings: AddinSettings): Promise<void> {
    return this.answer('saveSettings', [clone(settings)], () => {
      this.settings = clone(settings);
    });
  }

  capabilities(): Promise<HostCapabilities> {
    return this.answer('capabilities', [], () => clone(this.capabilitiesValue));
  }
}
