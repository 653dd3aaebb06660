/**
 * A Runner for the page's tests: answers with the ledger and summary below (or the failures it is
 * told to give), reports every stage, can hold a run until released, and records every call.
 */
import {
  WEB_STAGES,
  type FileProgress,
  type JobFailure,
  type JobSummary,
  type MeetingFile,
  type MeetingJobSummary,
  type MeetingRunOptions,
  type RunOptions,
  type WebStage,
  type WorkbookInfo,
} from '../protocol';
import { RunnerCancelled, RunnerFailure, type MeetingRunResult, type RunResult, type Runner } from '../runner';

export const INFO: WorkbookInfo = {
  fileName: '十一月台账.xlsx',
  sheet: '台账',
  sheets: ['说明', '台账', '统计'],
  headerRows: [3, 4],
  columns: [
    { index: 0, column: 'A', header: '序号', field: 'serial' },
    { index: 1, column: 'B', header: '受理日期', field: 'registered' },
    { index: 2, column: 'C', header: '当事人', field: 'parties' },
    { index: 3, column: 'D', header: '纠纷类型', field: 'type' },
    { index: 4, column: 'E', header: '简要情况', field: 'description' },
    { index: 5, column: 'F', header: '化解情况', field: 'status' },
    { index: 6, column: 'G', header: '包案人员', field: null },
  ],
  unit: '青山镇派出所',
};

/** Other units' ledgers the fake finds when they are added to a meeting: their unit and sheet. */
export const OTHER_LEDGERS: Record<string, { unit: string; sheet: string }> = {
  'justice.xlsx': { unit: '青山镇司法所', sheet: '调解登记台账' },
  'court.xlsx': { unit: '青山人民法庭', sheet: '诉前调解' },
};

const day = (iso: string) => Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000);

export const SUMMARY: JobSummary = {
  outputName: '十一月台账.tricolor.xlsx',
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  sheet: '台账',
  headerRows: [3, 4],
  columns: INFO.columns,
  counts: { disputes: 3, byLevel: { red: 1, yellow: 1, green: 1 }, dueToday: 1, overdue: 2, unreadableRows: 1, needsReview: 0 },
  asOf: '2026-11-30',
  meeting: { from: '2026-11-01', to: '2026-11-30', registered: 2, handled: 1, resolved: 1, open: { red: 1, yellow: 1, green: 0, total: 2 } },
  issues: [{ row: 7, cell: 'B7', message: '台账!B7 的日期“去年”无法识别，请改为 2026-05-21 或 2026年5月21日 的写法' }],
  issueCount: 1,
  preview: {
    columns: [
      { column: 'A', header: '序号', own: false },
      { column: 'B', header: '受理日期', own: false },
      { column: 'E', header: '简要情况', own: false },
      { column: 'H', header: '建议等级', own: true },
      { column: 'I', header: '判定依据', own: true },
    ],
    rows: [
      { row: 5, level: 'red', cells: ['1', '2026-11-02', '一方持刀威胁', '红', '人身安全威胁：“持刀”'] },
      { row: 6, level: 'yellow', cells: ['2', '2026-11-10', '宅基地边界争议', '黄', '敏感类型：“宅基地”'] },
      { row: 7, level: 'green', cells: ['3', '去年', '噪音', '绿', '规则未触发预警'] },
    ],
    truncated: false,
  },
  reports: [
    {
      name: '回访清单',
      columnWidths: [6, 12, 10],
      rows: [
        [{ value: '回访清单（截至 2026-11-30）', style: 'title' }, { value: null }, { value: null }],
        [{ value: '序号', style: 'header' }, { value: '下次回访', style: 'header' }, { value: '等级', style: 'header' }],
        [{ value: 1, style: 'number' }, { value: day('2026-11-03'), style: 'date' }, { value: '红', style: 'red' }],
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
      charts: [],
      totalRows: 3,
    },
    {
      name: '联席会议汇总',
      columnWidths: [12, 10],
      rows: [
        [{ value: '联席会议矛盾纠纷汇总（2026-11-01 至 2026-11-30）', style: 'title' }, { value: null }],
        [{ value: '调处率', style: 'header' }, { value: 0.75, style: 'percent' }],
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      charts: [],
      totalRows: 2,
    },
  ],
  writtenParts: ['xl/worksheets/sheet2.xml'],
};

const n = (value: number) => ({ value, style: 'number' as const });
const text = (value: string) => ({ value, style: 'text' as const });

/**
 * A joint meeting of the three 青山镇 units (test/fixtures/meeting, as the engine gives it): 67
 * disputes once each, seven found in two or three ledgers; its 联席会议汇总 has the sheet's two
 * charts over rows 7–9, fed by its cells.
 */
export const MEETING_SUMMARY: MeetingJobSummary = {
  outputName: '联席会议汇总.tricolor.xlsx',
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  asOf: '2026-11-30',
  disputes: 67,
  meeting: { from: '2026-11-01', to: '2026-11-30', registered: 32, handled: 32, resolved: 12, open: { red: 5, yellow: 13, green: 11, total: 29 } },
  units: [
    { unit: '青山镇派出所', fileName: '十一月台账.xlsx', sheet: '台账', disputes: 30, registered: 12, open: { red: 4, yellow: 6, green: 1, total: 11 }, overdue: 6, shared: 5 },
    { unit: '青山镇司法所', fileName: 'justice.xlsx', sheet: '调解登记台账', disputes: 25, registered: 11, open: { red: 1, yellow: 6, green: 4, total: 11 }, overdue: 7, shared: 6 },
    { unit: '青山人民法庭', fileName: 'court.xlsx', sheet: '诉前调解', disputes: 20, registered: 11, open: { red: 0, yellow: 4, green: 6, total: 10 }, overdue: 3, shared: 4 },
  ],
  duplicates: [
    [
      { unit: '青山镇派出所', row: 12, serial: '9' },
      { unit: '青山镇司法所', row: 9, serial: '青司调〔2026〕36号' },
      { unit: '青山人民法庭', row: 7, serial: '5' },
    ],
    [
      { unit: '青山镇派出所', row: 13, serial: '10' },
      { unit: '青山镇司法所', row: 10, serial: '青司调〔2026〕37号' },
    ],
  ],
  issues: [{ unit: '青山镇司法所', row: 27, cell: 'C27', message: '调解登记台账!C27 的日期“去年”无法识别' }],
  issueCount: 1,
  reports: [
    {
      name: '回访清单',
      columnWidths: [10, 8],
      rows: [[{ value: '回访清单（截至 2026-11-30）', style: 'title' }, { value: null }], [{ value: '单位', style: 'header' }, { value: '序号', style: 'header' }], [text('青山镇司法所'), text('青司调〔2026〕52号')]],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      charts: [],
      totalRows: 3,
    },
    {
      name: '联席会议汇总',
      columnWidths: [14, 8, 8, 14, 8, 8],
      rows: [
        [{ value: '青山镇矛盾纠纷联席会议汇总', style: 'title' }],
        [{ value: '等级', style: 'header' }, { value: '本期登记件数（含已化解）', style: 'header' }, { value: null }, { value: '单位', style: 'header' }, { value: '本期登记', style: 'header' }],
        [{ value: '红', style: 'red' }, n(4), { value: null }, text('青山镇派出所'), n(12)],
        [{ value: '黄', style: 'yellow' }, n(5), { value: null }, text('青山镇司法所'), n(11)],
        [{ value: '绿', style: 'green' }, n(23), { value: null }, text('青山人民法庭'), n(11)],
        [text('合计'), n(32)],
        [{ value: '三、图表', style: 'subtitle' }],
        [],
        [],
        [],
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 5 }],
      charts: [
        {
          kind: 'pie',
          title: '本期登记纠纷（按预警等级）',
          categories: { top: 2, left: 0, bottom: 4, right: 0 },
          series: [{ name: '本期登记件数（含已化解）', values: { top: 2, left: 1, bottom: 4, right: 1 }, pointColors: ['D9363E', 'F2B93B', '4CAF50'] }],
          anchor: { top: 7, left: 0, bottom: 9, right: 2 },
        },
        {
          kind: 'bar',
          title: '本期登记纠纷（按单位）',
          categories: { top: 2, left: 3, bottom: 4, right: 3 },
          series: [{ name: '本期登记', values: { top: 2, left: 4, bottom: 4, right: 4 }, color: '4472C4' }],
          anchor: { top: 7, left: 3, bottom: 9, right: 5 },
        },
      ],
      totalRows: 10,
    },
  ],
};

type Call =
  | { method: 'inspect'; fileName: string; request: { fileName: string; language: string; sheet?: string } }
  | { method: 'run'; fileName: string; options: RunOptions }
  | { method: 'meeting'; files: { fileName: string; unit?: string; sheet?: string }[]; options: MeetingRunOptions }
  | { method: 'cancel' };

export class FakeRunner implements Runner {
  inBackground = true;
  readonly calls: Call[] = [];
  info: WorkbookInfo = INFO;
  summary: JobSummary = SUMMARY;
  meetingSummary: MeetingJobSummary = MEETING_SUMMARY;
  bytes = new Uint8Array([80, 75, 5, 6]);
  inspectFailure: JobFailure | null = null;
  runFailure: JobFailure | null = null;
  /** Files whose inspection fails, with the failure. */
  readFailures = new Map<string, JobFailure>();
  /** Sheets that hold no ledger: inspecting them fails with ledger.notFound. */
  sheetsWithoutLedger = new Set(['说明']);
  private held: { promise: Promise<void>; release: () => void } | null = null;
  private pending: ((error: Error) => void) | null = null;

  /** The next inspections and runs stop after their first stage until the returned function is called. */
  hold(): () => void {
    let release = () => undefined as void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.held = { promise, release };
    return () => {
      this.held = null;
      release();
    };
  }

  callsTo<M extends Call['method']>(method: M): Extract<Call, { method: M }>[] {
    return this.calls.filter((c): c is Extract<Call, { method: M }> => c.method === method);
  }

  /** Like the real runner, a new request ends the one under way (it rejects with RunnerCancelled). */
  private begin(): Promise<never> {
    this.pending?.(new RunnerCancelled());
    const cancelled = new Promise<never>((_, reject) => (this.pending = reject));
    cancelled.catch(() => undefined);
    return cancelled;
  }

  async inspect(file: Blob, request: { fileName: string; language: 'zh' | 'en'; sheet?: string }, onProgress?: (stage: WebStage) => void): Promise<WorkbookInfo> {
    this.calls.push({ method: 'inspect', fileName: (file as File).name, request });
    const cancelled = this.begin();
    onProgress?.('load');
    if (this.held) await Promise.race([this.held.promise, cancelled]);
    await Promise.resolve();
    this.pending = null;
    if (this.inspectFailure) throw new RunnerFailure(this.inspectFailure);
    const failure = this.readFailures.get(request.fileName);
    if (failure) throw new RunnerFailure(failure);
    if (request.sheet && this.sheetsWithoutLedger.has(request.sheet))
      throw new RunnerFailure({ kind: 'workbook', code: 'ledger.notFound', params: { file: request.fileName, sheet: request.sheet }, message: `在“${request.sheet}”中找不到台账表头` });
    const other = OTHER_LEDGERS[request.fileName];
    return { ...this.info, fileName: request.fileName, sheet: request.sheet ?? other?.sheet ?? this.info.sheet, unit: other?.unit ?? this.info.unit };
  }

  async meeting(files: MeetingFile[], options: MeetingRunOptions, onProgress?: (stage: WebStage, file?: FileProgress) => void): Promise<MeetingRunResult> {
    this.calls.push({ method: 'meeting', files: files.map(({ fileName, unit, sheet }) => ({ fileName, ...(unit !== undefined ? { unit } : {}), ...(sheet !== undefined ? { sheet } : {}) })), options });
    const cancelled = this.begin();
    for (const [index, f] of files.entries()) {
      onProgress?.('load', { name: f.fileName, index, count: files.length });
      if (index === 0 && this.held) await Promise.race([this.held.promise, cancelled]);
    }
    files.forEach((f, index) => onProgress?.('read', { name: f.fileName, index, count: files.length }));
    for (const stage of ['triage', 'write', 'preview'] as const) {
      onProgress?.(stage);
      await Promise.resolve();
    }
    this.pending = null;
    if (this.runFailure) throw new RunnerFailure(this.runFailure);
    return { file: new Blob([this.bytes], { type: this.meetingSummary.mimeType }), summary: this.meetingSummary };
  }

  async run(file: Blob, options: RunOptions, onProgress?: (stage: WebStage) => void): Promise<RunResult> {
    this.calls.push({ method: 'run', fileName: (file as File).name, options });
    const cancelled = this.begin();
    for (const stage of WEB_STAGES) {
      onProgress?.(stage);
      if (stage === 'load' && this.held) await Promise.race([this.held.promise, cancelled]);
      await Promise.resolve();
    }
    this.pending = null;
    if (this.runFailure) throw new RunnerFailure(this.runFailure);
    return { file: new Blob([this.bytes], { type: this.summary.mimeType }), summary: this.summary };
  }

  cancel(): void {
    this.calls.push({ method: 'cancel' });
    this.pending?.(new RunnerCancelled());
    this.pending = null;
  }
}
