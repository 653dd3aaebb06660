import {
  chooseLedgerSheet,
  defaultPeriod,
  detectLedger,
  runLedgerJob,
  LedgerNotFoundError,
  SheetProtectedError,
  WorkbookError,
  LEVEL_FILLS,
  OVERDUE_FONT,
  hasOwnSheetTitle,
  OWN_SHEETS,
  REVISIT_LOG_SHEET,
  type CellValue,
  type JobInput,
  type JobOptions,
  type PreviousMeetingData,
  unitFromFileName,
  type LedgerJob,
  type Language,
  type Period,
  type ReportSheet,
} from '../../core';
import { writeLedgerSheet, type LedgerStyles } from './ledger-writer';
import { Package } from './package';
import { relationshipsXml, type SheetEntry } from './package-parts';
import { RELATIONSHIPS_NS } from './report-writer';
import { MINIMAL_STYLES } from './styles';
import { CT_STYLES, OpenWorkbook, REL_OFFICE_DOCUMENT, REL_STYLES, type Fail, type OwnSheet } from './workbook-package';
import { packageFailure } from './failures';
import { attr, findElement, inPart, SPREADSHEET_NS } from './xml';
import { DEFAULT_ZIP_LIMITS, FFLATE_CODEC, joinBytes, readZip, type DeflateCodec, type LoadBytes, type ZipLimits } from './zip';


export type Stage = 'read' | 'triage' | 'write';

export interface WorkbookJobOptions extends JobOptions {
  /** The ledger sheet's name; found by its header when not given. */
  sheet?: string;
  /** The file's name, for messages. */
  fileName: string;
  onProgress?: (stage: Stage) => void;
  /** Compression; defaults to fflate, which runs anywhere. */
  codec?: DeflateCodec;
  /** How large a part may inflate; DEFAULT_ZIP_LIMITS when not given. */
  limits?: ZipLimits;
  /** The previous meeting's data kept elsewhere (the output a previous run left beside the ledger). */
  previous?: PreviousMeetingData | null;
}

export interface WorkbookJobResult {
  /** The new file, joined into one buffer when first asked for. */
  readonly bytes: Uint8Array;
  /** The new file as the buffers it is made of, in order: what a file is written from. */
  pieces: Uint8Array[];
  job: LedgerJob;
  /** Parts the job rewrote or added; every other part was copied byte for byte. */
  writtenParts: string[];
}


/** What reading a workbook needs: the file's name for messages, the language of messages. */
export interface ReadWorkbookOptions {
  /** The file's name, for messages. */
  fileName: string;
  language: Language;
  /** Compression; defaults to fflate, which runs anywhere. */
  codec?: DeflateCodec;
  /** How large a part may inflate; DEFAULT_ZIP_LIMITS when not given. */
  limits?: ZipLimits;
  /** For a file read only where the reader looks: fills the bytes it is about to read (LoadBytes). */
  load?: LoadBytes;
}

/**
 * Opens a package and runs `body` on it; a file that is no zip, is encrypted, damaged or hostile
 * (packageFailure says which), and a sheet without a ledger, become a WorkbookError naming the
 * file (or the sheet). The one way into a package: the command, the web page and the in-memory
 * workbook all open theirs here.
 */
export function withPackage<T>(bytes: Uint8Array, options: ReadWorkbookOptions & { sheet?: string }, body: (pkg: Package, fail: Fail) => T): T {
  const { language, fileName } = options;
  const fail: Fail = (code, params = {}) => {
    throw new WorkbookError(code, { file: fileName, ...params }, language);
  };
  let pkg: Package | undefined;
  try {
    pkg = new Package(readZip(bytes, options.load), options.codec ?? FFLATE_CODEC, options.limits ?? DEFAULT_ZIP_LIMITS);
    return body(pkg, fail);
  } catch (e) {
    const failure = packageFailure(e);
    if (failure) return fail(failure.code, failure.params);
    if (e instanceof LedgerNotFoundError) return fail('ledger.notFound', { sheet: options.sheet ?? '' });
    throw e;
  } finally {
    pkg?.dropUntaken();
  }
}

/**
 * Opens `bytes` as a workbook and runs `body` on it: for writing (the checks a job that writes
 * needs), or for reading only, where SpreadsheetML with a namespace prefix is read too.
 */
export function withWorkbook<T>(bytes: Uint8Array, options: ReadWorkbookOptions, mode: 'write' | 'read', body: (workbook: OpenWorkbook, fail: Fail) => T): T {
  return withPackage(bytes, options, (pkg, fail) => body(OpenWorkbook.open(pkg, fail, mode, options.fileName), fail));
}

/**
 * Opens `bytes` for writing, runs `body`, saves the workbook part, and gives the new file as the
 * pieces it is made of: every part `body` did not write is copied byte for byte.
 */
export function editWorkbook<T>(
  bytes: Uint8Array,
  options: ReadWorkbookOptions,
  body: (workbook: OpenWorkbook, fail: Fail) => T,
): { pieces: Uint8Array[]; writtenParts: string[]; value: T } {
  return withWorkbook(bytes, options, 'write', (workbook, fail) => {
    const value = body(workbook, fail);
    workbook.save();
    return { pieces: workbook.pkg.toPieces(), writtenParts: [...workbook.pkg.written.keys()], value };
  });
}

/**
 * Runs the ledger job on an .xlsx/.xlsm file and returns the new file. The input is not changed;
 * the output differs from it only in the add-in's own columns, formats and sheets.
 */
export function processWorkbook(input: Uint8Array, options: WorkbookJobOptions): WorkbookJobResult {
  const { pieces, writtenParts, value: job } = editWorkbook(input, options, (workbook, fail) => {
    options.onProgress?.('read');
    const { job, ledgerPart } = readAndRun(workbook, options, fail);
    options.onProgress?.('write');
    writeLedger(workbook, ledgerPart, job);
    workbook.writeOwnSheets(ownSheets(job.plan.reports, job.plan.state));
    return job;
  });
  let joined: Uint8Array | undefined;
  return {
    get bytes() {
      return (joined ??= joinBytes(pieces));
    },
    pieces,
    job,
    writtenParts,
  };
}

/**
 * Reads the ledger sheet of a workbook — the one `processWorkbook` would choose — with the state
 * and revisit-log sheets of earlier runs, writing nothing: the input of one ledger's job when a
 * meeting gathers several ledgers. Fails as `processWorkbook` does.
 */
export function readLedgerWorkbook(
  bytes: Uint8Array,
  options: ReadWorkbookOptions & { sheet?: string; period?: Period },
): { sheet: string; input: JobInput; date1904: boolean } {
  return withWorkbook(bytes, options, 'read', (workbook, fail) => {
    const { entry, input } = readLedger(workbook, options.sheet, fail, options.period);
    return { sheet: entry.name, input, date1904: workbook.date1904 };
  });
}

/**
 * The cells of the hidden state sheet of any workbook (the previous NAME.tricolor.xlsx, say), or
 * null when it has none.
 */
export function readStateRows(bytes: Uint8Array, options: ReadWorkbookOptions): CellValue[][] | null {
  return withWorkbook(bytes, options, 'read', (workbook) => {
    const entry = workbook.stateSheet();
    return entry ? workbook.readGrid(entry).values : null;
  });
}

/**
 * A new workbook holding only `sheets` and the hidden state sheet, written exactly as
 * `processWorkbook` writes its report sheets (styles, merges, print titles, page breaks, charts).
 * The first sheet is the one Excel opens on.
 */
export function writeReportWorkbook(
  sheets: readonly ReportSheet[],
  state: { sheet: string; rows: (string | number)[][] },
  options: { codec?: DeflateCodec } = {},
): Uint8Array {
  return joinBytes(writeReportPieces(sheets, state, options));
}

/** `writeReportWorkbook` as the pieces the file is made of, for a file written from them (the command). */
export function writeReportPieces(
  sheets: readonly ReportSheet[],
  state: { sheet: string; rows: (string | number)[][] },
  options: { codec?: DeflateCodec } = {},
): Uint8Array[] {
  // A workbook whose sheets are all hidden is one Excel refuses to open.
  if (sheets.length === 0) throw new RangeError('writeReportWorkbook needs at least one report sheet');
  const pkg = new Package([], options.codec ?? FFLATE_CODEC);
  const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  pkg.write(
    '[Content_Types].xml',
    `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/></Types>`,
  );
  pkg.write('_rels/.rels', relationshipsXml([{ type: REL_OFFICE_DOCUMENT, target: 'xl/workbook.xml' }]));
  pkg.write(
    'xl/workbook.xml',
    `${xmlHead}<workbook xmlns="${SPREADSHEET_NS}" xmlns:r="${RELATIONSHIPS_NS}"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`,
  );
  pkg.write('xl/_rels/workbook.xml.rels', relationshipsXml([{ type: REL_STYLES, target: 'styles.xml' }]));
  pkg.write('xl/styles.xml', xmlHead + MINIMAL_STYLES);
  const workbook = OpenWorkbook.open(pkg, () => {
    throw new Error('the new workbook cannot be read back');
  });
  workbook.writeOwnSheets(ownSheets(sheets, state));
  workbook.save();
  return pkg.toPieces();
}

function ownSheets(reports: readonly ReportSheet[], state: { sheet: string; rows: (string | number)[][] }): OwnSheet[] {
  return [...reports.map((report) => ({ name: report.name, report })), { name: state.sheet, stateRows: state.rows }];
}

/**
 * The ledger sheet — named by `sheet`, or the sheet most like a ledger — and the add-in's state and
 * revisit-log sheets: one reading path for every command.
 */
export function readLedger(workbook: OpenWorkbook, sheet: string | undefined, fail: Fail, period?: Period): { entry: SheetEntry; input: JobInput } {
  const sheets = workbook.sheets();
  let entry: SheetEntry | undefined;
  let others: string[] = [];
  if (sheet !== undefined) {
    entry = workbook.sheetNamed(sheet);
    if (entry) workbook.readAhead([entry]);
    if (!entry && workbook.hasOtherSheetNamed(sheet)) return fail('sheet.notWorksheet', { sheet });
    if (!entry) return fail('sheet.unknown', { sheet, sheets: sheets.map((s) => s.name).join('、') });
    // Named, a report of the add-in's would be triaged as a ledger and then replaced by its own output.
    if (hasOwnSheetTitle(workbook.readTopRows(entry, 1).values[0]?.[0])) return fail('sheet.isOwnReport', { sheet: entry.name });
  } else {
    // The largest sheet's pieces past its top rows are checked by its full read as it goes (it is
    // the ledger, nearly always), or else below: not in a pass of their own first.
    const listed = sheets.filter((s) => !OWN_SHEETS.includes(s.name));
    workbook.readAhead(listed);
    const chosen = chooseLedgerSheet(workbook.topRowsOf(listed, { checkLater: true }), period);
    if (!chosen) {
      workbook.checkSheetsRead();
      const why = workbook.noLedger();
      return fail(why.code, why.params);
    }
    entry = sheets.find((s) => s.name === chosen.sheet)!;
    // A sheet listed twice over one part is the ledger again, and gets its columns with it: not "left unprocessed".
    const part = workbook.partOf(entry);
    const byName = new Map(sheets.map((s) => [s.name, s]));
    others = chosen.others.filter((name) => workbook.partOf(byName.get(name)!) !== part);
  }
  const ledger = workbook.readGrid(entry);
  workbook.checkSheetsRead();
  // The job finds the header again; asked for here so a reader alone fails as the job would.
  if (!detectLedger(ledger)) return fail('ledger.notFound', { sheet: entry.name });
  const named = (name: string) => sheets.find((s) => s.name === name);
  const stateEntry = workbook.stateSheet();
  const logEntry = named(REVISIT_LOG_SHEET);
  const input: JobInput = {
    ledger,
    stateRows: stateEntry ? workbook.readGrid(stateEntry).values : null,
    revisitLog: logEntry ? workbook.readGrid(logEntry).values : null,
    ...(others.length ? { otherLedgerSheets: others } : {}),
  };
  workbook.endReadAhead();
  return { entry, input };
}

/** The ledger read and the job run; only the job outlives this, not the grid of the whole sheet. */
function readAndRun(workbook: OpenWorkbook, options: WorkbookJobOptions, fail: Fail): { job: LedgerJob; ledgerPart: string } {
  const { entry, input } = readLedger(workbook, options.sheet, fail, options.period ?? defaultPeriod(options.asOf));
  // Refused as Excel refuses the pane's writes into it, before the job: the user protected the
  // sheet from changes, and the manual level could not be typed into the add-in's locked column.
  if (sheetIsProtected(workbook, entry)) throw new SheetProtectedError(entry.name, options.language);
  // The sheet's 90 MB of text need not live through the job, which has the grid: the writer decodes it again.
  workbook.pkg.releaseText(workbook.partOf(entry)!);
  options.onProgress?.('triage');
  const unitFallback = options.unitFallback ?? unitFromFileName(options.fileName) ?? undefined;
  const job = runLedgerJob({ ...input, previous: options.previous ?? null }, { ...options, unitFallback });
  return { job, ledgerPart: workbook.partOf(entry)! };
}

/** Whether Excel would refuse to write into the sheet: its <sheetProtection sheet="1">. */
export function sheetIsProtected(workbook: OpenWorkbook, entry: SheetEntry): boolean {
  const part = workbook.partOf(entry);
  if (!part) return false;
  // Looked for outside the sheet data: a ledger kept as bytes is not decoded whole for it.
  const source = workbook.pkg.sheetSource(part);
  const layout = workbook.sheetLayouts.get(part);
  const xml = typeof source === 'string' ? source : layout && !layout.special ? source.slice(0, layout.start) + source.slice(layout.end) : source.whole();
  const protection = findElement(xml, 'sheetProtection');
  // An xsd:boolean, read as XML Schema reads one: spaces around taken off.
  const on = protection && attr(protection.tag, 'sheet')?.trim();
  return on === '1' || on === 'true';
}

/** The ledger sheet rewritten with the add-in's columns and formats; its old text is let go once written. */
export function writeLedger(workbook: OpenWorkbook, ledgerPart: string, job: LedgerJob): void {
  const { styles, date1904, pkg } = workbook;
  const ledgerStyles: LedgerStyles = {
    text: styles.ensureXf({ border: true }),
    date: styles.ensureXf({ border: true, numFmt: 'yyyy-mm-dd', horizontal: 'center' }),
    // The overdue mark keeps the row's fill: LibreOffice shows one rule's format per cell.
    dxf: (rule) =>
      rule.style === 'overdue'
        ? styles.ensureDxf({ fontColor: OVERDUE_FONT, fill: rule.fill && LEVEL_FILLS[rule.fill] })
        : styles.ensureDxf({ fill: LEVEL_FILLS[rule.style] }),
  };
  const layout = workbook.sheetLayouts.get(ledgerPart);
  inPart(ledgerPart, () => pkg.writeSplice(ledgerPart, writeLedgerSheet(pkg.sheetSource(ledgerPart), job.plan, ledgerStyles, date1904, layout)));
}
