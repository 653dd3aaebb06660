import { columnCells, columnIndex, columnLetter, dayToExcelSerial, DROPDOWN_TITLE, parseAreaRef, unmarkedFormula, parseCellAddress, parseRangeRef, rangeRef, SHEET_COLUMNS, type CellRange, type ColumnCells, type ConditionalFormatPlan, type ConditionalFormatRule, type WritePlan } from '../../core';
import type { AsciiSheet, SheetText } from './ascii-sheet';
import type { SpliceOp } from './part-splice';
import { UNNAMED_LAST_CELL, type RowLayout, type SheetDataLayout } from './sheet-layout';
import { laterThan } from './worksheet-order';
import {
  appendToList,
  attr,
  childElements,
  escapeText,
  inlineStringCell,
  escapeXml,
  findElement,
  findElements,
  findEndTag,
  hasSpecialMarkup,
  insertBeforeFirst,
  requireElement,
  setAttr,
  skipSpecial,
  splice,
  spreadsheetPrefix,
  TAG_ATTRIBUTES,
  unescapeXml,
  rootElement,
  short,
  SPREADSHEET_NS,
  withoutSpecialMarkup,
  XmlFormatError,
  type ElementSpan,
} from './xml';

/** Style indexes and dxf ids the writer needs, prepared in the styles part first. */
export interface LedgerStyles {
  text: number;
  date: number;
  /** The differential format a conditional-format rule applies. */
  dxf: (rule: ConditionalFormatRule) => number;
}

/**
 * Applies the plan to the ledger worksheet: writes the add-in's own cells (header and one per
 * dispute row), widths for new columns, merged own headers across a multi-row header, the dimension,
 * and the add-in's conditional formats and dropdown, replacing those of an earlier run.
 * Every other byte of the part is kept, in order: the result says which runs of the old part to
 * copy and what to insert between them (SpliceOp), made row by row as they are asked for, never
 * the new part's text itself. What can fail is checked before the first edit is given.
 */
export function writeLedgerSheet(
  source: string | AsciiSheet,
  plan: WritePlan,
  styles: LedgerStyles,
  date1904: boolean,
  /**
   * Where the reader found the sheet data and its rows in this text. Without comments, CDATA or
   * processing instructions there, rows are spliced at those places; otherwise (or without it) the
   * part is scanned for them.
   */
  layout?: SheetDataLayout,
): Iterable<SpliceOp> {
  const places = layout && !layout.special ? layout : undefined;
  // A part kept as bytes is written at the places the reader found, looking only at the text it
  // slices; one to be scanned is decoded whole.
  const text = typeof source === 'string' ? source : places ? undefined : source.whole();
  const xml: SheetText = text ?? source;
  // The SDK's <x:worksheet>: the splices below write unprefixed elements, which would fall out of
  // SpreadsheetML's namespace there, so such a sheet is refused by name rather than damaged.
  if (spreadsheetPrefix(xml.slice(0, places ? places.start : xml.length))) throw new XmlFormatError('prefixed', '<x:worksheet>', 0);
  // Looking for special markup costs two scans of a 90 MB part; the reader has done it already.
  const special = layout ? layout.special : hasSpecialMarkup(text!);
  const data = places ? { start: places.start, end: places.end, tag: xml.slice(places.start, places.tagEnd) } : sheetDataSpan(text!, special);
  const rowsOf = (): RowCursor => (places ? rowsAt(places.rows) : rowsFound(text!, data, special));
  const headerStyle = styleAt(xml, rowsOf(), special, plan.headerStyleFrom.row, plan.headerStyleFrom.col);
  // Structural edits work on the part without its rows (a few kilobytes), so a 100,000-row
  // sheet is copied once, not once per edit.
  let skeleton = xml.slice(0, data.start) + SHEET_DATA_SLOT + xml.slice(data.end);
  refusePrefixedChildren(skeleton);
  skeleton = mergeOwnHeaders(skeleton, plan);
  skeleton = setColumnWidths(skeleton, plan);
  skeleton = widenDimension(skeleton, plan);
  skeleton = replaceConditionalFormats(skeleton, plan, styles);
  skeleton = replaceDropdown(skeleton, plan);
  // Found as the element it is: a comment or processing instruction may hold the same text.
  const slot = sheetDataSpan(skeleton, true);
  const own = new OwnCells(plan, styles, headerStyle, date1904);
  return (function* () {
    yield skeleton.slice(0, slot.start);
    yield* writeRows(xml, data, rowsOf(), special, own);
    yield skeleton.slice(slot.end);
  })();
}

/**
 * Refuses a worksheet child that names SpreadsheetML through a prefix (`<x:dataValidations
 * xmlns:x="…main">` in an unprefixed sheet): the edits below know the worksheet's children by
 * their plain names, so the add-in's dropdown went in beside such a list and its formats after it,
 * where the schema does not allow them.
 */
function refusePrefixedChildren(skeleton: string): void {
  const root = rootElement(skeleton);
  if (!root) return;
  for (const child of childElements(skeleton, { start: root.start, end: skeleton.length, tag: root.tag })) {
    const colon = child.name.indexOf(':');
    if (colon < 0) continue;
    const declaration = `xmlns:${child.name.slice(0, colon)}`;
    if ((attr(child.tag, declaration) ?? attr(root.tag, declaration)) === SPREADSHEET_NS) throw new XmlFormatError('prefixed', short(child.tag), child.start);
  }
}

/** The <sheetData> element: its start tag outside comments (near the top), its end past them. */
function sheetDataSpan(xml: string, special: boolean): ElementSpan {
  const re = /<(?:[!?]|sheetData(?=[\s/>])[^>]*>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0].length === 2) {
      re.lastIndex = skipSpecial(xml, m.index);
      continue;
    }
    const tag = m[0];
    if (tag.endsWith('/>')) return { start: m.index, end: m.index + tag.length, tag };
    const close = findEndTag(xml, 'sheetData', m.index + tag.length, special);
    if (!close) throw new XmlFormatError('unclosed', tag, m.index);
    return { start: m.index, end: close.end, tag };
  }
  throw new XmlFormatError('missing', '<sheetData>', 0);
}

/** Stands for the rows while the rest of the part is edited. */
const SHEET_DATA_SLOT = '<sheetData/>';

type CellXml = { col: number; xml: string };

/**
 * The add-in's cells of each row, made when the row is written: columns are walked with one cursor
 * each, rows asked for in increasing order, so the 500,000 cells of a 100,000-row ledger are never
 * held as XML at once.
 */
class OwnCells {
  /** Every row that gets a cell of the add-in's, in order: the header row and every dispute row. */
  readonly rows: number[];
  private readonly columns: { plan: WritePlan['columns'][number]; letter: string; cells: ColumnCells; next: number }[];
  private readonly headerRow: number;
  private readonly headerStyle: string;

  constructor(
    plan: WritePlan,
    private readonly styles: LedgerStyles,
    headerStyle: string | undefined,
    private readonly date1904: boolean,
  ) {
    this.headerRow = plan.headerTop;
    this.headerStyle = headerStyle === undefined ? '' : ` s="${headerStyle}"`;
    this.columns = [...plan.columns]
      .sort((a, b) => a.col - b.col)
      .map((column) => ({ plan: column, letter: columnLetter(column.col), cells: inRowOrder(column), next: 0 }));
    const rows = new Set<number>([plan.headerTop]);
    for (const { cells } of this.columns) for (let i = 0; i < cells.length; i++) rows.add(cells.rowAt(i));
    this.rows = [...rows].sort((a, b) => a - b);
  }

  /** The row's cells in column order; rows must be asked for in increasing order. */
  at(row: number): CellXml[] {
    const out: CellXml[] = [];
    const rowNumber = String(row + 1);
    for (const column of this.columns) {
      const { plan, letter, cells } = column;
      if (row === this.headerRow && plan.header !== null) out.push({ col: plan.col, xml: inlineStringCell(letter + rowNumber, this.headerStyle, plan.header) });
      while (column.next < cells.length && cells.rowAt(column.next) < row) column.next++;
      if (column.next >= cells.length || cells.rowAt(column.next) !== row) continue;
      const cell = cells.cellAt(column.next++);
      const ref = letter + rowNumber;
      const style = plan.kind === 'date' ? this.styles.date : this.styles.text;
      let xml: string;
      if (cell.value === null || cell.value === '') xml = `<c r="${ref}" s="${style}"/>`;
      else if (plan.kind === 'date' && typeof cell.value === 'number') xml = `<c r="${ref}" s="${style}"><v>${dayToExcelSerial(cell.value, this.date1904)}</v></c>`;
      else xml = inlineStringCell(ref, ` s="${style}"`, String(cell.value));
      out.push({ col: plan.col, xml });
    }
    return out;
  }
}

/**
 * A column's cells by row, taken one at a time as the plan gives them (in dispute order, which is
 * row order), or read whole and sorted when they are not.
 */
function inRowOrder(column: WritePlan['columns'][number]): ColumnCells {
  const cells = columnCells(column);
  for (let i = 1; i < cells.length; i++) {
    if (cells.rowAt(i) >= cells.rowAt(i - 1)) continue;
    const sorted = [...column.cells].sort((a, b) => a.row - b.row);
    return { length: sorted.length, rowAt: (j) => sorted[j].row, cellAt: (j) => sorted[j] };
  }
  return cells;
}

/** The s attribute of an existing cell, to give the add-in's header the look of the user's. */
function styleAt(xml: SheetText, rows: RowCursor, special: boolean, row: number, col: number): string | undefined {
  for (let span = rows(); span; span = rows()) {
    if (span.row < row) continue;
    let style: string | undefined;
    if (span.row === row)
      eachCell(xml.slice(span.bodyStart, span.bodyEnd), span.bodyStart, special, (c, cellTag) => {
        if (c === col) style = attr(cellTag, 's');
        return c < col;
      });
    return style;
  }
  return undefined;
}

/**
 * A row of <sheetData>: its number, where it starts, where its body starts (after its start tag)
 * and ends, where the row ends. A self-closing row's body starts where it ends.
 */
interface RowSpan {
  row: number;
  start: number;
  bodyStart: number;
  bodyEnd: number;
  /** Where its cells end: its `<extLst>`, which the add-in's cells must come before, or bodyEnd. */
  cellsEnd: number;
  end: number;
  /** The column of the row's last cell when the reader has said it (-1: no cell; UNNAMED_LAST_CELL: not written in the part). */
  lastCol?: number;
}

/**
 * The rows of <sheetData> in order, one a call, then undefined: a loop over a generator cost the
 * writer as much again as writing the rows (a resumption and a result object for each of 100,000).
 */
type RowCursor = () => RowSpan | undefined;

/** Each row of <sheetData> at the places the reader found them. */
function rowsAt(rows: RowLayout): RowCursor {
  let i = 0;
  return () => (i < rows.length ? rows.at(i++) : undefined);
}

/** Each row of <sheetData>, found by scanning the part (rowsFoundIn). */
function rowsFound(xml: string, data: ElementSpan, special: boolean): RowCursor {
  const found = rowsFoundIn(xml, data, special);
  return () => {
    const next = found.next();
    return next.done ? undefined : next.value;
  };
}

/**
 * Each row of <sheetData> in order. The reader has checked the rows already (closed, in order,
 * inside Excel's grid); this scan still skips comments and CDATA and stops on anything it cannot
 * find, so it cannot loop.
 */
function* rowsFoundIn(xml: string, data: ElementSpan, special: boolean): Generator<RowSpan> {
  if (data.tag.endsWith('/>')) return;
  const innerEnd = xml.lastIndexOf('</', data.end - 1);
  const rowRe = /<(?:[!?]|row(?=[\s/>])([^>]*?)(\/>|>))/g;
  rowRe.lastIndex = data.start + data.tag.length;
  let previous = -1;
  for (let m = rowRe.exec(xml); m && m.index < innerEnd; m = rowRe.exec(xml)) {
    if (m[1] === undefined) {
      rowRe.lastIndex = skipSpecial(xml, m.index);
      continue;
    }
    const r = attr(m[1], 'r');
    const row = r === undefined ? previous + 1 : Number(r) - 1;
    if (!(row > previous)) throw new XmlFormatError('order', m[0], m.index);
    previous = row;
    const bodyStart = m.index + m[0].length;
    let bodyEnd = bodyStart;
    let end = bodyStart;
    if (m[2] !== '/>') {
      const close = findEndTag(xml, 'row', bodyStart, special);
      if (!close || close.start > innerEnd) throw new XmlFormatError('unclosed', m[0], m.index);
      bodyEnd = close.start;
      end = close.end;
    }
    rowRe.lastIndex = end;
    // A row's extension list ends its cells. Looked for in the row's body alone: a search of the
    // part from here would read to its end for every row that has none.
    const extension = xml.slice(bodyStart, bodyEnd).indexOf('<extLst');
    yield { row, start: m.index, bodyStart, bodyEnd, cellsEnd: extension >= 0 ? bodyStart + extension : bodyEnd, end };
  }
}

/** Calls `visit` with each cell of a row's `body` (at `offset` of the part): its column, start tag, start and end, until it returns false. */
function eachCell(body: string, offset: number, partSpecial: boolean, visit: (col: number, tag: string, start: number, end: number) => boolean | void): void {
  const special = partSpecial && hasSpecialMarkup(body);
  const cellRe = /<(?:[!?]|c(?=[\s/>])([^>]*?)(\/>|>))/g;
  let col = -1;
  for (let m = cellRe.exec(body); m; m = cellRe.exec(body)) {
    if (m[1] === undefined) {
      cellRe.lastIndex = skipSpecial(body, m.index);
      continue;
    }
    const ref = attr(m[1], 'r');
    col = ref ? (parseCellAddress(ref)?.col ?? col + 1) : col + 1;
    let end = m.index + m[0].length;
    if (m[2] !== '/>') {
      const close = findEndTag(body, 'c', end, special);
      if (!close) throw new XmlFormatError('unclosed', m[0], offset + m.index);
      end = close.end;
    }
    cellRe.lastIndex = end;
    if (visit(col, m[0], m.index, end) === false) return;
  }
}

/**
 * One pass over <sheetData>: rows the plan touches get their own cells merged in column order
 * (replacing cells at the same column from an earlier run); other rows are copied as they are.
 */
function* writeRows(xml: SheetText, data: ElementSpan, rows: RowCursor, special: boolean, own: OwnCells): Generator<SpliceOp> {
  const todo = own.rows;
  let next = 0; // index into todo: rows before it are written
  const selfClosingData = data.tag.endsWith('/>');
  const innerStart = data.start + data.tag.length;
  const innerEnd = selfClosingData ? innerStart : xml.lastIndexOf('</', data.end - 1);
  yield selfClosingData ? data.tag.slice(0, -2) + '>' : data.tag;
  let copiedTo = innerStart;
  for (let span = rows(); span; span = rows()) {
    const { row, start, bodyStart, bodyEnd, cellsEnd, end, lastCol } = span;
    // Rows the part does not have yet (blank in the user's sheet) are created in order.
    if (todo[next] < row) {
      yield { from: copiedTo, to: start };
      copiedTo = start;
      for (; todo[next] < row; next++) yield newRowXml(todo[next], own.at(todo[next]));
    }
    if (todo[next] !== row) continue;
    const cells = own.at(row);
    next++;
    const selfClosing = end === bodyStart;
    // The start tag is looked at only where it may need another `spans`: a shorter one than the
    // shortest with one (`<row r="5">`, every row of some ledgers) has none, and is not sliced out.
    const tag = selfClosing ? `${xml.slice(start, bodyStart - 2)}>` : bodyStart - start >= SHORTEST_ROW_TAG_WITH_SPANS ? xml.slice(start, bodyStart) : undefined;
    const newTag = tag === undefined ? undefined : withSpans(tag, cells);
    const appends = () => (lastCol === undefined ? appendsToRow(xml.slice(bodyStart, cellsEnd), cells, special) : lastCol !== UNNAMED_LAST_CELL && lastCol < cells[0].col);
    if (!selfClosing && newTag === tag && appends()) {
      // The usual row: the add-in's cells go after the user's (before a row's extension list), and the rest is copied as it is.
      yield { from: copiedTo, to: cellsEnd };
      yield joinedXml(cells);
      copiedTo = cellsEnd;
      continue;
    }
    yield { from: copiedTo, to: start };
    // Merged among the row's cells; its extension list, if any, stays after them.
    yield (newTag ?? xml.slice(start, bodyStart)) + mergeCells(xml.slice(bodyStart, cellsEnd), cells, bodyStart, special) + xml.slice(cellsEnd, bodyEnd) + '</row>';
    copiedTo = end;
  }
  yield { from: copiedTo, to: innerEnd };
  for (; next < todo.length; next++) yield newRowXml(todo[next], own.at(todo[next]));
  yield '</sheetData>';
}

/** `<row spans="1:2">`: a row's start tag with a `spans` withSpans widens is at least this long. */
const SHORTEST_ROW_TAG_WITH_SPANS = '<row spans="1:2">'.length;

/** The cells' XML one after another. */
function joinedXml(cells: CellXml[]): string {
  let xml = '';
  for (let i = 0; i < cells.length; i++) xml += cells[i].xml;
  return xml;
}

function newRowXml(row: number, cells: CellXml[]): string {
  return `<row r="${row + 1}">${joinedXml(cells)}</row>`;
}

/** `spans` is only an optimisation hint, but a wrong one can confuse readers: widen it to the new cells. */
function withSpans(tag: string, cells: CellXml[]): string {
  const spans = attr(tag, 'spans');
  if (!spans) return tag;
  const sides = spans.split(':');
  const [from, to] = sides.map(Number);
  // A side left empty (`1:`, `:`) is no number, though Number('') is 0: such a hint stays as written.
  if (!Number.isInteger(from) || !Number.isInteger(to) || sides.some((side) => side.trim() === '')) return tag;
  const last = Math.max(to, ...cells.map((c) => c.col + 1));
  return last === to ? tag : setAttr(tag, 'spans', `${from}:${last}`);
}

/**
 * Whether the add-in's columns all lie right of every cell in the row, so its cells are appended.
 * The reader has checked that a row's cells come in increasing columns, so only the last one counts;
 * one without a reference (`<c>`, `<c/>`: the column after another) goes the merging way.
 */
function appendsToRow(body: string, cells: CellXml[], partSpecial: boolean): boolean {
  if (partSpecial && hasSpecialMarkup(body)) return false;
  const lastCell = lastCellStart(body);
  if (lastCell < 0) return true;
  const lastRef = attr(body.slice(lastCell, body.indexOf('>', lastCell) + 1), 'r');
  const lastCol = lastRef ? parseCellAddress(lastRef)?.col : undefined;
  return lastCol !== undefined && lastCol < cells[0].col;
}

/** Where the row's last <c> tag starts, however it is spaced (`<c r=…`, `<c\n r=…`, `<c>`), or -1. */
function lastCellStart(body: string): number {
  for (let at = body.lastIndexOf('<c'); at >= 0; at = at > 0 ? body.lastIndexOf('<c', at - 1) : -1) {
    const next = body[at + 2];
    if (next === ' ' || next === '>' || next === '/' || next === '\n' || next === '\t' || next === '\r') return at;
  }
  return -1;
}

/** The row's own cells merged into its `body` (which starts at `offset` of the part, for messages). */
function mergeCells(body: string, cells: CellXml[], offset: number, partSpecial: boolean): string {
  const own = new Map(cells.map((c) => [c.col, c.xml]));
  const out: string[] = [];
  let copiedTo = 0;
  eachCell(body, offset, partSpecial, (col, _tag, start, end) => {
    for (const [c, x] of [...own].filter(([c]) => c < col)) {
      out.push(body.slice(copiedTo, start), x);
      copiedTo = start;
      own.delete(c);
    }
    const replacement = own.get(col);
    if (replacement !== undefined) {
      out.push(body.slice(copiedTo, start), replacement);
      copiedTo = end;
      own.delete(col);
    }
  });
  out.push(body.slice(copiedTo));
  for (const x of own.values()) out.push(x);
  return out.join('');
}

/** The <worksheet> element the writer inserts into: damage when it is missing. */
const containerOf = (xml: string) => requireElement(xml, 'worksheet');

/** A header of several rows: the add-in's header cell is merged down over them, like the user's own. */
function mergeOwnHeaders(xml: string, plan: WritePlan): string {
  if (plan.headerBottom <= plan.headerTop) return xml;
  const existing = new Set(findElements(xml, 'mergeCell').map((m) => attr(m.tag, 'ref')));
  const wanted = plan.columns
    .filter((c) => c.header !== null)
    .map((c) => rangeRef({ top: plan.headerTop, bottom: plan.headerBottom, left: c.col, right: c.col }))
    .filter((ref) => !existing.has(ref))
    .map((ref) => `<mergeCell ref="${ref}"/>`);
  if (wanted.length === 0) return xml;
  return appendToList(xml, 'mergeCells', 'mergeCell', wanted, containerOf(xml), laterThan('mergeCells')).xml;
}

/** A <col> range's bounds, held to Excel's 16,384 columns; null for a range that makes no sense. */
function colRange(tag: string): { min: number; max: number } | null {
  const min = Number(attr(tag, 'min'));
  const max = Number(attr(tag, 'max'));
  return Number.isInteger(min) && Number.isInteger(max) && min >= 1 && min <= max && max <= SHEET_COLUMNS ? { min, max } : null;
}

/** New own columns get a width; an existing <col> range over them is split so the user's widths stay. */
function setColumnWidths(xml: string, plan: WritePlan): string {
  const cols = findElement(xml, 'cols');
  const ranges = cols ? findElements(xml, 'col', cols.start, cols.end) : [];
  // A width set on the column itself is kept: the add-in's own from an earlier run, or the user's
  // resizing of it. One set on a range of columns is not: xlsxwriter writes a single range to
  // column 301, which gave the 判定依据 column the width of a date.
  const covered = (c: number) =>
    ranges.some((r) => {
      const range = colRange(r.tag);
      return !!range && c + 1 === range.min && c + 1 === range.max && attr(r.tag, 'customWidth') === '1';
    });
  const widths = plan.columns.filter((c) => c.header !== null && !covered(c.col));
  if (widths.length === 0) return xml;
  // The list is written again from its <col> elements: anything else in it would be lost.
  if (cols) {
    for (const child of childElements(xml, cols)) {
      if (child.name === 'col') continue;
      throw new XmlFormatError(child.name.endsWith(':col') ? 'prefixed' : 'malformed', short(child.tag), child.start);
    }
  }
  const targets = new Map(widths.map((c) => [c.col + 1, c.width]));
  const pieces: { min: number; max: number; xml: string }[] = [];
  for (const element of ranges) {
    // <col …></col> as <col …/>: each piece is a start tag alone.
    const r = { ...element, tag: element.tag.endsWith('/>') ? element.tag : `${element.tag.slice(0, -1).trimEnd()}/>` };
    const range = colRange(r.tag);
    if (!range) throw new XmlFormatError('malformed', r.tag, r.start);
    const { min, max } = range;
    let start = min;
    // Only the new columns inside the range split it: a range over all 16,384 columns costs no more than one.
    for (const n of [...targets.keys()].filter((n) => n >= min && n <= max).sort((a, b) => a - b)) {
      if (n > start) pieces.push({ min: start, max: n - 1, xml: setAttr(setAttr(r.tag, 'min', String(start)), 'max', String(n - 1)) });
      // The range's grouping and column style stay on the add-in's column; its width is the add-in's,
      // and it is shown (a user who hid spare columns would not find the add-in's among them).
      const own = setAttr(setAttr(setAttr(setAttr(r.tag, 'min', String(n)), 'max', String(n)), 'width', String(targets.get(n))), 'customWidth', '1');
      pieces.push({ min: n, max: n, xml: own.replace(/\s+hidden\s*=\s*(["'])[^"']*\1/, '') });
      targets.delete(n);
      start = n + 1;
    }
    if (start <= max) pieces.push({ min: start, max, xml: start === min ? r.tag : setAttr(setAttr(r.tag, 'min', String(start)), 'max', String(max)) });
  }
  for (const [n, width] of targets) pieces.push({ min: n, max: n, xml: `<col min="${n}" max="${n}" width="${width}" customWidth="1"/>` });
  pieces.sort((a, b) => a.min - b.min);
  const body = pieces.map((p) => p.xml).join('');
  // Comments and processing instructions among the ranges are kept, after them.
  const notes = cols ? (xml.slice(cols.start + cols.tag.length, cols.end).match(/<!--[^]*?-->|<\?[^]*?\?>/g) ?? []).join('') : '';
  const open = cols && cols.tag.endsWith('/>') ? `${cols.tag.slice(0, -2).trimEnd()}>` : cols?.tag;
  if (cols) return splice(xml, cols.start, cols.end, `${open}${body}${notes}</cols>`);
  return insertBeforeFirst(xml, `<cols>${body}</cols>`, ['sheetData'], containerOf(xml));
}

function widenDimension(xml: string, plan: WritePlan): string {
  const dim = findElement(xml, 'dimension');
  if (!dim) return xml;
  const range = parseRangeRef(attr(dim.tag, 'ref') ?? '');
  if (!range) return xml;
  const right = Math.max(range.right, ...plan.columns.map((c) => c.col));
  const bottom = Math.max(range.bottom, plan.lastDataRow);
  if (right === range.right && bottom === range.bottom) return xml;
  return splice(xml, dim.start, dim.end, setAttr(dim.tag, 'ref', rangeRef({ ...range, right, bottom })));
}

/**
 * A formula as the add-in's are compared: entities read (LibreOffice re-saves quotes as &quot;),
 * no spaces, every cell reference one mark. The add-in's rules are told apart from a user's by
 * their whole formula, whichever columns they name: every version has written the same shapes.
 */
function formulaShape(formula: string): string {
  // The pane's rules carry its mark (AND(rule,N("三色台账")=0)): the rule inside is compared.
  const text = formulaText(formula);
  const rule = unmarkedFormula(text) ?? text;
  return rule.replace(/\s+/g, '').toUpperCase().replace(/\$?[A-Z]{1,3}\$?\d+/g, '#');
}

/** A <formula>'s text as a reader reads it: entities (&#36; for $) and a CDATA section taken as text. */
function formulaText(content: string): string {
  const cdata = /^\s*<!\[CDATA\[([^]*)\]\]>\s*$/.exec(content);
  return cdata ? cdata[1] : unescapeXml(content);
}

/** The shapes of the formulas the add-in writes (the plan's, whatever the columns of an earlier run). */
function ownFormulaShapes(plan: WritePlan): Set<string> {
  return new Set([...plan.levelFormat.rules, ...plan.overdueFormat.rules].map((r) => formulaShape(r.formula)));
}

/**
 * Our conditional formats: every rule's formula is one the add-in writes, naming one of its own
 * columns, and the block covers one of them. A user's rule on the add-in's columns in another shape
 * ($Q6="绿（已化解）" greying the settled) is theirs and stays; so is a rule of the add-in's shape on
 * their own columns (their 回访日期 past TODAY()), or a copy of one of the add-in's onto them.
 */
function isOwnConditionalFormat(block: string, ownShapes: ReadonlySet<string>, ownColumns: ReadonlySet<number>): boolean {
  // Found by indexOf: an expression's lazy search for each </formula> would be quadratic in a block of unclosed ones.
  const formulas: string[] = [];
  for (let at = block.indexOf('<formula>'); at >= 0; ) {
    const end = block.indexOf('</formula>', at + 9);
    if (end < 0) return false;
    formulas.push(block.slice(at + 9, end));
    at = block.indexOf('<formula>', end + 10);
  }
  if (formulas.length === 0) return false;
  const onOwnColumn = (f: string) => [...formulaText(f).toUpperCase().matchAll(/\$([A-Z]{1,3})\$?\d+/g)].some((m) => ownColumns.has(columnIndex(m[1])));
  if (!formulas.every((f) => ownShapes.has(formulaShape(f)) && onOwnColumn(f))) return false;
  // And it covers one of the add-in's columns, as every format of the add-in's does: a user's copy
  // of the overdue rule onto their own column A is theirs.
  const sqref = attr(block.slice(0, block.indexOf('>') + 1), 'sqref') ?? '';
  return sqref.split(/\s+/).some((ref) => {
    const area = parseAreaRef(ref);
    return !!area && [...ownColumns].some((col) => area.left <= col && col <= area.right);
  });
}

const MAX_PRIORITY = 2147483647;

/**
 * Conditional formats are re-created on every run, never edited in place: the add-in's blocks are
 * removed and added again after the user's own, with priorities below (numerically above) theirs,
 * so the user's numbers never move. Among the add-in's, the overdue mark comes first (lowest
 * numbers) and first in the part: Excel and WPS go by priority and stop where stopIfTrue holds,
 * while LibreOffice shows the format of one block per cell, the first it reads.
 */
function replaceConditionalFormats(xml: string, plan: WritePlan, styles: LedgerStyles): string {
  const ownColumns = new Set(plan.columns.map((c) => c.col));
  const ownShapes = ownFormulaShapes(plan);
  // The text between the add-in's blocks kept in one pass: a splice per block copied the rest of
  // the sheet once per block (30,000 such blocks, a 158 KB file, ran for 67 s).
  let kept = '';
  let from = 0;
  for (const block of findElements(xml, 'conditionalFormatting')) {
    if (!isOwnConditionalFormat(xml.slice(block.start, block.end), ownShapes, ownColumns)) continue;
    kept += xml.slice(from, block.start);
    from = block.end;
  }
  if (from > 0) xml = kept + xml.slice(from);
  // The highest priority in use, by a loop: a sheet may hold more rules than one call's arguments.
  let priority = 0;
  const used = new Set<number>();
  for (const m of xml.matchAll(/<(?:x14:)?cfRule\b[^>]*?\bpriority="(\d+)"/g)) {
    priority = Math.max(priority, Number(m[1]));
    used.add(Number(m[1]));
  }
  // Priorities are xsd:int. Where the user's reach its top, the add-in's take the lowest numbers
  // not in use (they then come before the user's: better than a file Excel refuses).
  const count = plan.overdueFormat.rules.length + plan.levelFormat.rules.length;
  const nextPriority =
    priority + count <= MAX_PRIORITY
      ? () => ++priority
      : () => {
          for (priority = priority > MAX_PRIORITY - count ? 0 : priority; used.has(++priority); );
          return priority;
        };
  const block = ({ range, rules }: ConditionalFormatPlan) =>
    `<conditionalFormatting sqref="${rangeRef(range)}">` +
    rules
      .map(
        (r) =>
          `<cfRule type="expression" dxfId="${styles.dxf(r)}" priority="${nextPriority()}"${r.stopIfTrue ? ' stopIfTrue="1"' : ''}>` +
          `<formula>${escapeText(r.formula)}</formula></cfRule>`,
      )
      .join('') +
    `</conditionalFormatting>`;
  const insert = block(plan.overdueFormat) + block(plan.levelFormat);
  const existing = findElements(xml, 'conditionalFormatting');
  if (existing.length) {
    const last = existing[existing.length - 1];
    return splice(xml, last.end, last.end, insert);
  }
  return insertBeforeFirst(xml, insert, laterThan('conditionalFormatting'), containerOf(xml));
}

/**
 * The 红/黄/绿 dropdown, unless the user already validates those cells their own way. Its prompt
 * title (the plan's, the same in every language) marks it as the add-in's: a user's own 红,黄,绿
 * list is never taken for it.
 */
/**
 * The ranges of validations Excel 2010+ writes in the worksheet's <extLst> (x14:dataValidation, a
 * list whose source is another sheet): each names its cells in an <xm:sqref>, whatever the prefixes.
 */
export function extensionValidationRanges(xml: string): string[] {
  // The worksheet's own <extLst>: a data bar's or icon set's rule has one of its own before it.
  const extensions = childElements(xml, containerOf(xml)).find((child) => child.name === 'extLst');
  if (!extensions) return [];
  const inside = withoutSpecialMarkup(xml.slice(extensions.start, extensions.end));
  const ranges: string[] = [];
  for (const validation of inside.matchAll(EXTENSION_VALIDATION))
    for (const ref of validation[0].matchAll(/<[\w.-]+:sqref>([^<]*)<\/[\w.-]+:sqref>/g)) ranges.push(...ref[1].trim().split(/\s+/));
  return ranges;
}

/**
 * An x14:dataValidation (any prefix): closed where it opens (no range of its own), or up to its end
 * tag without passing the start of another. Read up to its first `>` and then to an end tag, each
 * `<x14:dataValidation a="" />` was searched to the end of the extensions (150,000 of them in a
 * 53 KB file: 96 s); comments, CDATA and instructions go in one pass first (withoutSpecialMarkup).
 */
const EXTENSION_VALIDATION = new RegExp(
  String.raw`<([\w.-]+):dataValidation(?=[\s/>])${TAG_ATTRIBUTES}(?:\/>|>(?:(?!<\1:dataValidation[\s/>])[^])*?<\/\1:dataValidation\s*>)`,
  'g',
);

function replaceDropdown(xml: string, plan: WritePlan): string {
  const { dropdown } = plan;
  // The user's own validation on these cells wins, in <dataValidations> or in the extensions.
  // A validation's range may be whole rows or columns (sqref="6:37", "T:T"), as other writers than Excel give it.
  const theirsInExtensions = !!dropdown && extensionValidationRanges(xml).some((ref) => overlaps(parseAreaRef(ref), dropdown.range));
  const list = findElement(xml, 'dataValidations');
  const ours =
    dropdown &&
    `<dataValidation type="list" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1" ` +
      `promptTitle="${escapeXml(dropdown.title)}" prompt="${escapeXml(dropdown.prompt)}" sqref="${rangeRef(dropdown.range)}"><formula1>${escapeText(`"${dropdown.list.join(',')}"`)}</formula1></dataValidation>`;
  if (!list) return !ours || theirsInExtensions ? xml : insertBeforeFirst(xml, `<dataValidations count="1">${ours}</dataValidations>`, laterThan('dataValidations'), containerOf(xml));
  const items = findElements(xml, 'dataValidation', list.start, list.end);
  const isOwn = (s: { tag: string }) => attr(s.tag, 'promptTitle') === DROPDOWN_TITLE;
  // A copy of the add-in's dropdown beyond its range (copied with the cells to a column of the
  // user's, or stretched there or down below the ledger) is the user's now: kept, without the add-in's range.
  const copies = dropdown ? items.filter(isOwn).map((s) => copyBeyond(xml.slice(s.start, s.end), s.tag, dropdown.range)).filter((c) => c !== null) : [];
  const theirs = items.filter((s) => !isOwn(s));
  // No dropdown of the add-in's wanted (the manual level is the user's column), none there: unchanged.
  if (!ours && theirs.length === items.length) return xml;
  const theirsOverlap = theirsInExtensions || (!!dropdown && theirs.some((s) => (attr(s.tag, 'sqref') ?? '').split(/\s+/).some((ref) => overlaps(parseAreaRef(ref), dropdown.range))));
  const kept = [...theirs.map((s) => xml.slice(s.start, s.end)), ...copies];
  if (ours && !theirsOverlap) kept.push(ours);
  if (kept.length === 0) return splice(xml, list.start, list.end, '');
  // Keep whatever precedes the first item (nothing, usually) and rewrite the list with its count.
  const prefix = items.length ? xml.slice(list.start + list.tag.length, items[0].start) : '';
  const open = list.tag.endsWith('/>') ? `${list.tag.slice(0, -2)}>` : list.tag;
  return splice(xml, list.start, list.end, `${setAttr(open, 'count', String(kept.length))}${prefix}${kept.join('')}</dataValidations>`);
}

/**
 * A validation of the add-in's with the add-in's own range taken out of it, or null when nothing is
 * left: the add-in's dropdown is written afresh there. What lies beyond — another column, rows
 * below the ledger made ready for new disputes — is a copy of the user's. A range that cannot be
 * read is left as written.
 */
function copyBeyond(element: string, tag: string, own: CellRange): string | null {
  const left: string[] = [];
  for (const ref of (attr(tag, 'sqref') ?? '').split(/\s+/)) {
    if (ref === '') continue;
    const area = parseAreaRef(ref);
    if (!area || !overlaps(area, own)) left.push(ref);
    else {
      if (area.top < own.top) left.push(rangeRef({ ...area, bottom: own.top - 1 }));
      if (area.bottom > own.bottom) left.push(rangeRef({ ...area, top: own.bottom + 1 }));
      const band = { top: Math.max(area.top, own.top), bottom: Math.min(area.bottom, own.bottom) };
      if (area.left < own.left) left.push(rangeRef({ ...area, ...band, right: own.left - 1 }));
      if (area.right > own.right) left.push(rangeRef({ ...area, ...band, left: own.right + 1 }));
    }
  }
  return left.length ? setAttr(tag, 'sqref', left.join(' ')) + element.slice(tag.length) : null;
}

function overlaps(a: CellRange | null, b: CellRange): boolean {
  return !!a && a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

