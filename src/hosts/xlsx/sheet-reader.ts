import { cellAddress, detachedString, parseCellAddress, parseRangeRef, SHEET_COLUMNS, SHEET_ROWS, type CellRange, type CellValue, type SheetGrid } from '../../core';
import { WORKSHEET_ORDER } from './worksheet-order';
import type { AsciiSheet, SheetPiece } from './ascii-sheet';
import { RowLayout, UNNAMED_LAST_CELL, type SheetDataLayout } from './sheet-layout';
import {
  attr,
  checkElementsNested,
  checkStartTags,
  declaredDefaultNamespace,
  checkPartEnd,
  checkReferences,
  checkTagsClosed,
  decodeOoxmlEscapes,
  findEndTag,
  hasSpecialMarkup,
  NESTING_CHECKED_CHARS,
  rootElement,
  short,
  skipSpecial,
  SPREADSHEET_NS,
  TAG_ATTRIBUTES,
  unescapeXml,
  wellFormedAttributes,
  wellFormedFragment,
  withoutSpecialMarkup,
  XmlFormatError,
} from './xml';

/** What the reader needs from the rest of the package. */
export interface SheetContext {
  name: string;
  /** The workbook's shared strings, asked for when a cell first names one. */
  sharedStrings: () => readonly string[];
  /** Number format code of a cell style index, or null for General. */
  formatOf: (styleIndex: number) => string | null;
  date1904: boolean;
  /** Stop after this many rows (header detection needs only the top of each sheet). */
  maxRows?: number;
  /** The part's name, for messages; the sheet's name when not given. */
  part?: string;
  /** Told where the sheet data and its rows lie, and whether it holds comments, CDATA or processing instructions (a full read only). */
  onSheetData?: (layout: SheetDataLayout) => void;
  /**
   * Read each number's format (`numberFormats`), for showing cells as Excel does; false leaves them
   * out (the job reads values only: a date column's numbers are dates whatever their format).
   */
  numberFormats?: boolean;
}

/**
 * The most cells a grid may hold, counting the blanks before a row's last cell: 32 million is a
 * 1,000,000-row ledger 32 columns wide, and about 256 MB of arrays. A sheet past it (formatted
 * empty cells to column XFD on every row, say) is refused rather than allowed to exhaust memory.
 */
export const MAX_GRID_CELLS = 1 << 25;

/** The expressions of one prefix ('' or 'x:'), made once. */
interface Grammar {
  p: string;
  /** Rows, cells, the end of a row and of sheetData, and the start of a comment, CDATA or processing instruction. */
  token: RegExp;
  /** `token` where the scan stands and nowhere else (sticky): the same match as `token` when there is one there. */
  tokenHere: RegExp;
  cellEnd: string;
  /** `</row>` as Excel writes it (the full path takes `</row >` too). */
  rowEnd: string;
  value: RegExp;
  text: RegExp;
  phonetic: string;
  phoneticRun: RegExp;
  /** Markup a cell's content may not hold: the start of another cell, a row, the sheet data. */
  structural: RegExp;
  mergeCell: RegExp;
}

const GRAMMARS = new Map<string, Grammar>();

/** An element's name ended, then its attributes up to its `>` or `/>` (TAG_ATTRIBUTES). */
const ATTRIBUTES = String.raw`(?=[\s/>])${TAG_ATTRIBUTES}`;

function grammar(p: string): Grammar {
  let g = GRAMMARS.get(p);
  if (!g) {
    const q = p.replace('.', '\\.');
    // The last alternative is any other element: in sheet data only rows and cells belong (and a
    // row's extLst); anything else there is a tag whose '<' was lost or damaged.
    const token = `<(?:[!?]|${q}(row|c)(?=[\\s/>])([^>]*?)(/?)>|/${q}(row|sheetData|c)\\s*>|(/?[A-Za-z_][\\w.:-]*))`;
    g = {
      p,
      token: new RegExp(token, 'g'),
      tokenHere: new RegExp(token, 'y'),
      cellEnd: `</${p}c>`,
      rowEnd: `</${p}row>`,
      value: new RegExp(`<${q}v${ATTRIBUTES}(?:/>|>([\\s\\S]*?)</${q}v\\s*>)`),
      text: new RegExp(`<${q}t${ATTRIBUTES}(?:/>|>([\\s\\S]*?)</${q}t\\s*>)`, 'g'),
      phonetic: `<${p}rPh`,
      // A run closed where it opens (<rPh/>) is one tag: searched for an end tag, each ran to the
      // next </rPh> or to the end (a 50 KB file with 300,000 of them ran for minutes, and the text
      // between one and the next run's end was dropped).
      phoneticRun: new RegExp(`<${q}rPh${ATTRIBUTES}(?:/>|>[\\s\\S]*?</${q}rPh\\s*>)`, 'g'),
      structural: new RegExp(`</?${q}(?:c|row|sheetData)(?=[\\s/>])`),
      mergeCell: new RegExp(`<(?:[!?]|${q}mergeCell(?=[\\s/>])([^>]*)>)`, 'g'),
    };
    GRAMMARS.set(p, g);
  }
  return g;
}

/**
 * Reads a worksheet part into a grid of values with one pass of a regular-expression scanner:
 * a DOM or even a SAX parser costs several times more on a 100,000-row sheet, and the cell
 * grammar (ECMA-376 Part 1, 18.3.1.4) is small enough to scan directly.
 *
 * The scanner trusts nothing: every row and cell must be closed before the next begins, rows and
 * cells come in increasing order inside Excel's 1,048,576 × 16,384 (18.3.1.73, 18.3.1.4), and
 * comments, processing instructions and CDATA are read as XML defines them (a commented-out cell
 * is no cell, CDATA is text). Anything else stops with an XmlFormatError naming the part and the
 * offset, so a damaged sheet can never make it loop or read a value that is not there.
 */
export function readSheetXml(source: string | AsciiSheet, ctx: SheetContext): SheetGrid {
  if (typeof source !== 'string') {
    const inPieces = scanPieces(source, ctx);
    if (inPieces) return inPieces;
    const grid = readSheetXml(source.whole(), ctx);
    // Read whole, it has had every check (Package.text) its pieces would have: they need none again.
    source.checked = true;
    return grid;
  }
  try {
    return scanSheet(source, ctx);
  } catch (e) {
    if (e instanceof XmlFormatError) throw e.in(ctx.part ?? ctx.name, ctx.name);
    throw e;
  }
}

/** A row number or string index: decimal digits only, no leading zero (Number() would take "1e6", "0x10" and " 7"). */
function positiveInteger(s: string): number {
  if (s.length === 0 || s.length > 10 || s.charCodeAt(0) === 48) return NaN;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** The root must be SpreadsheetML's `name`: a damaged namespace makes every element something else. */
function checkRoot(xml: string, name: string): string {
  const root = rootElement(xml);
  if (!root || root.name !== name || root.namespace !== SPREADSHEET_NS) throw new XmlFormatError('malformed', short(root?.tag ?? `<${name}>`), root?.start ?? 0);
  return root.prefix;
}

/** What a scan of the rows carries from one piece of the part to the next (rows never span two pieces). */
interface RowScan {
  values: CellValue[][];
  numberFormats: (string | null)[][];
  /** The last row met, -1 before the first. */
  row: number;
  /** Cells the grid will hold, blanks before each row's last cell included. */
  cells: number;
  /** A comment, CDATA or processing instruction met in the sheet data. */
  special: boolean;
  /** The ranges of array formulas and data tables (SheetGrid.areasInUse). */
  formulaAreas: CellRange[];
  /** Formula cells without a value (SheetGrid.formulasWithoutValue): the first ones, and how many. */
  uncalculated: { row: number; col: number }[];
  uncalculatedTotal: number;
  layout: RowLayout | undefined;
  rowCells: OpenRow;
  /** Where the last piece's scan stopped in its text: past `</sheetData>` when it was found. */
  lastIndex: number;
  /**
   * The piece being scanned has not been checked as a part is (tags closed, no comment, CDATA or
   * processing instruction): the scan takes only what it reads exactly until it checks the rest
   * (scanRows, checkRest).
   */
  unchecked: boolean;
}

function newScan(ctx: SheetContext): RowScan {
  openRowWidth = 0;
  highestStyle = -1;
  return {
    values: [],
    numberFormats: [],
    row: -1,
    cells: 0,
    special: false,
    formulaAreas: [],
    uncalculated: [],
    uncalculatedTotal: 0,
    layout: ctx.onSheetData && ctx.maxRows === undefined ? new RowLayout() : undefined,
    rowCells: [],
    lastIndex: 0,
    unchecked: false,
  };
}

/** scanRows ran out of text between two rows (a piece of the part ended), or stopped at ctx.maxRows. */
const PIECE_ENDED = -1;
const ROW_LIMIT = -2;

function scanSheet(xml: string, ctx: SheetContext): SheetGrid {
  const g = grammar(checkRoot(xml, 'worksheet'));
  const scan = newScan(ctx);
  const open = findSheetData(xml, g);
  checkStartTags(xml, 0, open ? open.start : xml.length, 0, worksheetChild(g));
  if (!open) return { name: ctx.name, values: scan.values, merges: [], numberFormats: scan.numberFormats, date1904: ctx.date1904 };
  const dataEnd = open.selfClosing ? open.end : scanRows(xml, open.end, 0, scan, g, ctx, open, false);
  return finishScan(xml, dataEnd === ROW_LIMIT ? endOfSheetData(xml, g, open.start) : dataEnd, dataEnd !== ROW_LIMIT, 0, open, scan, g, ctx);
}

/**
 * A large ASCII part read piece by piece (AsciiSheet), with every check the whole part's reading
 * makes: each piece's tags closed and no comment, CDATA or processing instruction in it, the part's
 * end after its root (once for the part, the first time it is read whole). The first piece is
 * checked before it is read; every other as it is read (scanRows): what the scan reads exactly —
 * the common cell, a row's start and end tags — needs no check, and the rest of the piece is
 * checked the moment the scan meets anything else. A ledger as Excel, WPS and LibreOffice write
 * it is read so to its end without a second pass over its 75 MB.
 *
 * Reading stops at ctx.maxRows (header detection): the pieces past those rows are neither read nor
 * checked then, only the part's end, where its merged areas are; `checkSheetRest` checks them
 * before the job goes on. Null when the pieces will not do — comments, CDATA or processing
 * instructions anywhere (a piece may be cut inside one), a prefix, a sheet data that is empty or
 * does not end in the last piece — or when anything is wrong: the caller reads the part whole,
 * which reads such a part or names what is wrong with it exactly as it always has.
 */
function scanPieces(sheet: AsciiSheet, ctx: SheetContext): SheetGrid | null {
  try {
    const checking = !sheet.checked;
    let head: string | undefined;
    let g: Grammar | undefined;
    let open: ReturnType<typeof findSheetData> = null;
    let scan: RowScan | undefined;
    let last: SheetPiece | undefined;
    let dataEnd = PIECE_ENDED;
    for (const piece of sheet.pieces()) {
      last = piece;
      if (head === undefined) {
        if (checking) checkFirstPiece(piece.text);
        head = piece.text;
        g = grammar(checkRoot(head, 'worksheet'));
        open = findSheetData(head, g);
        if (g.p !== '' || !open || open.selfClosing) return null;
        if (checking) checkStartTags(head, 0, open.start, 0, worksheetChild(g!));
        scan = newScan(ctx);
        dataEnd = scanRows(head, open.end, 0, scan, g, ctx, open, true);
      } else if (dataEnd === PIECE_ENDED) {
        scan!.unchecked = checking;
        dataEnd = scanRows(piece.text, 0, piece.base, scan!, g!, ctx, open!, true);
        // What follows the scan's stop in this piece (the part's end; rows not wanted) is checked now.
        if (scan!.unchecked && dataEnd !== PIECE_ENDED) checkRest(piece.text, scan!.lastIndex);
        scan!.unchecked = false;
      }
      // The sheet data ends in the last piece: no row end follows it.
      else return null;
      if (dataEnd === ROW_LIMIT) break;
    }
    if (!last || !scan || dataEnd === PIECE_ENDED || scan.special) return null;
    if (dataEnd === ROW_LIMIT) {
      // The part's end from the last `</sheetData`, where the whole reading looks for the merged
      // areas too (endOfSheetData): the same text, read forward the same way.
      const base = sheet.lastIndexOf(`</${g!.p}sheetData`);
      if (base < open!.start) return null;
      const tail = sheet.slice(base);
      if (checking) checkRest(tail, 0);
      return finishScan(tail, 0, false, base, open!, scan, g!, ctx);
    }
    if (checking) checkNesting(sheet, head!, last.text);
    sheet.checked = true;
    return finishScan(last.text, dataEnd, true, last.base, open!, scan, g!, ctx);
  } catch {
    // Whatever went wrong, the whole reading says it (test/xlsx/ascii-sheet.test.ts makes sure the
    // writers' ledgers are not sent there, which would be right but slow).
    return null;
  }
}

/** Thrown where the pieces will not do (caught by scanPieces, which then leaves the part to the whole reading). */
const PIECES_WILL_NOT_DO = new Error('read the part whole');

/** Checks the first piece before it is read: no comment, CDATA or processing instruction (an XML declaration may open it), every tag closed. */
function checkFirstPiece(piece: string): void {
  if (hasSpecialMarkup(piece)) throw PIECES_WILL_NOT_DO;
  checkTagsClosed(piece);
  checkReferences(piece);
}

/** Checks a piece from `from` to its end as the whole part's reading checks it: no comment, CDATA or processing instruction, every tag closed. */
function checkRest(piece: string, from: number): void {
  if (piece.indexOf('<!', from) >= 0 || piece.indexOf('<?', from) >= 0) throw PIECES_WILL_NOT_DO;
  checkTagsClosed(piece, from);
  checkReferences(piece, from);
}

/**
 * As checkElementsNested checks a part of this size: whole up to a megabyte (only in tests: a part
 * is kept as bytes from 4 MB), else what follows its root, from its first and last pieces.
 */
function checkNesting(sheet: AsciiSheet, head: string, last: string): void {
  if (sheet.length <= NESTING_CHECKED_CHARS) checkElementsNested(sheet.slice(0));
  else checkPartEnd(head, last);
}

/**
 * Makes sure a sheet read only to its top rows (ctx.maxRows) is one the whole part's reading takes:
 * the checks its pieces were spared then, made now, each piece at once (it is the ledger's full
 * read that usually gives a kept sheet its checks, as it goes). Throws what reading the part whole
 * throws when they fail.
 */
export function checkSheetRest(sheet: AsciiSheet, ctx: SheetContext): void {
  if (sheet.checked) return;
  if (piecesPassChecks(sheet)) sheet.checked = true;
  else readSheetXml(sheet.whole(), ctx);
}

/** The checks of every piece and of the part's end, as scanPieces makes them. */
function piecesPassChecks(sheet: AsciiSheet): boolean {
  try {
    let head: string | undefined;
    let last: string | undefined;
    for (const piece of sheet.pieces()) {
      if (head === undefined) {
        checkFirstPiece(piece.text);
        head = piece.text;
      } else checkRest(piece.text, 0);
      last = piece.text;
    }
    if (head === undefined || last === undefined) return false;
    checkNesting(sheet, head, last);
    return true;
  } catch {
    return false;
  }
}

/**
 * Scans rows in `xml` (which starts at `base` of the part) from `from` until `</sheetData>`,
 * returning where it starts in `xml`; PIECE_ENDED when the text ends between two rows and
 * `pieceEnds` says more follows in another piece; ROW_LIMIT at ctx.maxRows.
 */
function scanRows(xml: string, from: number, base: number, scan: RowScan, g: Grammar, ctx: SheetContext, open: { start: number }, pieceEnds: boolean): number {
  const { values, numberFormats, layout, rowCells } = scan;
  const token = g.token;
  token.lastIndex = from;
  let dataEnd = PIECE_ENDED;
  let row = scan.row;
  let cells = scan.cells;
  let special = scan.special;
  let unchecked = scan.unchecked;
  let col = -1;
  let rowOpen = -1; // where the open row's tag starts, -1 outside a row
  let rowTag = '';
  let rowBody = -1; // where the open row's body starts
  let rowExtension = -1; // where the open row's <extLst> starts, -1 if it has none
  let lastCellNamed = true; // the open row's last cell so far has an r attribute
  const limit = ctx.maxRows ?? Infinity;
  for (;;) {
    // Most cells are the common one, read whole by one sticky expression; anything else (or a
    // common cell out of place, which the full path then names) goes the full way.
    if (rowOpen >= 0 && xml.charCodeAt(token.lastIndex) === 60) {
      const end = fastCell(xml, token.lastIndex, g, ctx, row, col, rowCells, numberFormats);
      if (end >= 0) {
        col = lastFastColumn;
        lastCellNamed = true;
        token.lastIndex = end;
        continue;
      }
      // The row's end as Excel writes it, `</row>`, taken as the full path takes it below.
      const at = token.lastIndex;
      if (textAt(xml, at, g.rowEnd)) {
        token.lastIndex = at + g.rowEnd.length;
        // (A closure for these lines would put the scan's variables in a context, every access a load.)
        cells += closeRow(values, row, rowCells);
        layout?.add(row, base + rowOpen, base + rowBody, base + at, base + (rowExtension >= 0 ? rowExtension : at), base + token.lastIndex, col >= 0 && !lastCellNamed ? UNNAMED_LAST_CELL : col);
        rowOpen = -1;
        continue;
      }
    }
    let m: RegExpExecArray | null;
    if (unchecked) {
      // Unchecked, only a row's start or end tag right here is taken; anything else, the piece is checked from here first.
      const here = g.tokenHere;
      here.lastIndex = token.lastIndex;
      m = here.exec(xml);
      if (m && (m[1] === 'row' || m[4] === 'row')) token.lastIndex = here.lastIndex;
      else {
        checkRest(xml, token.lastIndex);
        unchecked = false;
        m = token.exec(xml);
      }
    } else m = token.exec(xml);
    if (!m) {
      if (pieceEnds && rowOpen < 0) break;
      throw new XmlFormatError('unclosed', rowOpen >= 0 ? rowTag : `<${g.p}sheetData>`, rowOpen >= 0 ? rowOpen : open.start);
    }
    const at = m.index;
    if (m[5] !== undefined) {
      // A row's extension list is skipped whole; no other element belongs here.
      const ext = `${g.p}extLst`;
      if (rowOpen >= 0 && m[5] === ext) {
        if (rowExtension < 0) rowExtension = at;
        const end = findEndTag(xml, ext, at, true);
        if (!end) throw new XmlFormatError('unclosed', `<${ext}>`, at);
        token.lastIndex = end.end;
        continue;
      }
      // What follows the sheet data in a worksheet (<mergeCells>, <pageMargins> …) means the row or
      // the sheet data before it was never closed; anything else is a damaged tag.
      if (WORKSHEET_ORDER.includes(m[5].slice(g.p.length))) {
        if (rowOpen >= 0) throw new XmlFormatError('unclosed', rowTag, rowOpen);
        throw new XmlFormatError('unclosed', `<${g.p}sheetData>`, open.start);
      }
      throw new XmlFormatError('malformed', short(xml.slice(at, xml.indexOf('>', at) + 1 || at + 20)), at);
    }
    if (m[1] === undefined && m[4] === undefined) {
      special = true;
      token.lastIndex = skipSpecial(xml, at);
      continue;
    }
    if (m[4] === 'sheetData') {
      if (rowOpen >= 0) throw new XmlFormatError('unclosed', rowTag, rowOpen);
      dataEnd = at;
      break;
    }
    if (m[4] !== 'sheetData' && m[4] !== undefined) {
      // </row> outside a row, or a </c> whose cell never started.
      if (rowOpen < 0 || m[4] === 'c') throw new XmlFormatError('malformed', m[0], at);
      cells += closeRow(values, row, rowCells);
      layout?.add(row, base + rowOpen, base + rowBody, base + at, base + (rowExtension >= 0 ? rowExtension : at), base + token.lastIndex, col >= 0 && !lastCellNamed ? UNNAMED_LAST_CELL : col);
      rowOpen = -1;
      continue;
    }
    if (m[1] === 'row') {
      if (rowOpen >= 0) throw new XmlFormatError('unclosed', rowTag, rowOpen);
      if (!wellFormedAttributes(m[2])) throw new XmlFormatError('malformed', short(m[0]), at);
      const r = attr(m[2], 'r');
      const next = r === undefined ? row + 1 : positiveInteger(r) - 1;
      if (Number.isNaN(next)) throw new XmlFormatError('malformed', short(m[0]), at);
      if (next >= SHEET_ROWS) throw new XmlFormatError('limits', short(m[0]), at);
      if (next <= row) throw new XmlFormatError('order', short(m[0]), at);
      row = next;
      col = -1;
      if (row >= limit) {
        dataEnd = ROW_LIMIT;
        break;
      }
      if (m[3] !== '/') {
        rowOpen = at;
        rowTag = m[0];
        rowBody = token.lastIndex;
        rowExtension = -1;
      } else layout?.add(row, base + at, base + token.lastIndex, base + token.lastIndex, base + token.lastIndex, base + token.lastIndex, -1);
      continue;
    }
    // A cell.
    if (rowOpen < 0) throw new XmlFormatError('malformed', short(m[0]), at);
    const tag = m[2];
    const ref = quickAttr(tag, ' r="') ?? attr(tag, 'r');
    if (ref !== undefined) {
      const pos = parseCellAddress(ref);
      if (!pos) throw new XmlFormatError(/^\$?[A-Za-z]{1,7}\$?[1-9]\d{0,9}$/.test(ref) ? 'limits' : 'malformed', short(m[0]), at);
      if (pos.row !== row || pos.col <= col) throw new XmlFormatError('order', short(m[0]), at);
      col = pos.col;
    } else if (++col >= SHEET_COLUMNS) throw new XmlFormatError('limits', short(m[0]), at);
    lastCellNamed = ref !== undefined;
    if (m[3] === '/') {
      // Checked as any cell is: `<c r="J6" s="4*/>` (a flipped byte) was read, and copied into a
      // rewritten sheet that no reader could open.
      if (!wellFormedAttributes(tag)) throw new XmlFormatError('malformed', short(m[0]), at);
      noteStyle(tag);
      // An empty but formatted cell (a border drawn ahead in a template) still occupies its place:
      // the row reaches it, so nothing is written over it.
      if (openRowWidth <= col) openRowWidth = col + 1;
      continue;
    }
    // The token expression never looks inside a cell: what lies between the start tag and the first
    // </c> is either the common <v>…</v>, or checked here — nothing structural (a cell whose end
    // was lost runs into the next), comments and CDATA read as XML reads them, well-formed.
    const from = token.lastIndex;
    let close = xml.indexOf(g.cellEnd, from);
    let inner = close < 0 ? '' : xml.slice(from, close);
    let closeEnd = close + g.cellEnd.length;
    if (close < 0 || !plainValue(inner, g.p)) {
      if (close < 0 || g.structural.test(inner) || inner.indexOf('<!') >= 0 || inner.indexOf('<?') >= 0) {
        const end = cellEnd(xml, g, from, at, m[0]);
        close = end.start;
        closeEnd = end.end;
        const raw = xml.slice(from, close);
        special ||= raw.indexOf('<!') >= 0 || raw.indexOf('<?') >= 0;
        inner = withoutSpecialMarkup(raw);
      }
      if (!wellFormedFragment(inner)) throw new XmlFormatError('malformed', short(m[0]), at);
      const area = inner.indexOf('ref') >= 0 ? formulaArea(inner) : null;
      if (area) scan.formulaAreas.push(area);
    }
    if (!wellFormedAttributes(tag)) throw new XmlFormatError('malformed', short(m[0]), at);
    const style = noteStyle(tag);
    token.lastIndex = closeEnd;
    let value: CellValue;
    try {
      value = cellValue(tag, inner, ctx, g, at, m[0], row, col);
    } catch (e) {
      throw e instanceof XmlFormatError ? e.at(at) : e;
    }
    // A cell without a value (a formula never calculated, an empty <v/>) occupies its place as an
    // empty formatted one does: the row reaches it, so nothing is written over it.
    if (openRowWidth <= col) openRowWidth = col + 1;
    if (value === null) {
      if (hasFormula(inner, g.p)) noteUncalculated(scan, row, col);
      continue;
    }
    rowCells[col] = value;
    if (typeof value === 'number' && ctx.numberFormats !== false) {
      const format = style ? ctx.formatOf(Number(style)) : null;
      if (format) (numberFormats[row] ??= [])[col] = format;
    }
  }
  scan.row = row;
  scan.cells = cells;
  scan.special = special;
  scan.unchecked = unchecked;
  scan.lastIndex = token.lastIndex;
  return dataEnd;
}

/**
 * The grid from the scanned rows, and the merged areas after the sheet data: `tail` is the text
 * holding the end of the sheet data (the whole part, or its last piece, at `base` of the part),
 * `dataEnd` where `</sheetData>` starts in it, `ended` whether the scan reached it.
 */
function finishScan(tail: string, dataEnd: number, ended: boolean, base: number, open: { start: number; end: number; selfClosing: boolean }, scan: RowScan, g: Grammar, ctx: SheetContext): SheetGrid {
  const { values, numberFormats, layout } = scan;
  const cells = scan.cells + values.length; // every row is an array, even an empty one
  if (cells > MAX_GRID_CELLS) throw new XmlFormatError('tooManyCells', String(cells), open.start);
  // Rows the part leaves out are blank: every consumer sees plain arrays.
  let width = 0;
  for (let r = 0; r < values.length; r++) {
    const cellsOfRow = (values[r] ??= []);
    if (cellsOfRow.length > width) width = cellsOfRow.length;
    if (numberFormats[r]) numberFormats[r] = numberFormats[r].slice();
  }
  let merges: CellRange[];
  let read: CellRange[];
  try {
    // From the sheet data's end tag (inside it) or, when it closes itself, right after it.
    checkStartTags(tail, dataEnd, tail.length, base, worksheetChild(g), open.selfClosing ? [`${g.p}worksheet`] : [`${g.p}worksheet`, `${g.p}sheetData`]);
    read = readMerges(tail, dataEnd, g);
    merges = clipMerges(read, values.length, width);
  } catch (e) {
    throw e instanceof XmlFormatError ? e.at(dataEnd) : e;
  }
  const mergesPastGrid = read.filter((m) => m.right >= width && m.top < values.length).map((m) => ({ top: m.top, bottom: m.bottom, right: m.right }));
  if (ended && layout) ctx.onSheetData!({ special: scan.special, start: open.start, tagEnd: open.end, end: open.selfClosing ? open.end : base + scan.lastIndex, rows: layout, highestStyle });
  return {
    name: ctx.name,
    values,
    merges,
    numberFormats,
    date1904: ctx.date1904,
    ...(mergesPastGrid.length ? { mergesPastGrid } : {}),
    ...(scan.formulaAreas.length ? { areasInUse: scan.formulaAreas } : {}),
    ...(scan.uncalculatedTotal ? { formulasWithoutValue: { cells: scan.uncalculated, total: scan.uncalculatedTotal } } : {}),
  };
}

/** Formula cells without a value kept by address: enough to name them, never a whole column of them. */
const UNCALCULATED_KEPT = 5000;

/** A cell's content holds an `<f>` element (`<f>`, `<f t="shared" si="0"/>`). */
function hasFormula(inner: string, prefix: string): boolean {
  const tag = `<${prefix}f`;
  for (let at = inner.indexOf(tag); at >= 0; at = inner.indexOf(tag, at + 1)) {
    const next = inner.charCodeAt(at + tag.length);
    if (next === GT || next === 47 /* / */ || next === 32 || next === 9 || next === 10 || next === 13) return true;
  }
  return false;
}

function noteUncalculated(scan: RowScan, row: number, col: number): void {
  if (scan.uncalculated.length < UNCALCULATED_KEPT) scan.uncalculated.push({ row, col });
  scan.uncalculatedTotal++;
}

/**
 * The range an array formula or a data table in a cell's content covers (`<f t="array" ref="P6:R6">`),
 * or null. Its other cells may be absent from the part; a shared formula's cells are each written.
 */
function formulaArea(inner: string): CellRange | null {
  const f = /<(?:[A-Za-z_][\w.-]*:)?f(?=[\s/>])([^>]*)>/.exec(inner);
  if (!f) return null;
  const type = attr(f[1], 't');
  if (type !== 'array' && type !== 'dataTable') return null;
  return parseRangeRef(attr(f[1], 'ref') ?? '');
}

/**
 * Refuses a child of the worksheet that SpreadsheetML has no place for (`<x/>`, five million of them
 * after the sheet data): copied into the output it is a part Excel asks to repair, and around such
 * elements the add-in's own could not be placed where the schema wants them. Elements of other
 * namespaces (a prefix of their own, or another default namespace declared on them, read as an
 * attribute — not ` xmlns=` found anywhere in the tag) are extensions, kept as they came.
 */
function worksheetChild(g: Grammar): (tag: string, name: string, at: number) => void {
  return (tag, name, at) => {
    if (!name.startsWith(g.p)) return;
    const local = name.slice(g.p.length);
    if (local.includes(':')) return;
    const own = declaredDefaultNamespace(tag);
    if (own !== undefined && own !== SPREADSHEET_NS) return;
    if (!WORKSHEET_ORDER.includes(local)) throw new XmlFormatError('malformed', short(tag), at);
  };
}

/** The highest cell format a cell of the scan names (SheetDataLayout.highestStyle). */
let highestStyle = -1;

/** Notes the cell format a cell's start tag names, and returns its `s` as written (undefined when it has none). */
function noteStyle(tag: string): string | undefined {
  const s = quickAttr(tag, ' s="') ?? attr(tag, 's');
  const n = s === undefined ? NaN : Number(s);
  if (Number.isSafeInteger(n) && n > highestStyle) highestStyle = n;
  return s;
}

/** The column of the last cell `fastCell` read (returned beside its end without an allocation). */
let lastFastColumn = -1;

/**
 * The open row's cells, gathered in one array that serves every row of a scan (as long as the
 * widest row so far: the row's own reach is `openRowWidth`), undefined where the row has none.
 */
type OpenRow = (CellValue | undefined)[];
/** How far the open row reaches: one past its last cell, an empty but formatted one included. */
let openRowWidth = 0;

/**
 * Puts the open row into the grid at its exact size, its gaps blank (null), and empties the open
 * row for the next: one array a row. Grown cell by cell, each row's own array was allocated two or
 * three times over (capacity 17, then 41), copied to its size at the end, and all of it copied
 * again by the young-generation collector (at 100,000 rows, 55 MB of survivors). Returns the
 * number of cells the row holds.
 */
function closeRow(values: CellValue[][], row: number, open: OpenRow): number {
  const width = openRowWidth;
  if (width === 0) return 0;
  const cells = open.slice(0, width);
  for (let c = 0; c < width; c++) {
    if (cells[c] === undefined) cells[c] = null;
    open[c] = undefined;
  }
  values[row] = cells as CellValue[];
  openRowWidth = 0;
  return width;
}

const LT = 60; // <
const GT = 62; // >
const QUOTE = 34; // "
const AMP = 38; // &
const DIGIT_0 = 48;
const C = 99; // c
const V = 118; // v

/**
 * Reads the cell at `at` if it is the common one Excel, WPS and LibreOffice write for a number or a
 * shared string — `<c r="B5" s="7" t="s"><v>12</v></c>` or `<c r="B5" s="7"/>`, attributes in that
 * order, nothing else inside — and it follows the previous cell in this row. Returns where it ends,
 * or -1 to leave it to the full path (which also names whatever is wrong with it). Every check the
 * full path makes holds here by construction: quoted attributes, no markup or reference in the
 * value, a known shared string, an xsd:double.
 *
 * Read character by character, not by a regular expression: the 2.4 million cells of a 100,000-row
 * ledger made as many match arrays and four times as many substrings (460 MB, a fifth of all the
 * run allocated, and the collections that went with it). Only a number that is not a plain integer
 * is cut out of the text to be read.
 */
function fastCell(
  xml: string,
  at: number,
  g: Grammar,
  ctx: SheetContext,
  row: number,
  col: number,
  rowCells: OpenRow,
  numberFormats: (string | null)[][],
): number {
  // <c r="
  let i = at + 1;
  if (g.p !== '') {
    if (!textAt(xml, i, g.p)) return -1;
    i += g.p.length;
  }
  if (!textAt(xml, i, 'c r="')) return -1;
  i += 5;
  // The column: one to three capitals, not past XFD, right of the row's last cell.
  const letters = i;
  let c = 0;
  for (let ch = xml.charCodeAt(i); ch >= 65 && ch <= 90 && i - letters < 3; ch = xml.charCodeAt(++i)) c = c * 26 + ch - 64;
  c -= 1;
  if (i === letters || c >= SHEET_COLUMNS || c <= col) return -1;
  // The row: this row's number, no leading zero, closed by the quote.
  const rowAt = i;
  const r = digitsAt(xml, i, 7);
  i = digitsEnd;
  if (r !== row + 1 || xml.charCodeAt(rowAt) === DIGIT_0 || xml.charCodeAt(i++) !== QUOTE) return -1;
  // s="…": a style number, no leading zero (but 0 itself).
  let style = -1;
  if (textAt(xml, i, ' s="')) {
    const from = i + 4;
    style = digitsAt(xml, from, 6);
    i = digitsEnd;
    if (style < 0 || (i - from > 1 && xml.charCodeAt(from) === DIGIT_0) || xml.charCodeAt(i++) !== QUOTE) return -1;
    if (style > highestStyle) highestStyle = style;
  }
  // t="s" or t="n".
  let shared = false;
  if (textAt(xml, i, ' t="')) {
    const t = xml.charCodeAt(i + 4);
    if ((t !== 115 && t !== 110) || xml.charCodeAt(i + 5) !== QUOTE) return -1;
    shared = t === 115;
    i += 6;
  }
  if (xml.charCodeAt(i) === 47 && xml.charCodeAt(i + 1) === GT) {
    // <c …/>: an empty but formatted cell occupies its place, as on the full path.
    lastFastColumn = c;
    if (openRowWidth <= c) openRowWidth = c + 1;
    return i + 2;
  }
  // ><v>value</v></c>, the value without markup or references.
  if (xml.charCodeAt(i++) !== GT || !openTagAt(xml, i, g.p, V)) return -1;
  const from = i + g.p.length + 3;
  let to = from;
  for (let ch = xml.charCodeAt(to); ch !== LT; ch = xml.charCodeAt(++to)) if (ch === AMP || Number.isNaN(ch)) return -1;
  if (!closeTagAt(xml, to, g.p, V)) return -1;
  const end = to + g.p.length + 4;
  if (!closeTagAt(xml, end, g.p, C)) return -1;
  let value: CellValue = null;
  if (shared) {
    // A shared string's number: decimal digits only, no leading zero (but 0 itself).
    const index = digitsAt(xml, from, 10);
    if (index < 0 || digitsEnd !== to || (to - from > 1 && xml.charCodeAt(from) === DIGIT_0)) return -1;
    const text = ctx.sharedStrings()[index];
    if (text === undefined) return -1;
    value = text;
  } else {
    // A plain integer (most numbers: dates, counts) is read in place; anything else as xsd:double.
    const n = digitsAt(xml, from, 15);
    if (n >= 0 && digitsEnd === to) value = n;
    else {
      const raw = xml.slice(from, to);
      if (raw.trim() !== '') {
        value = xsdDouble(raw);
        if (value === null) return -1;
      }
    }
  }
  lastFastColumn = c;
  if (openRowWidth <= c) openRowWidth = c + 1;
  if (value !== null) {
    rowCells[c] = value;
    if (typeof value === 'number' && style >= 0 && ctx.numberFormats !== false) {
      const format = ctx.formatOf(style);
      if (format) (numberFormats[row] ??= [])[c] = format;
    }
  }
  return end + g.p.length + 4;
}

/** Where the digits `digitsAt` read end (returned beside their value without an allocation). */
let digitsEnd = 0;

/** The decimal number of the one to `max` digits at `at` (their end in `digitsEnd`), or -1 when there is none. */
function digitsAt(xml: string, at: number, max: number): number {
  let n = 0;
  let i = at;
  for (let d = xml.charCodeAt(i) - DIGIT_0; d >= 0 && d <= 9 && i - at < max; d = xml.charCodeAt(++i) - DIGIT_0) n = n * 10 + d;
  digitsEnd = i;
  return i === at ? -1 : n;
}

/**
 * Whether `text` is written at `at`: compared a character at a time, which the compiler inlines —
 * `startsWith` is a call into the runtime, and seven of them a cell cost more than the regular
 * expression this scanner replaced.
 */
function textAt(xml: string, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (xml.charCodeAt(at + i) !== text.charCodeAt(i)) return false;
  return true;
}

/** Whether `<p:name>` starts at `at` (`name` one character). */
function openTagAt(xml: string, at: number, p: string, name: number): boolean {
  return xml.charCodeAt(at) === LT && (p === '' || textAt(xml, at + 1, p)) && xml.charCodeAt(at + 1 + p.length) === name && xml.charCodeAt(at + 2 + p.length) === GT;
}

/** Whether `</p:name>` starts at `at` (`name` one character). */
function closeTagAt(xml: string, at: number, p: string, name: number): boolean {
  return xml.charCodeAt(at) === LT && xml.charCodeAt(at + 1) === 47 && (p === '' || textAt(xml, at + 2, p)) && xml.charCodeAt(at + 2 + p.length) === name && xml.charCodeAt(at + 3 + p.length) === GT;
}

/** The `<sheetData>` start tag, outside comments (it is near the top, after the sheet's properties); null when the worksheet has none. */
function findSheetData(xml: string, g: Grammar): { start: number; end: number; selfClosing: boolean } | null {
  const re = new RegExp(`<(?:[!?]|${g.p.replace('.', '\\.')}sheetData(?=[\\s/>])[^>]*>)`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0].length === 2) re.lastIndex = skipSpecial(xml, m.index);
    else return { start: m.index, end: m.index + m[0].length, selfClosing: m[0].endsWith('/>') };
  }
  return null;
}

/**
 * Where the sheet data ends when the reader stopped early (header detection reads the top rows
 * only): the last `</sheetData>`, found from the end rather than by scanning 90 MB. Only the merged
 * areas after it are read from there; the full read finds the end exactly.
 */
function endOfSheetData(xml: string, g: Grammar, start: number): number {
  const end = xml.lastIndexOf(`</${g.p}sheetData`);
  if (end < start) throw new XmlFormatError('unclosed', `<${g.p}sheetData>`, start);
  return end;
}

/** The end tag of the cell whose content starts at `from`, skipping comments and CDATA; anything structural first is damage. */
function cellEnd(xml: string, g: Grammar, from: number, at: number, tag: string): { start: number; end: number } {
  const re = new RegExp(`<(?:[!?]|(/?)${g.p.replace('.', '\\.')}(c|row|sheetData)(?=[\\s/>])[^>]*>)`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[2] === undefined) re.lastIndex = skipSpecial(xml, m.index);
    else if (m[1] === '/' && m[2] === 'c') return { start: m.index, end: m.index + m[0].length };
    else break;
  }
  throw new XmlFormatError('unclosed', short(tag), at);
}

/** The common spelling ` r="…"` found without a regex; undefined sends the caller to `attr`. */
function quickAttr(tag: string, prefix: string): string | undefined {
  const at = tag.indexOf(prefix);
  if (at < 0) return undefined;
  const end = tag.indexOf('"', at + prefix.length);
  return end < 0 ? undefined : tag.slice(at + prefix.length, end);
}

/** xsd:double as a cell's <v> holds it (ECMA-376 Part 1, 18.18.80 ST_Xstring read as a number): no hex, no "Infinity". */
const XSD_DOUBLE = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** A `<v>` read as an xsd:double, or null when it is none (hex, "Infinity", "1e999"). */
function xsdDouble(raw: string): number | null {
  const n = Number(raw);
  return Number.isFinite(n) && XSD_DOUBLE.test(raw) ? n : null;
}

/** `<v>…</v>` and nothing else, with no markup or reference inside: the common cell, checked without a parser. */
function plainValue(inner: string, p: string): boolean {
  const open = p ? `<${p}v>` : '<v>';
  const close = p ? `</${p}v>` : '</v>';
  return inner.startsWith(open) && inner.indexOf('<', open.length) === inner.length - close.length && inner.endsWith(close) && inner.indexOf('&') < 0 && inner.indexOf(']]>') < 0;
}

function cellValue(tag: string, inner: string, ctx: SheetContext, g: Grammar, at: number, open: string, row: number, col: number): CellValue {
  const type = quickAttr(tag, ' t="') ?? attr(tag, 't') ?? 'n';
  // Strings kept in the grid must not keep the sheet's text alive (detachedString).
  if (type === 'inlineStr') return detachedString(richText(inner, g.p));
  const v = g.value.exec(inner);
  if (!v || v[1] === undefined) return null;
  const raw = v[1];
  const bad = () => new XmlFormatError('malformed', `${short(open)}${short(raw)}`, at);
  // A number, index or boolean may be written with character references (`<v>&#49;2</v>` is 12):
  // no program seen writes one, but XML allows it. Text types unescape their own.
  const plain = () => unescapeXml(raw);
  switch (type) {
    case 's': {
      // The shared string's number: decimal digits, no leading zero (but 0 itself).
      const index = plain().trim();
      const number = index === '0' ? 0 : positiveInteger(index);
      if (Number.isNaN(number)) throw bad();
      const text = ctx.sharedStrings()[number];
      if (text !== undefined) return text;
      // A number past the end of the list (the list cut short, its part missing, the cell damaged) is said as such.
      throw new XmlFormatError('sharedString', `${cellAddress(row, col)} ${number} ${ctx.sharedStrings().length}`, at);
    }
    case 'str':
      return detachedString(decodeOoxmlEscapes(unescapeXml(raw)));
    case 'b': {
      const b = plain();
      if (b === '1' || b === 'true') return true;
      if (b === '0' || b === 'false') return false;
      throw bad();
    }
    case 'e':
      return detachedString(unescapeXml(raw)); // #N/A, #REF! … shown as their text
    case 'd':
      // ISO 8601 date cells (LibreOffice can write them): kept as text for the date parser.
      return detachedString(unescapeXml(raw));
    case 'n': {
      const number = plain();
      if (number.trim() === '') return null;
      const n = xsdDouble(number);
      if (n === null) throw bad();
      return n;
    }
    default:
      throw bad();
  }
}

/** Text of a shared-string item or inline string: every run's <t>, without phonetic guides (<rPh>). */
export function richText(inner: string, p = ''): string {
  const g = grammar(p);
  const withoutPhonetics = inner.indexOf(g.phonetic) >= 0 ? inner.replace(g.phoneticRun, '') : inner;
  let text = '';
  const t = g.text;
  t.lastIndex = 0;
  for (let m = t.exec(withoutPhonetics); m; m = t.exec(withoutPhonetics)) {
    // A <t> holds text only (ST_Xstring): `<t>马某<b>扬言</b>要砍人</t>` was read with its tags as words.
    if (m[1]?.includes('<')) throw new XmlFormatError('malformed', short(m[0]), -1);
    text += m[1] ?? '';
  }
  return decodeOoxmlEscapes(unescapeXml(text));
}

/** Every `<mergeCell ref>` after the sheet data, outside comments; a reference past Excel's grid is damage. */
function readMerges(xml: string, from: number, g: Grammar): CellRange[] {
  const merges: CellRange[] = [];
  const re = g.mergeCell;
  re.lastIndex = Math.max(0, from);
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] === undefined) {
      re.lastIndex = skipSpecial(xml, m.index);
      continue;
    }
    const ref = attr(m[1], 'ref');
    if (ref === undefined) continue;
    const range = parseRangeRef(ref);
    if (!range) throw new XmlFormatError(/^[$A-Za-z0-9:]+$/.test(ref) ? 'limits' : 'malformed', short(m[0]), m.index);
    merges.push(range);
  }
  return merges;
}

/**
 * Merged areas cut to the cells the sheet has: `A306:XFD1048576` over 300 rows covers nothing, and
 * no reader ever fills a cell the grid does not hold. Merged areas may not overlap (Excel repairs a
 * file where they do): more merged cells than the grid holds is damage, not something to fill.
 */
function clipMerges(merges: CellRange[], rows: number, width: number): CellRange[] {
  const clipped: CellRange[] = [];
  let area = 0;
  for (const m of merges) {
    if (m.top >= rows || m.left >= width) continue;
    const c = { top: m.top, left: m.left, bottom: Math.min(m.bottom, rows - 1), right: Math.min(m.right, width - 1) };
    area += (c.bottom - c.top + 1) * (c.right - c.left + 1);
    if (area > rows * width) throw new XmlFormatError('mergesOverlap', '<mergeCell>', -1);
    clipped.push(c);
  }
  return clipped;
}

/**
 * The text of `<t>…</t>` (or with xml:space="preserve") with nothing else, no markup and no
 * reference in it — the common shared string, read without a parser — or undefined for any other item.
 */
function plainText(inner: string, p: string): string | undefined {
  const close = `</${p}t>`;
  const open = inner.startsWith(`<${p}t>`) ? p.length + 3 : inner.startsWith(`<${p}t xml:space="preserve">`) ? p.length + 24 : 0;
  const end = inner.length - close.length;
  if (open === 0 || inner.indexOf('<', open) !== end || !inner.endsWith(close) || inner.indexOf('&') >= 0) return undefined;
  return decodeOoxmlEscapes(inner.slice(open, end));
}

/**
 * Where the next `<si` start tag (`nested`, its prefix and all) is from `from`, -1 when there is
 * none: followed by `/`, `>` or what `\s` takes for a space. The items are found by it, and an
 * item's text is checked by it for the start of another.
 */
function itemAt(text: string, nested: string, from: number): number {
  for (let at = text.indexOf(nested, from); at >= 0; at = text.indexOf(nested, at + 1)) {
    const next = text.charCodeAt(at + nested.length);
    if (next === 47 || next === 62 || next === 32 || (next >= 9 && next <= 13) || (next >= 160 && /\s/.test(text[at + nested.length]))) return at;
  }
  return -1;
}

const PLAIN_ITEM = '<si><t>';
const PLAIN_ITEM_PRESERVED = '<si><t xml:space="preserve">';
const PLAIN_ITEM_END = '</t></si>';

/** The text of the item `plainItemAt` read (returned beside its end without an allocation). */
let plainItemText = '';

/**
 * Reads the item at `at` if it is the common one, `<si><t>text</t></si>` (or with xml:space="preserve")
 * with no markup and no reference in its text, exactly as the full path reads it; returns where it
 * ends, or -1 to leave it to the full path. Compared a character at a time, with one search for
 * the text's end: the full path's seven searches, two slices and a trim an item were half the
 * time the 200,000 items of a 100,000-row ledger took.
 */
function plainItemAt(text: string, at: number): number {
  const from = textAt(text, at, PLAIN_ITEM) ? at + PLAIN_ITEM.length : textAt(text, at, PLAIN_ITEM_PRESERVED) ? at + PLAIN_ITEM_PRESERVED.length : -1;
  if (from < 0) return -1;
  const end = text.indexOf('<', from);
  if (end < 0 || !textAt(text, end, PLAIN_ITEM_END)) return -1;
  const value = text.slice(from, end);
  if (value.indexOf('&') >= 0) return -1;
  plainItemText = decodeOoxmlEscapes(value);
  return end + PLAIN_ITEM_END.length;
}

/** The shared-strings part as an array of plain strings. */
export function readSharedStrings(xml: string, part = 'xl/sharedStrings.xml'): string[] {
  try {
    const p = checkRoot(xml, 'sst');
    const text = withoutSpecialMarkup(xml);
    const strings: string[] = [];
    // Items found by indexOf, each end searched once: an expression's lazy search for every </si>
    // would be quadratic in a part of unclosed items.
    const close = `</${p}si`;
    const nested = `<${p}si`;
    for (let at = itemAt(text, nested, 0); at >= 0; at = itemAt(text, nested, at)) {
      const plainEnd = p === '' ? plainItemAt(text, at) : -1;
      if (plainEnd >= 0) {
        strings.push(plainItemText);
        at = plainEnd;
        continue;
      }
      const tagEnd = text.indexOf('>', at);
      if (tagEnd < 0) throw new XmlFormatError('unclosed', `<${p}si>`, at);
      if (text.charCodeAt(tagEnd - 1) === 47) {
        strings.push('');
        at = tagEnd + 1;
        continue;
      }
      const end = text.indexOf(close, tagEnd + 1);
      if (end < 0) throw new XmlFormatError('unclosed', `<${p}si>`, at);
      const inner = text.slice(tagEnd + 1, end);
      // An item that never closes would run into the next one: the strings after it would all shift.
      if (itemAt(inner, nested, 0) >= 0) throw new XmlFormatError('unclosed', `<${p}si>`, at);
      const plain = plainText(inner, p);
      if (plain !== undefined) strings.push(plain);
      else {
        if (!wellFormedFragment(inner)) throw new XmlFormatError('malformed', `<${p}si>`, at);
        try {
          strings.push(richText(inner, p));
        } catch (e) {
          throw e instanceof XmlFormatError ? e.at(at) : e;
        }
      }
      const closeEnd = text.indexOf('>', end);
      if (closeEnd < 0 || text.slice(end + close.length, closeEnd).trim() !== '') throw new XmlFormatError('malformed', `</${p}si>`, end);
      at = closeEnd + 1;
    }
    return strings;
  } catch (e) {
    if (e instanceof XmlFormatError) throw e.in(part);
    throw e;
  }
}
