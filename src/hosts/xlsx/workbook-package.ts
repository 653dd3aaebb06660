import { DETECTION_ROWS, isOwnSheet, ledgerUnderOwnName, macrosByName, OWN_SHEETS, ownSheetName, parseRangeRef, sheetsByName, STATE_SHEET, type CellRange, type MessageCode, type ReportSheet, type SheetGrid } from '../../core';
import type { AsciiSheet } from './ascii-sheet';
import { chartXml, drawingXml } from './chart-writer';
import type { Package } from './package';
import {
  addContentTypeOverride,
  addRelationship,
  addSheetEntry,
  declaresMacros,
  readRelationships,
  readSheetEntries,
  relationshipsXml,
  relativeTarget,
  relsPathOf,
  removeContentTypeOverride,
  percentDecodedTarget,
  resolveTarget,
  printsTitleRows,
  setPrintTitles,
  workbookNotTemplate,
  workbookUses1904,
  type Relationship,
  type SheetEntry,
} from './package-parts';
import { reportSheetXml, stateSheetXml } from './report-writer';
import { checkSheetRest, readSharedStrings, readSheetXml, type SheetContext } from './sheet-reader';
import type { SheetDataLayout } from './sheet-layout';
import { MINIMAL_STYLES, StyleSheet } from './styles';
import { attr, findElement, inPart, requireElement, rootElement, SPREADSHEET_NS, spreadsheetPrefix, STRICT_SPREADSHEET_NS, XmlFormatError } from './xml';


/**
 * How many cells of the sheets' top rows are read to find the ledger among them (topRowsOf), as
 * far as their rows reach: 22 sheets whose 45 top rows reach XFD. A workbook of a hundred ledgers
 * of 50 columns reaches a quarter of a million.
 */
const DETECTION_CELLS = 16_000_000;

export type Fail = (code: MessageCode, params?: Record<string, string | number>) => never;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';
/** The content-types stream of an Open Packaging Conventions package (ECMA-376 Part 2, 10.1.2.4). */
const CONTENT_TYPES = '[Content_Types].xml';
export const REL_OFFICE_DOCUMENT = `${REL}/officeDocument`;

/**
 * Main parts of other Office documents, by their root element's namespace: a .docx or .pptx
 * renamed, or chosen by mistake. A map, so that a damaged namespace such as "constructor" finds nothing.
 */
const OTHER_DOCUMENTS: ReadonlyMap<string, 'file.wordDocument' | 'file.presentation'> = new Map([
  ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'file.wordDocument'],
  ['http://purl.oclc.org/ooxml/wordprocessingml/main', 'file.wordDocument'],
  ['http://schemas.openxmlformats.org/presentationml/2006/main', 'file.presentation'],
  ['http://purl.oclc.org/ooxml/presentationml/main', 'file.presentation'],
]);

/** What an .xlsb declares its workbook part to be (MS-XLSB 2.1.2). */
const CT_BINARY_WORKBOOK = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';

/** The other Office document whose main part the package's relationship `target` names, if it is one: its root element read, nothing thrown. */
function otherDocument(pkg: Package, target: string | undefined): 'file.wordDocument' | 'file.presentation' | undefined {
  if (target === undefined) return undefined;
  try {
    const part = targetIn(pkg, '', target);
    if (!pkg.has(part)) return undefined;
    const root = rootElement(pkg.text(part));
    return root ? OTHER_DOCUMENTS.get(root.namespace) : undefined;
  } catch {
    return undefined;
  }
}

/** An OpenDocument spreadsheet (.ods) says so in its first entry, `mimetype` (ODF 1.2 Part 3, 3.3). */
function isOpenDocumentSpreadsheet(pkg: Package): boolean {
  if (!pkg.has('mimetype')) return false;
  try {
    return pkg.text('mimetype').trim() === 'application/vnd.oasis.opendocument.spreadsheet';
  } catch {
    return false;
  }
}
const REL_WORKSHEET = `${REL}/worksheet`;
export const REL_STYLES = `${REL}/styles`;
const REL_DRAWING = `${REL}/drawing`;
const REL_TABLE = `${REL}/table`;
const REL_CHART = `${REL}/chart`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/**
 * A sheet the add-in writes whole: a report, or a hidden sheet of text rows (the state sheet). A
 * sheet of that name is the add-in's when its A1 says so (isOwnSheet), or, with `byName`, by its
 * name alone: the pane's 回访记录 and settings sheets, which the Office.js host keeps by name too.
 */
export type OwnSheet = ({ name: string; report: ReportSheet } | { name: string; stateRows: (string | number)[][] }) & { byName?: boolean };

/**
 * The workbook part and what hangs off it — relationships, content types, styles, shared strings —
 * read once; the job edits their XML here and `save` writes back only what changed.
 */
export class OpenWorkbook {
  private readonly workbookRelsPart: string;
  private workbookXml: string;
  private workbookRels: string;
  private contentTypes: string;
  /**
   * The content-types stream as the package spells it: ZIP item names are compared without case
   * (ECMA-376 Part 2, 10.1.2), and a package that spells it [content_types].xml is a workbook too.
   */
  private readonly contentTypesPart: string;
  private readonly rels: Relationship[];
  private readonly stylesPart: string | undefined;
  private sharedStringsRead: readonly string[] | undefined;
  /** The shared strings read ahead (readAhead), not yet counted against the package's limits. */
  private sharedStringsAhead: { value: readonly string[]; charge: () => void } | undefined;
  readonly date1904: boolean;
  readonly styles: StyleSheet;

  private constructor(
    readonly pkg: Package,
    readonly workbookPart: string,
  ) {
    this.workbookRelsPart = relsPathOf(workbookPart);
    this.workbookXml = pkg.text(workbookPart);
    this.workbookRels = pkg.text(this.workbookRelsPart);
    this.contentTypesPart = pkg.partName(CONTENT_TYPES);
    this.contentTypes = pkg.text(this.contentTypesPart);
    this.rels = inPart(this.workbookRelsPart, () => readRelationships(this.workbookRels));
    this.date1904 = inPart(workbookPart, () => workbookUses1904(this.workbookXml));
    this.stylesPart = this.partByType('styles');
    const stylesXml = this.stylesPart && pkg.has(this.stylesPart) ? pkg.text(this.stylesPart) : MINIMAL_STYLES;
    this.styles = new StyleSheet(stylesXml, this.stylesPart);
  }

  /**
   * Read when a sheet first names a shared string, not on opening: the state sheet of an earlier
   * output, read for its meeting history, needs none of a ledger's 7 MB of them. (Or read ahead
   * while the ledger sheet inflates on another thread, and taken, and counted, only then.)
   */
  private readonly sharedStrings = (): readonly string[] => {
    if (this.sharedStringsRead) return this.sharedStringsRead;
    if (this.sharedStringsAhead) {
      this.sharedStringsAhead.charge();
      this.sharedStringsRead = this.sharedStringsAhead.value;
      this.sharedStringsAhead = undefined;
      return this.sharedStringsRead;
    }
    const part = this.sharedStringsPart();
    return (this.sharedStringsRead = part ? readSharedStrings(this.pkg.text(part), part) : []);
  };

  private sharedStringsPart(): string | undefined {
    const part = this.partByType('sharedStrings');
    return part && this.pkg.has(part) ? part : undefined;
  }

  /**
   * Gets a ledger's reading under way: the largest part of these sheets (the ledger, nearly always)
   * starts inflating on the codec's thread, where it has one, while the shared strings its cells
   * name are read here. They are taken, counted against the package's limits, and refused if they
   * cannot be read, where a cell first needs them, as before: what is refused, and in what order,
   * does not change.
   */
  readAhead(entries: readonly SheetEntry[]): void {
    let largest: { name: string; size: number } | undefined;
    for (const entry of entries) {
      const part = this.partOf(entry);
      const size = part === undefined ? undefined : this.pkg.entries.get(part)?.size;
      if (part !== undefined && size !== undefined && (!largest || size > largest.size)) largest = { name: part, size };
    }
    if (!largest || !this.pkg.prefetch(largest.name)) return;
    const part = this.sharedStringsPart();
    if (part && !this.sharedStringsRead && !this.sharedStringsAhead) this.sharedStringsAhead = this.pkg.readAhead(part, () => readSharedStrings(this.pkg.text(part), part));
  }

  /** Lets go of shared strings read ahead that no cell asked for (a ledger of inline strings): read again, and counted, if one does after all. */
  endReadAhead(): void {
    this.sharedStringsAhead = undefined;
  }

  /**
   * The workbook of a package, or `fail` when the package is no workbook the part editor can take.
   * `read` opens it for reading only, where SpreadsheetML with a namespace prefix is read too.
   */
  static open(pkg: Package, fail: Fail, mode: 'write' | 'read' = 'write', fileName?: string): OpenWorkbook {
    const rootRels = pkg.has('_rels/.rels') ? inPart('_rels/.rels', () => readRelationships(pkg.text('_rels/.rels'))) : [];
    // ISO/IEC 29500 Strict names its relationships and namespaces under purl.oclc.org: Excel's
    // "Strict Open XML Spreadsheet". Its parts need other names throughout, so it is refused by name.
    // A Strict Word document or presentation is said to be that, not a Strict spreadsheet.
    if (rootRels.some((r) => r.type.startsWith(STRICT_REL))) {
      const strictMain = rootRels.find((r) => r.type === `${STRICT_REL}officeDocument`);
      fail(otherDocument(pkg, strictMain?.target) ?? 'file.strictOoxml');
    }
    const workbookPart = targetIn(pkg, '', rootRels.find((r) => r.type === REL_OFFICE_DOCUMENT)?.target ?? 'xl/workbook.xml');
    const contentTypes = pkg.partName(CONTENT_TYPES);
    if (!pkg.has(workbookPart) || !pkg.has(contentTypes)) {
      if (isOpenDocumentSpreadsheet(pkg)) fail('file.openDocument');
      const names = pkg.names();
      // An .xlsb whose relationships are lost is still said to be one.
      if (names.some((name) => /^xl\/workbook\.bin$/i.test(name))) fail('file.binaryWorkbook');
      // A package with a spreadsheet's parts (xl/…) that lacks one every workbook has was damaged on
      // its way (an entry lost in transfer): said so, naming the part, rather than "not a workbook",
      // which sent the user to re-save a file nothing opens. Without its relationships, the workbook
      // may lie elsewhere: those are what is named then.
      if (names.some((name) => /^xl\//i.test(name))) {
        const lost = !pkg.has(contentTypes) ? CONTENT_TYPES : rootRels.length === 0 && !pkg.has('_rels/.rels') ? '_rels/.rels' : workbookPart;
        fail('file.partMissing', { part: lost });
      }
      // A zip archive a ledger was sent in (台账.zip renamed, or saved so by a chat app): named, to be unpacked.
      const inside = names.find((name) => /\.(xlsx|xlsm|xls|et|ods)$/i.test(name));
      if (inside !== undefined) fail('file.archiveOfWorkbooks', { inside });
      fail('file.notWorkbook');
    }
    // An .xlsb's workbook is binary (xl/workbook.bin, declared as such), an .ods names its kind in a
    // `mimetype` entry: both are said by what they are, not read as a damaged workbook.
    if (/\.bin$/i.test(workbookPart) && pkg.text(contentTypes).includes(CT_BINARY_WORKBOOK)) fail('file.binaryWorkbook');
    const root = inPart(workbookPart, () => rootElement(pkg.text(workbookPart)));
    if (root?.namespace === STRICT_SPREADSHEET_NS) fail('file.strictOoxml');
    const other = root && OTHER_DOCUMENTS.get(root.namespace);
    if (other) fail(other);
    // A damaged namespace puts every element of the part somewhere else: no workbook to read.
    if (!root || root.name !== 'workbook' || root.namespace !== SPREADSHEET_NS)
      throw new XmlFormatError('malformed', root ? root.tag.slice(0, 60) : '<workbook>', root?.start ?? 0, workbookPart);
    // SpreadsheetML with a namespace prefix (<x:workbook>, as the .NET Open XML SDK writes it) is
    // valid but rare: it is read, but the part editor writes unprefixed elements, so a job that
    // would write into such parts asks for a re-save rather than guess.
    if (mode === 'write' && root.prefix) fail('file.prefixedXml');
    // Its relationships, which say where its sheets are: every workbook Excel, WPS or LibreOffice saves has them.
    if (!pkg.has(relsPathOf(workbookPart))) fail('file.partMissing', { part: relsPathOf(workbookPart) });
    const workbook = new OpenWorkbook(pkg, workbookPart);
    if (mode === 'write') {
      if (spreadsheetPrefix(workbook.styles.toXml())) fail('file.prefixedXml');
      // The parts the job adds to must have the elements it adds into, before any work is done.
      inPart(workbook.contentTypesPart, () => requireElement(workbook.contentTypes, 'Types'));
      inPart(workbook.workbookRelsPart, () => requireElement(workbook.workbookRels, 'Relationships'));
      inPart(workbookPart, () => requireElement(workbook.workbookXml, 'sheets', requireElement(workbook.workbookXml, 'workbook').start));
      workbook.contentTypes = inPart(workbook.contentTypesPart, () => workbookNotTemplate(workbook.contentTypes, workbookPart));
      // The output keeps the input's extension and its workbook's type: a pair Excel refuses (a
      // macro workbook renamed .xlsx to pass a mail filter) would be refused in the output too.
      // (Judged only by a name that says a type: the job's own re-reads name none.)
      const named = fileName === undefined ? undefined : macrosByName(fileName);
      const declared = named === undefined ? undefined : declaresMacros(workbook.contentTypes, workbookPart);
      if (declared !== undefined && declared !== named) fail(declared ? 'file.macrosUnderPlainName' : 'file.noMacrosUnderMacroName');
    }
    return workbook;
  }

  private partByType(kind: string): string | undefined {
    const rel = this.rels.find((r) => r.type.endsWith(`/${kind}`));
    return rel ? this.targetOf(this.workbookPart, rel.target) : undefined;
  }

  /**
   * The part a relationship of `owner` points at, by the name it has in the package: OPC compares
   * names without case, and reads a target as a URI (`sheet%201.xml` for `sheet 1.xml`).
   */
  private targetOf(owner: string, target: string): string {
    return targetIn(this.pkg, owner, target);
  }

  partOf(entry: SheetEntry): string | undefined {
    const rel = this.rels.find((r) => r.id === entry.rid);
    return rel && rel.type === REL_WORKSHEET ? this.targetOf(this.workbookPart, rel.target) : undefined;
  }

  /** The sheet Excel opens on: the workbook view's activeTab, an index into the workbook's sheets (0 when not given). */
  activeTab(): number {
    const view = inPart(this.workbookPart, () => findElement(this.workbookXml, 'workbookView'));
    const tab = Number((view && attr(view.tag, 'activeTab')) ?? 0);
    return Number.isSafeInteger(tab) && tab >= 0 ? tab : 0;
  }

  /**
   * Why no sheet of the workbook is a ledger, as the message to give: a sheet that would be one
   * under a name the add-in keeps for its own; else a sheet the workbook lists whose content is not
   * in the file (its relationship missing, pointing outside the package or at a part that is not
   * there, or the part without its <sheetData>: "no ledger" alone sent the user looking for a
   * header that was never the problem); else none.
   */
  noLedger():
    | { code: 'ledger.underOwnName' | 'ledger.sheetMissing'; params: { sheet: string } }
    | { code: 'ledger.noneInWorkbook' | 'ledger.noSheets'; params: Record<string, never> }
    | { code: 'ledger.searchStopped'; params: { looked: number; total: number } } {
    const entries = inPart(this.workbookPart, () => readSheetEntries(this.workbookXml));
    // A workbook that lists no sheet at all (Excel never saves one) is empty or damaged, not a workbook of other tables.
    if (entries.length === 0) return { code: 'ledger.noSheets', params: {} };
    if (this.searchStopped) return { code: 'ledger.searchStopped', params: this.searchStopped };
    const underOwnName = this.ledgerUnderOwnName();
    if (underOwnName !== null) return { code: 'ledger.underOwnName', params: { sheet: underOwnName } };
    // The add-in's own sheets are not looked at: not where a ledger was looked for.
    const listed = entries.filter((entry) => !OWN_SHEETS.includes(entry.name));
    // Each part looked at once, however many sheets list it.
    const looked = new Set<string>();
    const missing = listed.find((entry) => {
      const rel = this.rels.find((r) => r.id === entry.rid);
      if (!rel || rel.external || !this.pkg.has(this.targetOf(this.workbookPart, rel.target))) return true;
      // A worksheet part without the <sheetData> every worksheet has: its cells are not there either.
      // Looked for in the part's head only (as far as its first row), and a part that cannot be
      // read so far is left to say "no ledger": this is the message, not a second reading.
      const part = this.partOf(entry);
      if (!part || looked.has(part)) return false;
      looked.add(part);
      try {
        const head = this.pkg.textOfRows(part, 1);
        return !findElement(head, `${spreadsheetPrefix(head)}sheetData`);
      } catch {
        return false;
      }
    });
    return missing ? { code: 'ledger.sheetMissing', params: { sheet: missing.name } } : { code: 'ledger.noneInWorkbook', params: {} };
  }

  /**
   * When no sheet is a ledger: a sheet that would be one but goes by a name the add-in keeps for
   * its own (ledgerUnderOwnName), read by its first rows only (one may be a 151 MB due-list).
   */
  ledgerUnderOwnName(): string | null {
    return ledgerUnderOwnName(this.sheets().filter((s) => OWN_SHEETS.includes(s.name)).map((s) => this.readTopRows(s, DETECTION_ROWS)));
  }

  /** Whether the workbook lists a sheet of this name that is no worksheet (a chart sheet, a dialog sheet). */
  hasOtherSheetNamed(name: string): boolean {
    const others = inPart(this.workbookPart, () => readSheetEntries(this.workbookXml)).filter((s) => this.partOf(s) === undefined);
    return sheetNamed(others, name) !== undefined;
  }

  /**
   * The worksheet a user names (`--sheet`, the web page's choice): as written, else with spaces
   * around taken off, else in any case — Excel's sheet names differ by more than case, so
   * "sheet1" can mean only "Sheet1".
   */
  sheetNamed(name: string): SheetEntry | undefined {
    return sheetNamed(this.sheets(), name);
  }

  /**
   * The add-in's hidden state sheet: under its own name, or under the alternative it was written
   * under beside a user's sheet of that name (ownSheetName); undefined when the workbook has none.
   */
  stateSheet(): SheetEntry | undefined {
    // Indexed, and each sheet's A1 read once: a workbook may hold thousands of sheets named like the alternatives.
    const named = sheetsByName(this.sheets()).get;
    const judged = new Map<SheetEntry, boolean>();
    const ours = (entry: SheetEntry) => {
      let own = judged.get(entry);
      if (own === undefined) judged.set(entry, (own = isOwnSheet(STATE_SHEET, this.readTopRows(entry, 1).values[0]?.[0])));
      return own;
    };
    const entry = named(
      ownSheetName(STATE_SHEET, (candidate) => {
        const found = named(candidate);
        return found && ours(found);
      }),
    );
    return entry && ours(entry) ? entry : undefined;
  }

  /** The worksheets whose part is there, in workbook order. */
  sheets(): SheetEntry[] {
    return inPart(this.workbookPart, () => readSheetEntries(this.workbookXml)).filter((s) => {
      const part = this.partOf(s);
      return !!part && this.pkg.has(part);
    });
  }

  /**
   * A sheet's cells, all of them or its top `maxRows` rows. Number formats come with the top rows
   * (what is shown of a sheet) unless asked for; a whole sheet is read for its values (the job's
   * ledger, state and revisit log), and its 100,000 rows are not given a grid of formats nobody reads.
   *
   * A sheet read to its top rows is checked whole all the same, as reading it whole would check it.
   * With `checkLater`, the sheet the package keeps (the largest: the ledger, nearly always) is left
   * to be checked by its full read, which checks it as it goes, or by `checkSheetsRead`: the
   * caller must call one or the other before it trusts the workbook. Reading another sheet first
   * checks it then, so what is refused, and in what order, does not change.
   */
  readGrid(entry: SheetEntry, maxRows?: number, numberFormats = maxRows !== undefined, { checkLater = false } = {}): SheetGrid {
    const { sharedStrings, date1904 } = this;
    const part = this.partOf(entry)!;
    // A sheet whose checks wait is checked before any other is read, so a refusal names the sheet it always named.
    if (this.unchecked && this.unchecked.ctx.part !== part) this.checkSheetsRead();
    const onSheetData = (layout: SheetDataLayout) => {
      this.sheetLayouts.set(part, layout);
      this.styles.reserveXfs(layout.highestStyle ?? -1);
    };
    const source = this.pkg.sheetSource(part);
    const ctx: SheetContext = { name: entry.name, sharedStrings, formatOf: this.styles.formatOf, date1904, maxRows, part, onSheetData, numberFormats };
    const grid = readSheetXml(source, ctx);
    if (typeof source !== 'string' && !source.checked) {
      if (checkLater && this.pkg.keeps(source)) this.unchecked = { sheet: source, ctx };
      else checkSheetRest(source, ctx);
    }
    const tables = maxRows === undefined ? this.tableAreas(part) : [];
    const areasInUse = [...(grid.areasInUse ?? []), ...tables];
    return { ...grid, hidden: entry.state !== 'visible', ...(areasInUse.length ? { areasInUse } : {}) };
  }

  /**
   * The ranges of a worksheet's tables, from its table parts: a table without a header row may
   * reach over columns that hold no cell, where the add-in must not write (SheetGrid.areasInUse).
   * A table part that cannot be read is passed over, as before: the job only copies it.
   */
  private tableAreas(sheetPart: string): CellRange[] {
    const relsPart = relsPathOf(sheetPart);
    if (!this.pkg.has(relsPart)) return [];
    const areas: CellRange[] = [];
    const read = <T>(body: () => T): T | undefined => {
      try {
        return body();
      } catch {
        return undefined;
      }
    };
    for (const rel of read(() => readRelationships(this.pkg.text(relsPart))) ?? []) {
      if (rel.external || rel.type !== REL_TABLE) continue;
      const area = read(() => {
        const part = this.targetOf(sheetPart, rel.target);
        // Its root element, past comments and processing instructions, which may hold anything.
        const root = this.pkg.has(part) ? rootElement(this.pkg.text(part)) : null;
        return root?.name === 'table' && root.namespace === SPREADSHEET_NS ? parseRangeRef(attr(root.tag, 'ref') ?? '') : null;
      });
      if (area) areas.push(area);
    }
    return areas;
  }

  /**
   * Each sheet's top rows (DETECTION_ROWS), read as it is asked for, for a ledger to be chosen
   * among them (chooseLedgerSheet): held together, the top rows of many wide sheets of one shared
   * string each (16 sheets of 45 × 16,384 cells) took 830 MiB. The sheets after the first
   * DETECTION_CELLS cells are not looked at (and noLedger says so): 108 sheets of 45 rows of
   * 16,384 empty cells (a 600 KB file) took 24 s to read so far.
   */
  *topRowsOf(entries: readonly SheetEntry[], options: { checkLater?: boolean } = {}): Generator<SheetGrid> {
    let cells = 0;
    this.searchStopped = null;
    for (const [looked, entry] of entries.entries()) {
      if (cells > DETECTION_CELLS) {
        this.searchStopped = { looked, total: entries.length };
        return;
      }
      const grid = this.readGrid(entry, DETECTION_ROWS, undefined, options);
      for (const row of grid.values) cells += row?.length ?? 0;
      yield grid;
    }
  }

  /** Whether topRowsOf stopped before the last sheet, and after how many (noLedger says so). */
  private searchStopped: { looked: number; total: number } | null = null;

  /** A sheet read to its top rows whose checks wait (readGrid's `checkLater`). */
  private unchecked: { sheet: AsciiSheet; ctx: SheetContext } | undefined;

  /** Checks the sheet read to its top rows with `checkLater`, unless its full read has: throws what reading it whole throws. */
  checkSheetsRead(): void {
    if (this.unchecked) checkSheetRest(this.unchecked.sheet, this.unchecked.ctx);
    this.unchecked = undefined;
  }

  /** The top `rows` rows of a sheet, inflating no more of its part than they need; no merged areas (Package.textOfRows). */
  readTopRows(entry: SheetEntry, rows: number): SheetGrid {
    const part = this.partOf(entry)!;
    const { sharedStrings, date1904 } = this;
    const xml = this.pkg.textOfRows(part, rows);
    return { ...readSheetXml(xml, { name: entry.name, sharedStrings, formatOf: this.styles.formatOf, date1904, maxRows: rows, part }), hidden: entry.state !== 'visible' };
  }

  /** Where the sheet data and rows of each worksheet part read whole lie (the ledger sheet's writer splices there). */
  readonly sheetLayouts = new Map<string, SheetDataLayout>();

  /**
   * The add-in's sheets: replaced in place on a re-run (keeping their position, their part and
   * their charts' parts), added at the end otherwise. Returns the name each was written under.
   */
  writeOwnSheets(sheets: readonly OwnSheet[]): string[] {
    const written: string[] = [];
    // A report sheet titled as the add-in titles it is the add-in's only where the add-in has been:
    // its hidden state sheet is in the workbook (under its name or an alternative), or the sheet
    // prints the title rows the add-in gives it. A user's own 回访清单 titled 回访清单（截至6月30日）, in a
    // workbook the add-in never touched, was overwritten for its title.
    const listed = readSheetEntries(this.workbookXml);
    const writtenBefore = this.stateSheet() !== undefined;
    // Read in the workbook as it came: the sheets added meanwhile go after these, so an index stays right.
    const original = this.workbookXml;
    const printsOwnTitles = (entry: SheetEntry, rows: [number, number] | undefined) =>
      !!rows && printsTitleRows(original, listed.findIndex((e) => e.name === entry.name), rows);
    for (const own of sheets) {
      // A sheet of that name is replaced only if the add-in wrote it (its A1 says so); a user's own
      // 回访清单 is kept and the add-in's goes beside it under another name.
      // Indexed once per sheet written: looked up for every alternative name, the sheet list was
      // read again each time (12,000 sheets named like the alternatives ran past two minutes).
      const entryNamed = sheetsByName(readSheetEntries(this.workbookXml)).get;
      const ours = (entry: SheetEntry) => {
        const part = this.partOf(entry);
        // Its A1 alone, inflating no more than the first row: a previous run's due-list can be far
        // larger than a part the reader takes whole (151 MB at 100,000 long rows: the re-run was refused).
        if (!part || !this.pkg.has(part)) return false;
        if (own.byName) return true;
        if (!isOwnSheet(own.name, this.readTopRows(entry, 1).values[0]?.[0])) return false;
        return 'stateRows' in own || writtenBefore || printsOwnTitles(entry, own.report.printTitleRows);
      };
      const name = ownSheetName(own.name, (candidate) => {
        const entry = entryNamed(candidate);
        return entry && ours(entry);
      });
      const existing = entryNamed(name);
      let part = existing && this.partOf(existing);
      if (!part) {
        part = this.freePart('worksheets/sheet');
        const target = relativeTarget(this.workbookPart, part);
        const added = addRelationship(this.workbookRels, REL_WORKSHEET, target);
        this.workbookRels = added.xml;
        this.workbookXml = addSheetEntry(this.workbookXml, name, added.id, 'stateRows' in own);
        this.contentTypes = addContentTypeOverride(this.contentTypes, part, CT_WORKSHEET);
        this.rels.push({ id: added.id, type: REL_WORKSHEET, target });
      }
      // Whatever hung off the old sheet (its drawing and charts, or what Excel added on a save) is
      // the add-in's too: reused where the new sheet needs the same kind of part, dropped otherwise.
      const before = this.reachableFrom(part);
      if ('stateRows' in own) {
        this.pkg.write(part, stateSheetXml(own.stateRows));
        this.pkg.remove(relsPathOf(part));
      } else {
        const drawing = own.report.charts?.length ? this.writeCharts(part, own.report, name) : undefined;
        this.pkg.write(part, reportSheetXml(own.report, this.styles, this.date1904, drawing));
        if (!drawing) this.pkg.remove(relsPathOf(part));
        if (own.report.printTitleRows) {
          const index = readSheetEntries(this.workbookXml).findIndex((s) => s.name === name);
          this.workbookXml = setPrintTitles(this.workbookXml, index, name, own.report.printTitleRows);
        }
      }
      const after = new Set(this.reachableFrom(part));
      this.dropUnreferenced(before.filter((p) => !after.has(p)));
      written.push(name);
    }
    return written;
  }

  /**
   * Writes the drawing and chart parts of a report sheet and the sheet's relationships, reusing the
   * part names of the sheet's previous drawing and charts, so a re-run writes the same package.
   * Returns the relationship id the sheet's <drawing> names.
   */
  private writeCharts(sheetPart: string, report: ReportSheet, sheetName: string): string {
    const charts = report.charts!;
    const related = (part: string, type: string) =>
      this.pkg.has(relsPathOf(part))
        ? readRelationships(this.pkg.text(relsPathOf(part)))
            .filter((r) => r.type === type && !r.external)
            .map((r) => this.targetOf(part, r.target))
        : [];
    const oldDrawing = related(sheetPart, REL_DRAWING)[0];
    const oldCharts = oldDrawing ? related(oldDrawing, REL_CHART) : [];
    const drawing = oldDrawing ?? this.freePart('drawings/drawing');
    const chartParts = charts.map((chart, i) => {
      const part = oldCharts[i] ?? this.freePart('charts/chart');
      this.pkg.write(part, chartXml(chart, report, sheetName, this.date1904));
      // Excel adds style and colour parts to a chart it saves; the chart written now has none.
      this.pkg.remove(relsPathOf(part));
      this.contentTypes = addContentTypeOverride(this.contentTypes, part, CT_CHART);
      return part;
    });
    this.pkg.write(drawing, drawingXml(charts, chartParts.map((_, i) => `rId${i + 1}`)));
    this.pkg.write(relsPathOf(drawing), relationshipsXml(chartParts.map((p) => ({ type: REL_CHART, target: relativeTarget(drawing, p) }))));
    this.contentTypes = addContentTypeOverride(this.contentTypes, drawing, CT_DRAWING);
    this.pkg.write(relsPathOf(sheetPart), relationshipsXml([{ type: REL_DRAWING, target: relativeTarget(sheetPart, drawing) }]));
    return 'rId1';
  }

  /** The first `prefix`N.xml beside the workbook part not in use, so names never clash with the user's parts. */
  private freePart(prefix: string): string {
    const base = this.workbookPart.slice(0, this.workbookPart.lastIndexOf('/') + 1) + prefix;
    // Part names are compared without case (OPC): beside Sheet1.xml, sheet1.xml would be the same part.
    const taken = new Set(this.pkg.names().map((name) => name.toLowerCase()));
    let n = 1;
    while (taken.has(`${base}${n}.xml`.toLowerCase())) n++;
    return `${base}${n}.xml`;
  }

  private relsText(relsPart: string): string {
    return relsPart === this.workbookRelsPart ? this.workbookRels : this.pkg.text(relsPart);
  }

  private targetsOf(part: string): string[] {
    const rels = relsPathOf(part);
    if (!this.pkg.has(rels)) return [];
    return readRelationships(this.relsText(rels))
      .filter((r) => !r.external)
      .map((r) => this.targetOf(part, r.target));
  }

  /** Every part reached through relationships from `part`, `part` itself aside. */
  private reachableFrom(part: string): string[] {
    const seen = new Set<string>();
    const queue = [part];
    while (queue.length) {
      for (const target of this.targetsOf(queue.shift()!)) {
        if (target === part || seen.has(target) || !this.pkg.has(target)) continue;
        seen.add(target);
        queue.push(target);
      }
    }
    return [...seen];
  }

  /**
   * Drops `candidates` (and their relationships and content types) unless a part that stays still
   * relates to one: an image Excel shares between drawings, a pivot cache the workbook lists.
   */
  private dropUnreferenced(candidates: readonly string[]) {
    const dropped = new Set(candidates);
    if (dropped.size === 0) return;
    const relsParts = this.pkg.names().filter((n) => n.endsWith('.rels'));
    for (let changed = true; changed; ) {
      changed = false;
      for (const rels of relsParts) {
        const owner = ownerOfRels(rels);
        if (dropped.has(owner) || !this.pkg.has(rels)) continue;
        for (const target of this.targetsOf(owner)) if (dropped.delete(target)) changed = true;
      }
    }
    for (const part of dropped) {
      this.pkg.remove(part);
      this.pkg.remove(relsPathOf(part));
      this.contentTypes = removeContentTypeOverride(this.contentTypes, part);
    }
  }

  /** Writes the workbook part, its relationships, content types and styles where they changed. */
  save() {
    const writeIfChanged = (part: string, xml: string) => {
      if (this.pkg.text(part) !== xml) this.pkg.write(part, xml);
    };
    if (this.styles.changed) {
      let part = this.stylesPart && this.pkg.has(this.stylesPart) ? this.stylesPart : undefined;
      if (!part) {
        // Rare (some generators omit it), but the add-in's formats need one: add it like Excel would.
        part = resolveTarget(this.workbookPart, 'styles.xml');
        this.workbookRels = addRelationship(this.workbookRels, REL_STYLES, 'styles.xml').xml;
        this.contentTypes = addContentTypeOverride(this.contentTypes, part, CT_STYLES);
      }
      this.pkg.write(part, this.styles.toXml());
    }
    writeIfChanged(this.workbookPart, this.workbookXml);
    writeIfChanged(this.workbookRelsPart, this.workbookRels);
    writeIfChanged(this.contentTypesPart, this.contentTypes);
  }
}

/** 'xl/drawings/_rels/drawing1.xml.rels' → 'xl/drawings/drawing1.xml'; '_rels/.rels' → '' (the package). */
function ownerOfRels(rels: string): string {
  const m = /^(.*?)_rels\/(.*)\.rels$/.exec(rels);
  return m ? m[1] + m[2] : '';
}

/** The part `target` (a relationship of `owner`) names in `pkg`: as written, then decoded; the name as written when neither is there. */
function targetIn(pkg: Package, owner: string, target: string): string {
  const asWritten = pkg.partName(resolveTarget(owner, target));
  if (pkg.has(asWritten)) return asWritten;
  const decoded = percentDecodedTarget(target);
  const part = decoded === null ? undefined : pkg.partName(resolveTarget(owner, decoded));
  return part !== undefined && pkg.has(part) ? part : asWritten;
}

function sheetNamed(sheets: readonly SheetEntry[], name: string): SheetEntry | undefined {
  const folded = name.trim().toLowerCase();
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.trim() === name.trim()) ?? sheets.find((s) => s.name.trim().toLowerCase() === folded);
}
