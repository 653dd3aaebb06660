import {
  alternativeSheetName,
  chooseLedgerSheet,
  isOwnSheet,
  message,
  runLedgerJob,
  LedgerNotFoundError,
  OWN_SHEETS,
  REVISIT_LOG_SHEET,
  STATE_SHEET,
  type CellValue,
  type JobOptions,
  type LedgerJob,
  type MessageCode,
  type SheetGrid,
  type Language,
} from '../../core';
import { writeLedgerSheet, type LedgerStyles } from './ledger-writer';
import {
  addContentTypeOverride,
  addRelationship,
  addSheetEntry,
  readRelationships,
  readSheetEntries,
  relsPathOf,
  resolveTarget,
  setPrintTitles,
  workbookUses1904,
  type SheetEntry,
} from './package-parts';
import { LEVEL_FILLS, reportSheetXml, stateSheetXml } from './report-writer';
import { readSharedStrings, readSheetXml } from './sheet-reader';
import { StyleSheet } from './styles';
import { FFLATE_CODEC, readEntry, readZip, ZipFormatError, writeZip, type DeflateCodec, type ZipEntry, type ZipOutput } from './zip';

/** A workbook that cannot be processed, with a catalogue message naming the file or sheet. */
export class WorkbookError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: Record<string, string | number>,
    language: Language,
  ) {
    super(message(code, language, params));
    this.name = 'WorkbookError';
  }
}

export type Stage = 'read' | 'triage' | 'write';

export interface WorkbookJobOptions extends JobOptions {
  /** The ledger sheet's name; found by its header when not given. */
  sheet?: string;
  /** The file's name, for messages. */
  fileName: string;
  onProgress?: (stage: Stage) => void;
  /** Compression; defaults to fflate, which runs anywhere. */
  codec?: DeflateCodec;
}

export interface WorkbookJobResult {
  bytes: Uint8Array;
  job: LedgerJob;
  /** Parts the job rewrote or added; every other part was copied byte for byte. */
  writtenParts: string[];
}

const REL_OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
/** Header detection looks at the top of each sheet only: a 100,000-row sheet is read in full once. */
const DETECTION_ROWS = 45;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** UTF-8 of a string or of pieces, encoded a few megabytes at a time so no giant string is built. */
function encodeUtf8(content: string | string[]): Uint8Array {
  if (typeof content === 'string') return encoder.encode(content);
  const chunks: Uint8Array[] = [];
  let batch: string[] = [];
  let batchLength = 0;
  const flush = () => {
    chunks.push(encoder.encode(batch.join('')));
    batch = [];
    batchLength = 0;
  };
  for (const piece of content) {
    batch.push(piece);
    batchLength += piece.length;
    if (batchLength >= 1 << 22) flush();
  }
  flush();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The package as the job sees it: parts by name, read on demand, and the parts it has changed. */
class Package {
  readonly entries = new Map<string, ZipEntry>();
  /** New content by part: a string, or pieces of one too large to join. */
  readonly written = new Map<string, string | string[]>();
  constructor(
    readonly order: ZipEntry[],
    private readonly codec: DeflateCodec,
  ) {
    for (const e of order) this.entries.set(e.name, e);
  }
  has(name: string) {
    return this.written.has(name) || this.entries.has(name);
  }
  text(name: string): string {
    const w = this.written.get(name);
    if (w !== undefined) return typeof w === 'string' ? w : w.join('');
    const entry = this.entries.get(name);
    if (!entry) throw new ZipFormatError('notZip', `missing part ${name}`);
    return decoder.decode(readEntry(entry, this.codec));
  }
  write(name: string, xml: string | string[]) {
    this.written.set(name, xml);
  }
  toBytes(): Uint8Array {
    const outputs: ZipOutput[] = [];
    for (const e of this.order) {
      const w = this.written.get(e.name);
      outputs.push(w === undefined ? { copy: e } : { name: e.name, data: encodeUtf8(w) });
    }
    for (const [name, xml] of this.written) if (!this.entries.has(name)) outputs.push({ name, data: encodeUtf8(xml) });
    return writeZip(outputs, this.codec);
  }
}

/**
 * Runs the ledger job on an .xlsx/.xlsm file and returns the new file. The input is not changed;
 * the output differs from it only in the add-in's own columns, formats and sheets.
 */
export function processWorkbook(input: Uint8Array, options: WorkbookJobOptions): WorkbookJobResult {
  const { language, fileName } = options;
  const fail = (code: MessageCode, params: Record<string, string | number> = {}): never => {
    throw new WorkbookError(code, { file: fileName, ...params }, language);
  };
  let pkg: Package;
  try {
    pkg = new Package(readZip(input), options.codec ?? FFLATE_CODEC);
  } catch (e) {
    if (e instanceof ZipFormatError) return fail(e.reason === 'encrypted' ? 'file.encrypted' : 'file.notWorkbook');
    throw e;
  }
  try {
    return processPackage(pkg, options, fail);
  } catch (e) {
    if (e instanceof ZipFormatError) return fail('file.damaged', { detail: e.message });
    if (e instanceof LedgerNotFoundError) return fail('ledger.notFound', { sheet: options.sheet ?? '' });
    throw e;
  }
}

function processPackage(
  pkg: Package,
  options: WorkbookJobOptions,
  fail: (code: MessageCode, params?: Record<string, string | number>) => never,
): WorkbookJobResult {
  options.onProgress?.('read');
  const rootRels = pkg.has('_rels/.rels') ? readRelationships(pkg.text('_rels/.rels')) : [];
  const workbookPart = resolveTarget('', rootRels.find((r) => r.type === REL_OFFICE_DOCUMENT)?.target ?? 'xl/workbook.xml');
  if (!pkg.has(workbookPart) || !pkg.has('[Content_Types].xml')) fail('file.notWorkbook');
  const workbookRelsPart = relsPathOf(workbookPart);
  let workbookXml = pkg.text(workbookPart);
  // SpreadsheetML with a namespace prefix (<x:workbook>, as some SDKs write it) is valid but rare;
  // the part editor expects the default namespace, so ask for a re-save rather than guess.
  if (/^\s*(?:<\?xml[^>]*>\s*)?<[\w.-]+:workbook\b/.test(workbookXml)) fail('file.prefixedXml');
  let workbookRels = pkg.text(workbookRelsPart);
  const rels = readRelationships(workbookRels);
  const date1904 = workbookUses1904(workbookXml);
  const partOf = (entry: SheetEntry) => {
    const rel = rels.find((r) => r.id === entry.rid);
    return rel && rel.type === REL_WORKSHEET ? resolveTarget(workbookPart, rel.target) : undefined;
  };
  const sheets = readSheetEntries(workbookXml).filter((s) => partOf(s) && pkg.has(partOf(s)!));

  const stylesPart = partByType(rels, 'styles', workbookPart);
  const styles = new StyleSheet(stylesPart && pkg.has(stylesPart) ? pkg.text(stylesPart) : minimalStyles());
  const sstPart = partByType(rels, 'sharedStrings', workbookPart);
  const sharedStrings = sstPart && pkg.has(sstPart) ? readSharedStrings(pkg.text(sstPart)) : [];
  const readGrid = (entry: SheetEntry, maxRows?: number): SheetGrid => ({
    ...readSheetXml(pkg.text(partOf(entry)!), { name: entry.name, sharedStrings, formatOf: styles.formatOf, date1904, maxRows }),
    hidden: entry.state !== 'visible',
  });

  let ledgerEntry: SheetEntry | undefined;
  if (options.sheet !== undefined) {
    ledgerEntry = sheets.find((s) => s.name === options.sheet) ?? sheets.find((s) => s.name.trim() === options.sheet!.trim());
    if (!ledgerEntry) fail('sheet.unknown', { sheet: options.sheet, sheets: sheets.map((s) => s.name).join('、') });
  } else {
    const candidates = sheets.filter((s) => !OWN_SHEETS.includes(s.name)).map((s) => readGrid(s, DETECTION_ROWS));
    const chosen = chooseLedgerSheet(candidates);
    if (!chosen) fail('ledger.noneInWorkbook');
    ledgerEntry = sheets.find((s) => s.name === chosen!.sheet);
  }
  const ledgerPart = partOf(ledgerEntry!)!;
  const grid = readGrid(ledgerEntry!);
  const stateEntry = sheets.find((s) => s.name === STATE_SHEET);
  const stateRows: CellValue[][] | null = stateEntry ? readGrid(stateEntry).values : null;
  const logEntry = sheets.find((s) => s.name === REVISIT_LOG_SHEET);
  const revisitLog: CellValue[][] | null = logEntry ? readGrid(logEntry).values : null;

  options.onProgress?.('triage');
  let job: LedgerJob;
  try {
    job = runLedgerJob({ ledger: grid, stateRows, revisitLog }, options);
  } catch (e) {
    if (e instanceof LedgerNotFoundError) fail('ledger.notFound', { sheet: ledgerEntry!.name });
    throw e;
  }

  options.onProgress?.('write');
  const ledgerStyles: LedgerStyles = {
    text: styles.ensureXf({ border: true }),
    date: styles.ensureXf({ border: true, numFmt: 'yyyy-mm-dd', horizontal: 'center' }),
    dxf: {
      red: styles.ensureDxf({ fill: LEVEL_FILLS.red }),
      yellow: styles.ensureDxf({ fill: LEVEL_FILLS.yellow }),
      green: styles.ensureDxf({ fill: LEVEL_FILLS.green }),
      overdue: styles.ensureDxf({ fontColor: 'FFC00000' }),
    },
  };
  pkg.write(ledgerPart, writeLedgerSheet(pkg.text(ledgerPart), job.plan, ledgerStyles, date1904));

  // The add-in's sheets: replaced in place on a re-run (keeping their position), added at the end otherwise.
  let contentTypes = pkg.text('[Content_Types].xml');
  const ownSheets = [
    ...job.plan.reports.map((r) => ({ name: r.name, xml: reportSheetXml(r, styles, date1904), hidden: false, printTitles: r.printTitleRows })),
    { name: job.plan.state.sheet, xml: stateSheetXml(job.plan.state.rows), hidden: true, printTitles: undefined },
  ];
  for (const own of ownSheets) {
    // A sheet of that name is replaced only if the add-in wrote it (its A1 says so); a user's own
    // 回访清单 is kept and the add-in's goes beside it under another name.
    const entryNamed = (name: string) => readSheetEntries(workbookXml).find((s) => s.name === name);
    const ours = (entry: SheetEntry) => {
      const part = partOf(entry);
      return !!part && pkg.has(part) && isOwnSheet(own.name, readGrid(entry, 1).values[0]?.[0]);
    };
    let name = own.name;
    let existing = entryNamed(name);
    if (existing && !ours(existing)) {
      name = alternativeSheetName(own.name, (candidate) => {
        const e = entryNamed(candidate);
        return !!e && !ours(e);
      });
      existing = entryNamed(name);
    }
    let part = existing && partOf(existing);
    if (!part) {
      part = freeWorksheetPart(pkg, workbookPart);
      const added = addRelationship(workbookRels, REL_WORKSHEET, relativeTarget(workbookPart, part));
      workbookRels = added.id ? added.xml : workbookRels;
      workbookXml = addSheetEntry(workbookXml, name, added.id, own.hidden);
      contentTypes = addContentTypeOverride(contentTypes, part, CT_WORKSHEET);
      rels.push({ id: added.id, type: REL_WORKSHEET, target: relativeTarget(workbookPart, part) });
    }
    pkg.write(part, own.xml);
    if (own.printTitles) {
      const index = readSheetEntries(workbookXml).findIndex((s) => s.name === name);
      workbookXml = setPrintTitles(workbookXml, index, name, own.printTitles);
    }
  }
  writeIfChanged(pkg, workbookPart, workbookXml);
  writeIfChanged(pkg, workbookRelsPart, workbookRels);
  writeIfChanged(pkg, '[Content_Types].xml', contentTypes);
  if (styles.changed) {
    let part = stylesPart && pkg.has(stylesPart) ? stylesPart : undefined;
    if (!part) {
      // Rare (some generators omit it), but the add-in's formats need one: add it like Excel would.
      part = resolveTarget(workbookPart, 'styles.xml');
      workbookRels = addRelationship(workbookRels, REL_STYLES, 'styles.xml').xml;
      writeIfChanged(pkg, workbookRelsPart, workbookRels);
      writeIfChanged(pkg, '[Content_Types].xml', addContentTypeOverride(pkg.text('[Content_Types].xml'), part, CT_STYLES));
    }
    pkg.write(part, styles.toXml());
  }
  return { bytes: pkg.toBytes(), job, writtenParts: [...pkg.written.keys()] };
}

function writeIfChanged(pkg: Package, part: string, xml: string) {
  if (pkg.text(part) !== xml) pkg.write(part, xml);
}

function partByType(rels: ReturnType<typeof readRelationships>, kind: string, workbookPart: string): string | undefined {
  const rel = rels.find((r) => r.type.endsWith(`/${kind}`));
  return rel ? resolveTarget(workbookPart, rel.target) : undefined;
}

/** The first xl/worksheets/sheetN.xml not in use, so names never clash with the user's parts. */
function freeWorksheetPart(pkg: Package, workbookPart: string): string {
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1) + 'worksheets/';
  let n = 1;
  while (pkg.has(`${folder}sheet${n}.xml`)) n++;
  return `${folder}sheet${n}.xml`;
}

function relativeTarget(workbookPart: string, part: string): string {
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  return part.startsWith(folder) ? part.slice(folder.length) : `/${part}`;
}

function minimalStyles(): string {
  return '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';
}
