/**
 * The Excel object model the fake serves: each class below stands for the Excel class of the same
 * name in Microsoft's client library, and its TypeDef says which properties and methods the fake
 * emulates on a FakeWorkbook. Anything not listed fails loudly (NotEmulatedError).
 */
import { SHEET_COLUMNS, SHEET_ROWS } from '../../../src/core';
import {
  cellKey,
  formatAreas,
  formatRect,
  isEntireColumns,
  isEntireRows,
  parseAddress,
  parseAreas,
  parseCellKey,
  qualify,
  Rect,
  rectArea,
  rectContains,
  rectIntersection,
  rectIntersects,
  rectSubtract,
  columnLetters,
} from './address';
import {
  BorderLine,
  CellValue,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  FakeCell,
  FakeChart,
  FakeChartSeries,
  FakeChartSource,
  FakeConditionalFormat,
  FakeDataValidation,
  FakeFont,
  FakeName,
  FakeSheet,
  FakeTable,
  FakeWorkbook,
} from './fake-workbook';
import { excelError, NotEmulatedError, ServerObject, TypeDef } from './rich-api';

/** Excel's enumerations, read from the loaded client library so the fake accepts exactly what Excel does. */
export type EnumLookup = (name: string) => string[];

/** The fake refuses to materialize more cells than this in one property read or write. */
export const CELL_LIMIT = 1_000_000;

export const DEFAULT_FONT: Required<Pick<FakeFont, 'bold' | 'italic' | 'color' | 'size' | 'name' | 'underline' | 'strikethrough'>> = {
  bold: false,
  italic: false,
  color: '#000000',
  size: 11,
  name: 'Calibri',
  underline: 'None',
  strikethrough: false,
};

// ---------------------------------------------------------------- server objects

class WorkbookObj implements ServerObject {
  readonly type = 'Workbook';
}
class WorksheetCollectionObj implements ServerObject {
  readonly type = 'WorksheetCollection';
}
class WorksheetObj implements ServerObject {
  readonly type = 'Worksheet';
  constructor(readonly sheet: FakeSheet) {}
}
class RangeObj implements ServerObject {
  readonly type = 'Range';
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {}
}
class RangeAreasObj implements ServerObject {
  readonly type = 'RangeAreas';
  constructor(
    readonly sheet: FakeSheet,
    readonly rects: Rect[],
  ) {}
}
class RangeCollectionObj implements ServerObject {
  readonly type = 'RangeCollection';
  constructor(
    readonly sheet: FakeSheet,
    readonly rects: Rect[],
  ) {}
}
class RangePartObj implements ServerObject {
  constructor(
    readonly type: 'RangeFormat' | 'RangeFill' | 'RangeFont' | 'RangeBorderCollection' | 'DataValidation' | 'ConditionalFormatCollection',
    readonly range: RangeObj,
  ) {}
}
class RangeBorderObj implements ServerObject {
  readonly type = 'RangeBorder';
  constructor(
    readonly range: RangeObj,
    readonly side: string,
  ) {}
}
class SheetPartObj implements ServerObject {
  constructor(
    readonly type: 'WorksheetFreezePanes' | 'PageLayout',
    readonly sheet: FakeSheet,
  ) {}
}
class ConditionalFormatObj implements ServerObject {
  constructor(
    readonly type: 'ConditionalFormat' | 'CustomConditionalFormat' | 'ConditionalFormatRule' | 'ConditionalRangeFormat' | 'ConditionalRangeFill' | 'ConditionalRangeFont',
    readonly sheet: FakeSheet,
    readonly cf: FakeConditionalFormat,
    /** The cells of the collection it was reached through: its id is its position there. */
    readonly scope?: Rect,
  ) {}
}
class TableObj implements ServerObject {
  readonly type = 'Table';
  constructor(
    readonly sheet: FakeSheet,
    readonly table: FakeTable,
  ) {}
}
class TableCollectionObj implements ServerObject {
  readonly type = 'TableCollection';
  /** null: the workbook's tables. */
  constructor(readonly sheet: FakeSheet | null) {}
}
class WorksheetProtectionObj implements ServerObject {
  readonly type = 'WorksheetProtection';
  constructor(readonly sheet: FakeSheet) {}
}
class FunctionsObj implements ServerObject {
  readonly type = 'Functions';
}
class FunctionResultObj implements ServerObject {
  readonly type = 'FunctionResult';
  constructor(readonly value: number) {}
}
class ApplicationObj implements ServerObject {
  readonly type = 'Application';
}
class NamedItemCollectionObj implements ServerObject {
  readonly type = 'NamedItemCollection';
}
class NamedItemObj implements ServerObject {
  readonly type = 'NamedItem';
  constructor(readonly item: FakeName) {}
}
class ChartCollectionObj implements ServerObject {
  readonly type = 'ChartCollection';
  constructor(readonly sheet: FakeSheet) {}
}
class ChartObj implements ServerObject {
  constructor(
    readonly type: 'Chart' | 'ChartTitle' | 'ChartSeriesCollection' | 'ChartAxes' | 'ChartAxis',
    readonly sheet: FakeSheet,
    readonly chart: FakeChart,
  ) {}
}
class ChartSeriesObj implements ServerObject {
  constructor(
    readonly type: 'ChartSeries' | 'ChartSeriesFormat' | 'ChartPointsCollection',
    readonly sheet: FakeSheet,
    readonly chart: FakeChart,
    readonly series: FakeChartSeries,
  ) {}
}
class ChartPointObj implements ServerObject {
  constructor(
    readonly type: 'ChartPoint' | 'ChartPointFormat',
    readonly sheet: FakeSheet,
    readonly chart: FakeChart,
    readonly series: FakeChartSeries,
    readonly index: number,
  ) {}
}
/** The fill of a series (point null) or of one of its points. */
class ChartFillObj implements ServerObject {
  readonly type = 'ChartFill';
  constructor(
    readonly sheet: FakeSheet,
    readonly chart: FakeChart,
    readonly series: FakeChartSeries,
    readonly point: number | null,
  ) {}
}
class PageBreakCollectionObj implements ServerObject {
  readonly type = 'PageBreakCollection';
  constructor(
    readonly sheet: FakeSheet,
    readonly along: 'rowBreaks' | 'columnBreaks',
  ) {}
}
class PageBreakObj implements ServerObject {
  readonly type = 'PageBreak';
  constructor(
    readonly sheet: FakeSheet,
    readonly along: 'rowBreaks' | 'columnBreaks',
    readonly at: number,
  ) {}
}

// ---------------------------------------------------------------- helpers

function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw excelError('InvalidArgument', `${what} must be a string, got ${JSON.stringify(v)}`);
  return v;
}

function bool(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') throw excelError('InvalidArgument', `${what} must be a boolean, got ${JSON.stringify(v)}`);
  return v;
}

function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw excelError('InvalidArgument', `${what} must be a number, got ${JSON.stringify(v)}`);
  return v;
}

function int(v: unknown, what: string): number {
  const n = num(v, what);
  if (!Number.isInteger(n)) throw excelError('InvalidArgument', `${what} must be an integer, got ${n}`);
  return n;
}

/** The common HTML colour names Excel accepts; other names fail loudly rather than guess. */
const NAMED_COLORS: Record<string, string> = {
  black: '#000000', white: '#FFFFFF', red: '#FF0000', green: '#008000', lime: '#00FF00', blue: '#0000FF',
  yellow: '#FFFF00', orange: '#FFA500', purple: '#800080', gray: '#808080', grey: '#808080', silver: '#C0C0C0',
  maroon: '#800000', navy: '#000080', olive: '#808000', teal: '#008080', aqua: '#00FFFF', cyan: '#00FFFF',
  fuchsia: '#FF00FF', magenta: '#FF00FF', pink: '#FFC0CB', brown: '#A52A2A', gold: '#FFD700',
  lightgray: '#D3D3D3', lightgrey: '#D3D3D3', darkgray: '#A9A9A9', darkgrey: '#A9A9A9', lightgreen: '#90EE90',
  darkgreen: '#006400', lightblue: '#ADD8E6', darkblue: '#00008B', darkred: '#8B0000', lightyellow: '#FFFFE0',
  lightpink: '#FFB6C1', orangered: '#FF4500', darkorange: '#FF8C00', salmon: '#FA8072', khaki: '#F0E68C',
};

export function normalizeColor(v: unknown, what: string): string {
  const s = str(v, what).trim();
  let m = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (m) return `#${m[1].toUpperCase()}`;
  m = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(s);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toUpperCase();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  if (/^[a-z]+$/i.test(s)) throw new NotEmulatedError(`the colour name '${s}'`, 'use #RRGGBB');
  throw excelError('InvalidArgument', `${what}: '${s}' is not a colour`);
}

function pruneCell(cell: FakeCell): boolean {
  for (const k of Object.keys(cell) as (keyof FakeCell)[]) if (cell[k] === undefined) delete cell[k];
  if (cell.font) {
    for (const k of Object.keys(cell.font) as (keyof FakeFont)[]) if (cell.font[k] === undefined) delete cell.font[k];
    if (!Object.keys(cell.font).length) delete cell.font;
  }
  if (cell.borders) {
    for (const k of Object.keys(cell.borders) as (keyof NonNullable<FakeCell['borders']>)[]) if (!cell.borders[k]) delete cell.borders[k];
    if (!Object.keys(cell.borders).length) delete cell.borders;
  }
  return Object.keys(cell).length > 0;
}

function mutate(sheet: FakeSheet, r: number, c: number, fn: (cell: FakeCell) => void): void {
  const key = cellKey(r, c);
  const cell = sheet.cells[key] ?? {};
  fn(cell);
  if (pruneCell(cell)) sheet.cells[key] = cell;
  else delete sheet.cells[key];
}

function guard(rect: Rect, what: string): void {
  if (rectArea(rect) > CELL_LIMIT) {
    throw new NotEmulatedError(`${what} over ${formatRect(rect)}`, `${rectArea(rect)} cells; the fake keeps cells one by one`);
  }
}

function forEachCell(rect: Rect, what: string, fn: (r: number, c: number) => void): void {
  guard(rect, what);
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) fn(r, c);
}

function grid<T>(sheet: FakeSheet, rect: Rect, what: string, pick: (cell: FakeCell | undefined, r: number, c: number) => T): T[][] {
  guard(rect, what);
  const out: T[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: T[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) row.push(pick(sheet.cells[cellKey(r, c)], r, c));
    out.push(row);
  }
  return out;
}

/** The one value a property has over a range, or null when cells differ (Excel's rule for formats). */
function uniform<T>(sheet: FakeSheet, rect: Rect, pick: (cell: FakeCell) => T | undefined, fallback: T): T | null {
  const seen = new Set<string>();
  let first: T | undefined;
  let stored = 0;
  for (const [key, cell] of Object.entries(sheet.cells)) {
    const { row, col } = parseCellKey(key);
    if (row < rect.r0 || row > rect.r1 || col < rect.c0 || col > rect.c1) continue;
    stored++;
    const v = pick(cell) ?? fallback;
    seen.add(JSON.stringify(v));
    first ??= v;
    if (seen.size > 1) return null;
  }
  if (stored < rectArea(rect)) {
    seen.add(JSON.stringify(fallback));
    first ??= fallback;
  }
  return seen.size === 1 ? (first as T) : null;
}

/**
 * A 2D input for a range property: a matrix of exactly the range's shape, or a single value Excel
 * applies to every cell. Returns the value for a cell, null meaning "leave unchanged".
 */
function cellInputs(rect: Rect, value: unknown): (r: number, c: number) => unknown {
  if (value === null || value === undefined) throw excelError('InvalidArgument', 'null is not a valid input for a whole property; use null inside a matrix to leave a cell unchanged');
  if (!Array.isArray(value)) return () => value;
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    const got = `${value.length}x${Array.isArray(value[0]) ? value[0].length : '?'}`;
    throw excelError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range: range is ${rows}x${cols}, input ${got}`,
    );
  }
  return (r, c) => (value[r - rect.r0] as unknown[])[c - rect.c0];
}

const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
/** Texts Excel converts on entry in ways the fake does not emulate (dates, times, percentages, currency, grouping, formulas). */
const CONVERTED_TEXT: [RegExp, string][] = [
  [/^\s*\d{1,4}\s*[-/]\s*\d{1,2}(\s*[-/]\s*\d{1,4})?\s*$/, 'a date'],
  [/^\s*\d{1,4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*$/, 'a date'],
  [/^\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/, 'a date'],
  [/^\s*\d{1,2}[-\s/]?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?([-\s/,]+\d{2,4})?\s*$/i, 'a date'],
  [/^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[-\s/]\d{1,2}(,?[-\s/]\d{2,4})?\s*$/i, 'a date'],
  [/^\s*\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s*[AaPp][Mm])?\s*$/, 'a time'],
  [/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*%\s*$/, 'a percentage'],
  [/^\s*[+-]?[$¥€£￥]\s*[\d.,]+\s*$/, 'a currency amount'],
  [/^\s*[+-]?\d{1,3}(,\d{3})+(\.\d+)?\s*$/, 'a number with thousands separators'],
  [/^\s*\(\s*(\d+\.?\d*|\.\d+)\s*\)\s*$/, 'a negative number'],
  [/^\s*\d+\s+\d+\/\d+\s*$/, 'a fraction'],
  [/^[+-]./, 'a formula'],
];

/** Excel keeps 15 significant digits of a number typed as text: '110101199001011234' becomes 110101199001011000. */
function excelNumber(text: string): number {
  const n = Number(text.trim());
  return n === 0 ? 0 : Number(n.toPrecision(15));
}

/** Writes one input of Range.values / Range.formulas into a cell, with Excel's conversions on entry. */
function writeCellInput(cell: FakeCell, v: unknown, where: string): void {
  if (v === null || v === undefined) return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw excelError('InvalidArgument', `${where}: ${v} is not a number Excel can hold`);
    cell.value = v;
    delete cell.formula;
    return;
  }
  if (typeof v === 'boolean') {
    cell.value = v;
    delete cell.formula;
    return;
  }
  if (typeof v !== 'string') throw excelError('InvalidArgument', `${where}: ${JSON.stringify(v)} is not a cell value`);
  if (v.length > 32767) throw excelError('InvalidArgument', `${where}: text longer than 32767 characters`);
  delete cell.formula;
  if (v === '') {
    delete cell.value;
  } else if (cell.numberFormat === '@') {
    cell.value = v;
  } else if (v.startsWith("'")) {
    if (v.length > 1) cell.value = v.slice(1);
    else delete cell.value;
  } else if (v.startsWith('=') && v.length > 1) {
    delete cell.value;
    cell.formula = v;
  } else if (NUMBER_TEXT.test(v)) {
    cell.value = excelNumber(v);
  } else if (/^\s*(true|false)\s*$/i.test(v)) {
    cell.value = v.trim().toLowerCase() === 'true';
  } else {
    const converted = CONVERTED_TEXT.find(([re]) => re.test(v));
    if (converted) {
      throw new NotEmulatedError(
        `Excel's conversion of the text ${JSON.stringify(v)} written to ${where}`,
        `Excel reads it as ${converted[1]}; write a number with a numberFormat, or set numberFormat "@" before writing text`,
      );
    }
    cell.value = v;
  }
}

function readValue(cell: FakeCell | undefined, where: string): CellValue | '' {
  if (cell?.formula !== undefined && cell.value === undefined) {
    throw new NotEmulatedError(`calculating ${cell.formula} in ${where}`, 'the fake has no calculation engine; read formulas instead');
  }
  return cell?.value ?? '';
}

function generalText(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const s = String(v);
  if (s.length <= 11 && !/e/i.test(s)) return s;
  throw new NotEmulatedError(`the General format's text for ${v}`);
}

function cellText(cell: FakeCell | undefined, where: string, date1904: boolean): string {
  const v = readValue(cell, where);
  if (v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const fmt = cell?.numberFormat ?? 'General';
  if (fmt === '@') return String(v);
  if (fmt === 'General') return generalText(v);
  const date = dateText(v, fmt, date1904);
  if (date !== null) return date;
  throw new NotEmulatedError(`formatting ${v} with number format '${fmt}' as text (${where})`);
}

/**
 * A serial shown with a date format of year, month and day codes (yyyy, yy, m, mm, d, dd) and
 * literal text, in the workbook's date system
 * (https://support.microsoft.com/office/number-format-codes-5026bbd6-04bc-48cd-bf33-80f18b4eae68,
 * https://learn.microsoft.com/office/troubleshoot/excel/1900-and-1904-date-system); null for any
 * other format. Month and weekday names, times and 1900-02-29 fail loudly.
 */
function dateText(serial: number, format: string, date1904: boolean): string | null {
  // The first section is for positive numbers ('yyyy-mm-dd;@').
  const code = (format.replace(/\[[^\]]*\]/g, '').match(/^(?:"[^"]*"|\\.|[^;])*/) ?? [''])[0];
  const unquoted = code.replace(/"[^"]*"|\\./g, '');
  if (!/[yd]/i.test(unquoted) || /[0#?]/.test(unquoted)) return null;
  if (/[hs]|mmm|ddd|AM\/PM/i.test(unquoted)) throw new NotEmulatedError(`the text of a date with the number format '${format}'`);
  const whole = Math.floor(serial);
  if (!date1904 && whole === 60) throw new NotEmulatedError('the text of 1900-02-29, a day that never was');
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + whole * 86_400_000);
  const parts: Record<string, string> = {
    yyyy: String(date.getUTCFullYear()),
    yy: String(date.getUTCFullYear() % 100).padStart(2, '0'),
    mm: String(date.getUTCMonth() + 1).padStart(2, '0'),
    m: String(date.getUTCMonth() + 1),
    dd: String(date.getUTCDate()).padStart(2, '0'),
    d: String(date.getUTCDate()),
  };
  return (code.match(/"[^"]*"|\\.|yyyy|yy|mm|m|dd|d|./gi) ?? [])
    .map((t) => (t.startsWith('"') ? t.slice(1, -1) : t.startsWith('\\') ? t.slice(1) : parts[t.toLowerCase()] ?? t))
    .join('');
}

function valueType(cell: FakeCell | undefined, where: string): string {
  const v = readValue(cell, where);
  if (v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/.test(v) ? 'Error' : 'String';
}

function sheetAlive(wb: FakeWorkbook, sheet: FakeSheet): void {
  if (!wb.sheets.includes(sheet)) throw excelError('ItemNotFound', `worksheet ${sheet.name} was deleted`);
}

function checkGrid(rect: Rect): Rect {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= SHEET_ROWS || rect.c1 >= SHEET_COLUMNS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
    throw excelError('InvalidArgument', 'the range would lie outside the worksheet grid');
  }
  return rect;
}

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;
function checkSheetName(wb: FakeWorkbook, name: unknown, self?: FakeSheet): string {
  const s = str(name, 'name');
  if (!s.length || s.length > 31 || SHEET_NAME_FORBIDDEN.test(s) || s.startsWith("'") || s.endsWith("'") || s.toLowerCase() === 'history') {
    throw excelError('InvalidArgument', `'${s}' is not a valid sheet name`);
  }
  const other = wb.findSheet(s);
  if (other && other !== self && other.name.toLowerCase() === s.toLowerCase()) throw excelError('ItemAlreadyExists', `a sheet named ${other.name} exists`);
  return s;
}

function visibleSheets(wb: FakeWorkbook): FakeSheet[] {
  return wb.sheets.filter((s) => s.visibility === 'Visible');
}

function activateNextVisible(wb: FakeWorkbook, leaving: FakeSheet): void {
  if (wb.activeSheetId !== leaving.id) return;
  const i = wb.sheets.indexOf(leaving);
  const next = wb.sheets.slice(i + 1).find((s) => s !== leaving && s.visibility === 'Visible') ?? [...wb.sheets.slice(0, i)].reverse().find((s) => s.visibility === 'Visible');
  if (next) wb.activeSheetId = next.id;
}

function mergesOf(sheet: FakeSheet): Rect[] {
  return sheet.merges.map((m) => parseAddress(m)!.rect);
}

function areasOf(address: string): Rect[] {
  return (parseAreas(address) ?? []).map((a) => a.rect);
}

/**
 * A protected sheet refuses every change to its (locked) cells. Excel answers AccessDenied ("You
 * cannot perform the requested operation", https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-error-handling#api-error-codes);
 * the fake takes every cell as locked, which is Excel's default
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotection).
 */
function editable(sheet: FakeSheet, what: string): void {
  if (sheet.protected) throw excelError('AccessDenied', `${what}: the worksheet ${sheet.name} is protected`);
}

/**
 * "If the number of merged areas in this range is more than 512, then this method will fail to
 * return the result" (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
 */
export const MAX_MERGED_AREAS = 512;

/** DATE(year, month, day) as a serial of the workbook's date system (1900: serial 1 is 1900-01-01 with the 1900-02-29 quirk; 1904: serial 0 is 1904-01-01). */
function dateSerial(year: number, month: number, day: number, date1904: boolean): number {
  const days = Date.UTC(year, month - 1, day) / 86_400_000;
  if (date1904) return days - Date.UTC(1904, 0, 1) / 86_400_000;
  const serial = days - Date.UTC(1899, 11, 30) / 86_400_000;
  return serial < 61 ? serial - 1 : serial;
}

function renumberPriorities(sheet: FakeSheet): void {
  sheet.conditionalFormats.sort((a, b) => a.priority - b.priority).forEach((cf, i) => (cf.priority = i));
}

const DV_TYPES: Record<string, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};

// ---------------------------------------------------------------- the model

export interface ExcelModel {
  root: ServerObject;
  defs: Record<string, TypeDef>;
}

export function createExcelModel(wb: FakeWorkbook, enums: EnumLookup): ExcelModel {
  // Each host on the workbook is a new session of it: a reopened workbook.
  const session = ++wb.sessions;
  const oneOf = (enumName: string, v: unknown, what: string): string => {
    const s = str(v, what);
    const allowed = enums(enumName);
    const hit = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
    if (!hit) throw excelError('InvalidArgument', `${what}: '${s}' is not one of ${allowed.join(', ')}`);
    return hit;
  };

  const sheetObj = (sheet: FakeSheet) => new WorksheetObj(sheet);
  const range = (sheet: FakeSheet, rect: Rect) => new RangeObj(sheet, checkGrid(rect));

  /** A Range argument (object or address on the same sheet) as a rectangle. */
  const rectArg = (sheet: FakeSheet, v: unknown, what: string): Rect => {
    if (v instanceof RangeObj) {
      if (v.sheet !== sheet) throw excelError('InvalidArgument', `${what} is on another worksheet`);
      return v.rect;
    }
    const p = parseAddress(str(v, what));
    if (!p || (p.sheetName && wb.findSheet(p.sheetName) !== sheet)) throw excelError('InvalidArgument', `${what}: '${v}' is not an address on ${sheet.name}`);
    return p.rect;
  };

  const nameRange = (item: FakeName): RangeObj | null => {
    const p = parseAddress(item.formula.replace(/^=/, ''));
    const sheet = p?.sheetName ? wb.findSheet(p.sheetName) : undefined;
    return p && sheet ? new RangeObj(sheet, p.rect) : null;
  };

  const getRangeOnSheet = (sheet: FakeSheet, address: unknown): RangeObj => {
    if (address === undefined || address === null || address === '') return range(sheet, { r0: 0, c0: 0, r1: SHEET_ROWS - 1, c1: SHEET_COLUMNS - 1 });
    const text = str(address, 'address');
    const p = parseAddress(text);
    if (p) {
      if (p.sheetName && wb.findSheet(p.sheetName) !== sheet) throw excelError('InvalidArgument', `'${text}' is not on ${sheet.name}`);
      return range(sheet, p.rect);
    }
    if (text.includes(',')) throw excelError('InvalidArgument', `'${text}' has several areas; use getRanges`);
    const item = wb.names.find((n) => n.name.toLowerCase() === text.toLowerCase());
    const r = item ? nameRange(item) : null;
    if (!r || r.sheet !== sheet) throw excelError('InvalidArgument', `'${text}' is not an address or a name on ${sheet.name}`);
    return r;
  };

  const usedRect = (sheet: FakeSheet, valuesOnly: unknown): Rect | null => sheet.usedRect(valuesOnly === true);

  // ------------------------------------------------------------ Range

  const rangeValues = (o: RangeObj) =>
    grid(o.sheet, o.rect, 'Range.values', (cell, r, c) => readValue(cell, `${o.sheet.name}!${cellKey(r, c)}`));

  const writeValues = (o: RangeObj, value: unknown, what: string) => {
    editable(o.sheet, what);
    const input = cellInputs(o.rect, value);
    let wrote = false;
    forEachCell(o.rect, what, (r, c) => {
      const v = input(r, c);
      if (v === null || v === undefined) return;
      mutate(o.sheet, r, c, (cell) => writeCellInput(cell, v, `${o.sheet.name}!${cellKey(r, c)}`));
      wrote ||= v !== '';
    });
    if (wrote) growTables(o.sheet, o.rect);
  };

  /**
   * Excel extends a table over what is entered right beside it — a column just right of it, a row
   * just below ("Include new rows and columns in table", on by default:
   * https://support.microsoft.com/office/resize-a-table-by-adding-or-removing-rows-and-columns-e65ae4bb-e44b-43f4-ad8b-7d68784f1165).
   * The fake takes values written through the API like typed ones.
   */
  const growTables = (sheet: FakeSheet, rect: Rect) => {
    for (const table of sheet.tables) {
      const t = parseAddress(table.address)!.rect;
      const rowsMeet = rect.r0 <= t.r1 && rect.r1 >= t.r0;
      const columnsMeet = rect.c0 <= t.c1 && rect.c1 >= t.c0;
      if (rowsMeet && rect.c0 === t.c1 + 1) table.address = formatRect({ ...t, c1: rect.c1 });
      else if (columnsMeet && rect.r0 === t.r1 + 1) table.address = formatRect({ ...t, r1: rect.r1 });
    }
  };

  const setCellFormat = (o: RangeObj, what: string, fn: (cell: FakeCell) => void) => {
    editable(o.sheet, what);
    forEachCell(o.rect, what, (r, c) => mutate(o.sheet, r, c, fn));
  };

  const clearFormats = (o: RangeObj) => {
    setCellFormat(o, 'Range.clear', (cell) => {
      delete cell.numberFormat;
      delete cell.fill;
      delete cell.font;
      delete cell.horizontalAlignment;
      delete cell.verticalAlignment;
      delete cell.wrapText;
      delete cell.borders;
    });
    o.sheet.merges = o.sheet.merges.filter((m) => !rectIntersects(parseAddress(m)!.rect, o.rect));
    clearConditionalFormats(o.sheet, o.rect);
  };

  const clearConditionalFormats = (sheet: FakeSheet, rect: Rect) => {
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => {
      const rest = areasOf(cf.address).flatMap((a) => rectSubtract(a, rect));
      cf.address = formatAreas(rest);
      return rest.length > 0;
    });
    renumberPriorities(sheet);
  };

  const merge = (o: RangeObj, across: unknown) => {
    editable(o.sheet, 'Range.merge');
    // "You can't merge cells in a table" (https://support.microsoft.com/office/merge-and-unmerge-cells-5cbd15d5-9375-4540-907f-c673a93fcedf).
    const inTable = o.sheet.tables.find((t) => rectIntersects(parseAddress(t.address)!.rect, o.rect));
    if (inTable) throw excelError('InvalidOperation', `cells of the table ${inTable.name} cannot be merged`);
    const areas: Rect[] = [];
    if (across === true) for (let r = o.rect.r0; r <= o.rect.r1; r++) areas.push({ ...o.rect, r0: r, r1: r });
    else areas.push(o.rect);
    for (const area of areas) {
      if (rectArea(area) === 1) continue;
      const existing = mergesOf(o.sheet);
      const partial = existing.find((m) => rectIntersects(m, area) && !rectContains(area, m));
      if (partial) throw new NotEmulatedError(`merging ${formatRect(area)} across part of the merged area ${formatRect(partial)}`);
      o.sheet.merges = o.sheet.merges.filter((m) => !rectContains(area, parseAddress(m)!.rect));
      o.sheet.merges.push(formatRect(area));
      // Excel keeps only the upper-left value of the merged area.
      forEachCell(area, 'Range.merge', (r, c) => {
        if (r === area.r0 && c === area.c0) return;
        mutate(o.sheet, r, c, (cell) => {
          delete cell.value;
          delete cell.formula;
        });
      });
    }
  };

  const rangeDef: TypeDef<RangeObj> = {
    check: (o) => sheetAlive(wb, o.sheet),
    scalars: {
      address: { get: (o) => qualify(o.sheet.name, o.rect) },
      addressLocal: { get: (o) => qualify(o.sheet.name, o.rect) },
      rowIndex: { get: (o) => o.rect.r0 },
      columnIndex: { get: (o) => o.rect.c0 },
      rowCount: { get: (o) => o.rect.r1 - o.rect.r0 + 1 },
      columnCount: { get: (o) => o.rect.c1 - o.rect.c0 + 1 },
      cellCount: { get: (o) => rectArea(o.rect) },
      isEntireColumn: { get: (o) => isEntireColumns(o.rect) },
      isEntireRow: { get: (o) => isEntireRows(o.rect) },
      values: { get: rangeValues, set: (o, v) => writeValues(o, v, 'Range.values') },
      formulas: {
        get: (o) => grid(o.sheet, o.rect, 'Range.formulas', (cell) => cell?.formula ?? cell?.value ?? ''),
        set: (o, v) => writeValues(o, v, 'Range.formulas'),
      },
      formulasLocal: {
        get: (o) => grid(o.sheet, o.rect, 'Range.formulasLocal', (cell) => cell?.formula ?? cell?.value ?? ''),
        set: (o, v) => writeValues(o, v, 'Range.formulasLocal'),
      },
      numberFormat: {
        get: (o) => grid(o.sheet, o.rect, 'Range.numberFormat', (cell) => cell?.numberFormat ?? 'General'),
        set: (o, v) => {
          editable(o.sheet, 'Range.numberFormat');
          const input = cellInputs(o.rect, v);
          forEachCell(o.rect, 'Range.numberFormat', (r, c) => {
            const f = input(r, c);
            if (f === null || f === undefined) return;
            const s = str(f, 'numberFormat');
            // '' resets to General, as Excel does.
            mutate(o.sheet, r, c, (cell) => (cell.numberFormat = s === 'General' || s === '' ? undefined : s));
          });
        },
      },
      text: { get: (o) => grid(o.sheet, o.rect, 'Range.text', (cell, r, c) => cellText(cell, `${o.sheet.name}!${cellKey(r, c)}`, wb.date1904)) },
      valueTypes: { get: (o) => grid(o.sheet, o.rect, 'Range.valueTypes', (cell, r, c) => valueType(cell, `${o.sheet.name}!${cellKey(r, c)}`)) },
    },
    nav: {
      format: (o) => new RangePartObj('RangeFormat', o),
      conditionalFormats: (o) => new RangePartObj('ConditionalFormatCollection', o),
      dataValidation: (o) => new RangePartObj('DataValidation', o),
      worksheet: (o) => sheetObj(o.sheet),
    },
    methods: {
      getCell: (o, [row, column]) => {
        const r = o.rect.r0 + int(row, 'row');
        const c = o.rect.c0 + int(column, 'column');
        return range(o.sheet, { r0: r, c0: c, r1: r, c1: c });
      },
      getOffsetRange: (o, [dr, dc]) => {
        const a = int(dr, 'rowOffset');
        const b = int(dc, 'columnOffset');
        return range(o.sheet, { r0: o.rect.r0 + a, r1: o.rect.r1 + a, c0: o.rect.c0 + b, c1: o.rect.c1 + b });
      },
      getResizedRange: (o, [dr, dc]) => range(o.sheet, { ...o.rect, r1: o.rect.r1 + int(dr, 'deltaRows'), c1: o.rect.c1 + int(dc, 'deltaColumns') }),
      getEntireColumn: (o) => range(o.sheet, { ...o.rect, r0: 0, r1: SHEET_ROWS - 1 }),
      getEntireRow: (o) => range(o.sheet, { ...o.rect, c0: 0, c1: SHEET_COLUMNS - 1 }),
      getRow: (o, [i]) => {
        const r = o.rect.r0 + int(i, 'row');
        if (r > o.rect.r1 || r < o.rect.r0) throw excelError('InvalidArgument', `row ${i} is outside the range`);
        return range(o.sheet, { ...o.rect, r0: r, r1: r });
      },
      getColumn: (o, [i]) => {
        const c = o.rect.c0 + int(i, 'column');
        if (c > o.rect.c1 || c < o.rect.c0) throw excelError('InvalidArgument', `column ${i} is outside the range`);
        return range(o.sheet, { ...o.rect, c0: c, c1: c });
      },
      getLastRow: (o) => range(o.sheet, { ...o.rect, r0: o.rect.r1 }),
      getLastColumn: (o) => range(o.sheet, { ...o.rect, c0: o.rect.c1 }),
      getLastCell: (o) => range(o.sheet, { r0: o.rect.r1, r1: o.rect.r1, c0: o.rect.c1, c1: o.rect.c1 }),
      getUsedRange: (o, [valuesOnly]) => {
        const used = usedRect(o.sheet, valuesOnly);
        const x = used && rectIntersection(used, o.rect);
        if (!x) throw excelError('ItemNotFound', 'no used cells in the range');
        return range(o.sheet, x);
      },
      getUsedRangeOrNullObject: (o, [valuesOnly]) => {
        const used = usedRect(o.sheet, valuesOnly);
        const x = used && rectIntersection(used, o.rect);
        return x ? range(o.sheet, x) : null;
      },
      getIntersection: (o, [other]) => {
        const x = rectIntersection(o.rect, rectArg(o.sheet, other, 'anotherRange'));
        if (!x) throw excelError('ItemNotFound', 'the ranges do not intersect');
        return range(o.sheet, x);
      },
      getIntersectionOrNullObject: (o, [other]) => {
        const x = rectIntersection(o.rect, rectArg(o.sheet, other, 'anotherRange'));
        return x ? range(o.sheet, x) : null;
      },
      getBoundingRect: (o, [other]) => {
        const b = rectArg(o.sheet, other, 'anotherRange');
        return range(o.sheet, { r0: Math.min(o.rect.r0, b.r0), c0: Math.min(o.rect.c0, b.c0), r1: Math.max(o.rect.r1, b.r1), c1: Math.max(o.rect.c1, b.c1) });
      },
      // Only merged areas whose top-left cell is in the range are returned (office-js#3611), and
      // more than MAX_MERGED_AREAS of them fail.
      getMergedAreasOrNullObject: (o) => {
        const hits = mergesOf(o.sheet).filter((m) => m.r0 >= o.rect.r0 && m.r0 <= o.rect.r1 && m.c0 >= o.rect.c0 && m.c0 <= o.rect.c1);
        if (hits.length > MAX_MERGED_AREAS) throw excelError('GeneralException', `${hits.length} merged areas in ${formatRect(o.rect)}, more than ${MAX_MERGED_AREAS}`);
        return hits.length ? new RangeAreasObj(o.sheet, hits) : null;
      },
      // The library sends this before writing a large matrix in chunks of rows (setRangePropertiesInBulk).
      _ValidateArraySize: (o, [rows, columns]) => {
        if (int(rows, 'rows') !== o.rect.r1 - o.rect.r0 + 1 || int(columns, 'columns') !== o.rect.c1 - o.rect.c0 + 1) {
          throw excelError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range");
        }
      },
      merge: (o, [across]) => merge(o, across),
      unmerge: (o) => {
        editable(o.sheet, 'Range.unmerge');
        o.sheet.merges = o.sheet.merges.filter((m) => !rectIntersects(parseAddress(m)!.rect, o.rect));
      },
      clear: (o, [applyTo]) => {
        editable(o.sheet, 'Range.clear');
        const what = applyTo === undefined || applyTo === null ? 'All' : oneOf('ClearApplyTo', applyTo, 'applyTo');
        if (what === 'All' || what === 'Contents') {
          setCellFormat(o, 'Range.clear', (cell) => {
            delete cell.value;
            delete cell.formula;
          });
        }
        if (what === 'All' || what === 'Formats') clearFormats(o);
        if (what !== 'All' && what !== 'Contents' && what !== 'Formats') throw new NotEmulatedError(`Range.clear('${what}')`);
      },
      select: (o) => {
        if (o.sheet.visibility !== 'Visible') throw excelError('InvalidOperation', `${o.sheet.name} is hidden`);
        o.sheet.selection = formatRect(o.rect);
        wb.activeSheetId = o.sheet.id;
      },
    },
  };

  // ------------------------------------------------------------ Range.format and its parts

  const fontProp = <K extends keyof typeof DEFAULT_FONT>(key: K, parse: (v: unknown) => FakeFont[K]) => ({
    get: (o: RangePartObj) => uniform(o.range.sheet, o.range.rect, (cell) => cell.font?.[key], DEFAULT_FONT[key]),
    set: (o: RangePartObj, v: unknown) => {
      const value = parse(v);
      setCellFormat(o.range, `RangeFont.${key}`, (cell) => {
        cell.font = { ...cell.font, [key]: value === DEFAULT_FONT[key] ? undefined : value };
      });
    },
  });

  const widthOf = (sheet: FakeSheet, c: number) => sheet.columnWidths[columnLetters(c)] ?? DEFAULT_COLUMN_WIDTH;
  const heightOf = (sheet: FakeSheet, r: number) => sheet.rowHeights[String(r + 1)] ?? DEFAULT_ROW_HEIGHT;
  const sameOver = (from: number, to: number, f: (i: number) => number): number | null => {
    if (to - from > 20000) throw new NotEmulatedError('reading sizes over more than 20000 rows or columns');
    const first = f(from);
    for (let i = from + 1; i <= to; i++) if (f(i) !== first) return null;
    return first;
  };

  const rangeFormatDef: TypeDef<RangePartObj> = {
    scalars: {
      columnWidth: {
        get: (o) => sameOver(o.range.rect.c0, o.range.rect.c1, (c) => widthOf(o.range.sheet, c)),
        set: (o, v) => {
          editable(o.range.sheet, 'RangeFormat.columnWidth');
          const w = num(v, 'columnWidth');
          if (w < 0) throw excelError('InvalidArgument', 'columnWidth must not be negative');
          for (let c = o.range.rect.c0; c <= o.range.rect.c1; c++) o.range.sheet.columnWidths[columnLetters(c)] = w;
        },
      },
      rowHeight: {
        get: (o) => sameOver(o.range.rect.r0, o.range.rect.r1, (r) => heightOf(o.range.sheet, r)),
        set: (o, v) => {
          editable(o.range.sheet, 'RangeFormat.rowHeight');
          const h = num(v, 'rowHeight');
          if (h < 0) throw excelError('InvalidArgument', 'rowHeight must not be negative');
          if (o.range.rect.r1 - o.range.rect.r0 > 100000) throw new NotEmulatedError('setting rowHeight on more than 100000 rows');
          for (let r = o.range.rect.r0; r <= o.range.rect.r1; r++) o.range.sheet.rowHeights[String(r + 1)] = h;
        },
      },
      useStandardWidth: {
        get: (o) => sameOver(o.range.rect.c0, o.range.rect.c1, (c) => (o.range.sheet.columnWidths[columnLetters(c)] === undefined ? 1 : 0)) === 1,
        set: (o, v) => {
          if (bool(v, 'useStandardWidth')) for (let c = o.range.rect.c0; c <= o.range.rect.c1; c++) delete o.range.sheet.columnWidths[columnLetters(c)];
        },
      },
      useStandardHeight: {
        get: (o) => sameOver(o.range.rect.r0, o.range.rect.r1, (r) => (o.range.sheet.rowHeights[String(r + 1)] === undefined ? 1 : 0)) === 1,
        set: (o, v) => {
          if (bool(v, 'useStandardHeight')) for (let r = o.range.rect.r0; r <= o.range.rect.r1; r++) delete o.range.sheet.rowHeights[String(r + 1)];
        },
      },
      wrapText: {
        get: (o) => uniform(o.range.sheet, o.range.rect, (cell) => cell.wrapText, false),
        set: (o, v) => {
          const b = bool(v, 'wrapText');
          setCellFormat(o.range, 'RangeFormat.wrapText', (cell) => (cell.wrapText = b || undefined));
        },
      },
      horizontalAlignment: {
        get: (o) => uniform(o.range.sheet, o.range.rect, (cell) => cell.horizontalAlignment, 'General'),
        set: (o, v) => {
          const a = oneOf('HorizontalAlignment', v, 'horizontalAlignment');
          setCellFormat(o.range, 'RangeFormat.horizontalAlignment', (cell) => (cell.horizontalAlignment = a === 'General' ? undefined : a));
        },
      },
      verticalAlignment: {
        get: (o) => uniform(o.range.sheet, o.range.rect, (cell) => cell.verticalAlignment, 'Bottom'),
        set: (o, v) => {
          const a = oneOf('VerticalAlignment', v, 'verticalAlignment');
          setCellFormat(o.range, 'RangeFormat.verticalAlignment', (cell) => (cell.verticalAlignment = a === 'Bottom' ? undefined : a));
        },
      },
    },
    nav: {
      fill: (o) => new RangePartObj('RangeFill', o.range),
      font: (o) => new RangePartObj('RangeFont', o.range),
      borders: (o) => new RangePartObj('RangeBorderCollection', o.range),
    },
    methods: {
      // Excel measures text to fit; the fake cannot, so it records the request and keeps the widths.
      autofitColumns: (o) => {
        o.range.sheet.autofitted.push(`columns ${formatRect(o.range.rect)}`);
      },
      autofitRows: (o) => {
        o.range.sheet.autofitted.push(`rows ${formatRect(o.range.rect)}`);
      },
    },
  };

  const rangeFillDef: TypeDef<RangePartObj> = {
    scalars: {
      color: {
        get: (o) => uniform(o.range.sheet, o.range.rect, (cell) => cell.fill, '#FFFFFF'),
        set: (o, v) => {
          // '' clears, as blank input does for Excel's properties; null is refused.
          const color = v === '' ? undefined : normalizeColor(v, 'color');
          setCellFormat(o.range, 'RangeFill.color', (cell) => (cell.fill = color));
        },
      },
    },
    methods: {
      clear: (o) => setCellFormat(o.range, 'RangeFill.clear', (cell) => delete cell.fill),
    },
  };

  const rangeFontDef: TypeDef<RangePartObj> = {
    scalars: {
      bold: fontProp('bold', (v) => bool(v, 'bold')),
      italic: fontProp('italic', (v) => bool(v, 'italic')),
      strikethrough: fontProp('strikethrough', (v) => bool(v, 'strikethrough')),
      color: fontProp('color', (v) => (v === '' ? DEFAULT_FONT.color : normalizeColor(v, 'color'))),
      size: fontProp('size', (v) => {
        const n = num(v, 'size');
        if (n < 1 || n > 409) throw excelError('InvalidArgument', `font size ${n} is out of range`);
        return n;
      }),
      name: fontProp('name', (v) => str(v, 'name')),
      underline: fontProp('underline', (v) => oneOf('RangeUnderlineStyle', v, 'underline')),
    },
  };

  // ------------------------------------------------------------ borders

  /** Which stored cell sides a border index covers in a range. */
  const borderCells = (rect: Rect, index: string): { r: number; c: number; side: 'top' | 'bottom' | 'left' | 'right' }[] => {
    const out: { r: number; c: number; side: 'top' | 'bottom' | 'left' | 'right' }[] = [];
    const row = (r: number, side: 'top' | 'bottom') => {
      for (let c = rect.c0; c <= rect.c1; c++) out.push({ r, c, side });
    };
    const col = (c: number, side: 'left' | 'right') => {
      for (let r = rect.r0; r <= rect.r1; r++) out.push({ r, c, side });
    };
    guard(rect, `borders ${index}`);
    switch (index) {
      case 'EdgeTop':
        row(rect.r0, 'top');
        break;
      case 'EdgeBottom':
        row(rect.r1, 'bottom');
        break;
      case 'EdgeLeft':
        col(rect.c0, 'left');
        break;
      case 'EdgeRight':
        col(rect.c1, 'right');
        break;
      case 'InsideHorizontal':
        for (let r = rect.r0; r < rect.r1; r++) {
          row(r, 'bottom');
          row(r + 1, 'top');
        }
        break;
      case 'InsideVertical':
        for (let c = rect.c0; c < rect.c1; c++) {
          col(c, 'right');
          col(c + 1, 'left');
        }
        break;
      default:
        throw new NotEmulatedError(`the ${index} border`);
    }
    return out;
  };

  const borderProp = (key: keyof BorderLine, parse: (v: unknown) => string, fallback: string) => ({
    get: (o: RangeBorderObj) => {
      const seen = new Set<string>();
      for (const { r, c, side } of borderCells(o.range.rect, o.side)) {
        const line = o.range.sheet.cells[cellKey(r, c)]?.borders?.[side];
        seen.add(line ? line[key] : key === 'style' ? 'None' : fallback);
        if (seen.size > 1) return null;
      }
      return seen.size ? [...seen][0] : key === 'style' ? 'None' : fallback;
    },
    set: (o: RangeBorderObj, v: unknown) => {
      editable(o.range.sheet, `RangeBorder.${key}`);
      const value = parse(v);
      for (const { r, c, side } of borderCells(o.range.rect, o.side)) {
        mutate(o.range.sheet, r, c, (cell) => {
          const borders = { ...cell.borders };
          if (key === 'style' && value === 'None') delete borders[side];
          else borders[side] = { style: 'Continuous', weight: 'Thin', color: '#000000', ...borders[side], [key]: value };
          cell.borders = borders;
        });
      }
    },
  });

  const rangeBorderCollectionDef: TypeDef<RangePartObj> = {
    indexer: (o, key) => new RangeBorderObj(o.range, oneOf('BorderIndex', key, 'index')),
    items: (o) => enums('BorderIndex').map((i) => new RangeBorderObj(o.range, i)),
    scalars: { count: { get: () => enums('BorderIndex').length } },
    methods: { getItemAt: (o, [i]) => new RangeBorderObj(o.range, enums('BorderIndex')[int(i, 'index')]) },
  };

  const rangeBorderDef: TypeDef<RangeBorderObj> = {
    scalars: {
      sideIndex: { get: (o) => o.side },
      style: borderProp('style', (v) => oneOf('BorderLineStyle', v, 'style'), 'None'),
      weight: borderProp('weight', (v) => oneOf('BorderWeight', v, 'weight'), 'Thin'),
      color: borderProp('color', (v) => normalizeColor(v, 'color'), '#000000'),
    },
  };

  // ------------------------------------------------------------ RangeAreas (merged areas)

  const rangeAreasDef: TypeDef<RangeAreasObj> = {
    check: (o) => sheetAlive(wb, o.sheet),
    scalars: {
      address: { get: (o) => o.rects.map((r) => qualify(o.sheet.name, r)).join(', ') },
      addressLocal: { get: (o) => o.rects.map((r) => qualify(o.sheet.name, r)).join(', ') },
      areaCount: { get: (o) => o.rects.length },
      cellCount: { get: (o) => o.rects.reduce((n, r) => n + rectArea(r), 0) },
      isEntireColumn: { get: (o) => o.rects.every(isEntireColumns) },
      isEntireRow: { get: (o) => o.rects.every(isEntireRows) },
    },
    nav: {
      areas: (o) => new RangeCollectionObj(o.sheet, o.rects),
      worksheet: (o) => sheetObj(o.sheet),
    },
  };

  const rangeCollectionDef: TypeDef<RangeCollectionObj> = {
    items: (o) => o.rects.map((r) => new RangeObj(o.sheet, r)),
    methods: {
      getCount: (o) => o.rects.length,
      getItemAt: (o, [i]) => {
        const r = o.rects[int(i, 'index')];
        if (!r) throw excelError('ItemNotFound', `no area ${i}`);
        return new RangeObj(o.sheet, r);
      },
    },
  };

  // ------------------------------------------------------------ conditional formats

  // ConditionalFormat.id is "the priority of the conditional format in the current
  // ConditionalFormatCollection", and after a priority change "you have to re-fetch a new copy of
  // the object at that new priority location"
  // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member).
  // So an id is a position: every add, delete or priority change renumbers the others, and the
  // library, which addresses an object again by its id, then reaches whichever format is there now.
  // What an id looks like across sessions is not documented: the fake's carry the session, so an
  // id kept past a reopen finds nothing.
  const cfOn = (o: RangePartObj) => o.range.sheet.conditionalFormatsAt(formatRect(o.range.rect));
  const cfObj = (sheet: FakeSheet, cf: FakeConditionalFormat, scope: Rect) => new ConditionalFormatObj('ConditionalFormat', sheet, cf, scope);
  const positionalId = (o: ConditionalFormatObj) => {
    const position = o.sheet.conditionalFormatsAt(formatRect(o.scope ?? { r0: 0, c0: 0, r1: SHEET_ROWS - 1, c1: SHEET_COLUMNS - 1 })).indexOf(o.cf);
    return `${session}-${position}`;
  };
  const cfAlive = (o: ConditionalFormatObj) => {
    sheetAlive(wb, o.sheet);
    if (!o.sheet.conditionalFormats.includes(o.cf)) throw excelError('ItemNotFound', 'the conditional format was deleted');
  };

  const conditionalFormatCollectionDef: TypeDef<RangePartObj> = {
    items: (o) => cfOn(o).map((cf) => cfObj(o.range.sheet, cf, o.range.rect)),
    indexer: (o, id) => {
      const [idSession, position] = str(id, 'id').split('-').map(Number);
      const cf = idSession === session ? cfOn(o)[position] : undefined;
      if (!cf) throw excelError('ItemNotFound', `no conditional format ${id}`);
      return cfObj(o.range.sheet, cf, o.range.rect);
    },
    methods: {
      // "Adds a new conditional format to the collection at the first/top priority"
      // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1)).
      add: (o, [type]) => {
        editable(o.range.sheet, 'ConditionalFormatCollection.add');
        const t = oneOf('ConditionalFormatType', type, 'type');
        if (t !== 'Custom') throw new NotEmulatedError(`conditional formats of type ${t}`);
        // A conditional format is kept by its address, not cell by cell, so any size is fine (Excel
        // itself takes whole columns).
        for (const cf of o.range.sheet.conditionalFormats) cf.priority++;
        const cf: FakeConditionalFormat = {
          id: wb.newId('cf'),
          address: formatRect(o.range.rect),
          type: t,
          formula: null,
          fill: null,
          font: { color: null, bold: null, italic: null, strikethrough: null, underline: null },
          numberFormat: null,
          priority: 0,
          stopIfTrue: false,
        };
        o.range.sheet.conditionalFormats.unshift(cf);
        return cfObj(o.range.sheet, cf, o.range.rect);
      },
      clearAll: (o) => {
        editable(o.range.sheet, 'ConditionalFormatCollection.clearAll');
        clearConditionalFormats(o.range.sheet, o.range.rect);
      },
      getCount: (o) => cfOn(o).length,
      getItemAt: (o, [i]) => {
        const cf = cfOn(o)[int(i, 'index')];
        if (!cf) throw excelError('ItemNotFound', `no conditional format at ${i}`);
        return cfObj(o.range.sheet, cf, o.range.rect);
      },
    },
  };

  const conditionalFormatDef: TypeDef<ConditionalFormatObj> = {
    check: cfAlive,
    id: positionalId,
    scalars: {
      id: { get: positionalId },
      type: { get: (o) => o.cf.type },
      priority: {
        get: (o) => o.cf.priority,
        // Priorities stay 0..n-1 on the sheet: the others move to make room. A negative priority
        // counts from the back (-1 is the last); out of range sets the first or last place.
        set: (o, v) => {
          editable(o.sheet, 'ConditionalFormat.priority');
          const p = int(v, 'priority');
          const list = o.sheet.conditionalFormats.filter((x) => x !== o.cf).sort((a, b) => a.priority - b.priority);
          const at = p < 0 ? list.length + 1 + p : p;
          list.splice(Math.max(0, Math.min(at, list.length)), 0, o.cf);
          list.forEach((x, i) => (x.priority = i));
        },
      },
      stopIfTrue: { get: (o) => o.cf.stopIfTrue, set: (o, v) => (o.cf.stopIfTrue = bool(v, 'stopIfTrue')) },
    },
    nav: {
      custom: (o) => {
        if (o.cf.type !== 'Custom') throw excelError('InvalidOperation', `the conditional format is of type ${o.cf.type}`);
        return new ConditionalFormatObj('CustomConditionalFormat', o.sheet, o.cf);
      },
      customOrNullObject: (o) => (o.cf.type === 'Custom' ? new ConditionalFormatObj('CustomConditionalFormat', o.sheet, o.cf) : null),
    },
    methods: {
      delete: (o) => {
        editable(o.sheet, 'ConditionalFormat.delete');
        o.sheet.conditionalFormats = o.sheet.conditionalFormats.filter((x) => x !== o.cf);
        renumberPriorities(o.sheet);
      },
      getRange: (o) => {
        const areas = areasOf(o.cf.address);
        if (areas.length !== 1) throw excelError('InvalidOperation', `the conditional format applies to ${areas.length} areas; use getRanges`);
        return new RangeObj(o.sheet, areas[0]);
      },
      getRangeOrNullObject: (o) => {
        const areas = areasOf(o.cf.address);
        return areas.length === 1 ? new RangeObj(o.sheet, areas[0]) : null;
      },
      getRanges: (o) => new RangeAreasObj(o.sheet, areasOf(o.cf.address)),
    },
  };

  const cfPart = (type: ConditionalFormatObj['type']) => (o: ConditionalFormatObj) => new ConditionalFormatObj(type, o.sheet, o.cf);
  const customConditionalFormatDef: TypeDef<ConditionalFormatObj> = {
    check: cfAlive,
    nav: { rule: cfPart('ConditionalFormatRule'), format: cfPart('ConditionalRangeFormat') },
  };
  const conditionalFormatRuleDef: TypeDef<ConditionalFormatObj> = {
    check: cfAlive,
    scalars: {
      formula: { get: (o) => o.cf.formula, set: (o, v) => (o.cf.formula = str(v, 'formula')) },
      formulaLocal: { get: (o) => o.cf.formula, set: (o, v) => (o.cf.formula = str(v, 'formulaLocal')) },
    },
  };
  const conditionalRangeFormatDef: TypeDef<ConditionalFormatObj> = {
    check: cfAlive,
    scalars: { numberFormat: { get: (o) => o.cf.numberFormat, set: (o, v) => (o.cf.numberFormat = str(v, 'numberFormat')) } },
    nav: { fill: cfPart('ConditionalRangeFill'), font: cfPart('ConditionalRangeFont') },
  };
  const conditionalRangeFillDef: TypeDef<ConditionalFormatObj> = {
    check: cfAlive,
    scalars: { color: { get: (o) => o.cf.fill, set: (o, v) => (o.cf.fill = normalizeColor(v, 'color')) } },
    methods: { clear: (o) => void (o.cf.fill = null) },
  };
  const conditionalRangeFontDef: TypeDef<ConditionalFormatObj> = {
    check: cfAlive,
    scalars: {
      color: { get: (o) => o.cf.font.color, set: (o, v) => (o.cf.font.color = normalizeColor(v, 'color')) },
      bold: { get: (o) => o.cf.font.bold, set: (o, v) => (o.cf.font.bold = bool(v, 'bold')) },
      italic: { get: (o) => o.cf.font.italic, set: (o, v) => (o.cf.font.italic = bool(v, 'italic')) },
      strikethrough: { get: (o) => o.cf.font.strikethrough, set: (o, v) => (o.cf.font.strikethrough = bool(v, 'strikethrough')) },
      underline: { get: (o) => o.cf.font.underline, set: (o, v) => (o.cf.font.underline = oneOf('ConditionalRangeFontUnderlineStyle', v, 'underline')) },
    },
    methods: {
      clear: (o) => void (o.cf.font = { color: null, bold: null, italic: null, strikethrough: null, underline: null }),
    },
  };

  // ------------------------------------------------------------ data validation

  const dvsAt = (sheet: FakeSheet, rect: Rect) => sheet.dataValidations.filter((dv) => areasOf(dv.address).some((a) => rectIntersects(a, rect)));

  const subtractValidation = (sheet: FakeSheet, rect: Rect) => {
    sheet.dataValidations = sheet.dataValidations.filter((dv) => {
      const rest = areasOf(dv.address).flatMap((a) => rectSubtract(a, rect));
      dv.address = formatAreas(rest);
      return rest.length > 0;
    });
  };

  /** The validation covering exactly the whole range, splitting validations that reach outside it. */
  const dvCovering = (sheet: FakeSheet, rect: Rect): FakeDataValidation[] => {
    const hits = dvsAt(sheet, rect);
    if (!hits.length) throw new NotEmulatedError('setting validation options on a range without a validation rule', 'set rule first');
    const inside: FakeDataValidation[] = [];
    for (const dv of hits) {
      const areas = areasOf(dv.address);
      const within = areas.map((a) => rectIntersection(a, rect)).filter((a): a is Rect => !!a);
      const outside = areas.flatMap((a) => rectSubtract(a, rect));
      if (!outside.length) {
        inside.push(dv);
        continue;
      }
      dv.address = formatAreas(outside);
      const copy: FakeDataValidation = JSON.parse(JSON.stringify(dv));
      copy.address = formatAreas(within);
      sheet.dataValidations.push(copy);
      inside.push(copy);
    }
    return inside;
  };

  const singleDv = (o: RangePartObj): FakeDataValidation | null | 'mixed' => {
    const hits = dvsAt(o.range.sheet, o.range.rect);
    if (!hits.length) return null;
    if (hits.length === 1 && areasOf(hits[0].address).some((a) => rectContains(a, o.range.rect))) return hits[0];
    return 'mixed';
  };

  const dataValidationDef: TypeDef<RangePartObj> = {
    scalars: {
      type: {
        get: (o) => {
          const dv = singleDv(o);
          if (dv === null) return 'None';
          if (dv === 'mixed') return 'Inconsistent';
          return DV_TYPES[Object.keys(dv.rule)[0]] ?? 'Inconsistent';
        },
      },
      rule: {
        // A range without one rule (type "None" or "Inconsistent") has a rule with no criteria:
        // https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidation#excel-excel-datavalidation-type-member
        get: (o) => {
          const dv = singleDv(o);
          if (dv === null || dv === 'mixed') return {};
          return JSON.parse(JSON.stringify(dv.rule));
        },
        set: (o, v) => {
          editable(o.range.sheet, 'DataValidation.rule');
          if (typeof v !== 'object' || v === null || Array.isArray(v)) throw excelError('InvalidArgument', 'rule must be an object');
          const kinds = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && x !== null);
          if (kinds.length !== 1 || !DV_TYPES[kinds[0][0]]) throw excelError('InvalidArgument', `rule must have exactly one of ${Object.keys(DV_TYPES).join(', ')}`);
          const [kind, body] = kinds[0];
          if (kind === 'list') {
            const list = body as { inCellDropDown?: unknown; source?: unknown };
            let source = list.source;
            if (source instanceof RangeObj) source = `=${qualify(source.sheet.name, source.rect).replace(/!(.*)$/, (_m, a: string) => `!${a.replace(/([A-Z]+|\d+)/g, '$$$1')}`)}`;
            if (typeof source !== 'string' || !source) throw excelError('InvalidArgument', 'list.source must be a non-empty string or a Range');
            const rule = { list: { inCellDropDown: list.inCellDropDown === undefined ? true : bool(list.inCellDropDown, 'inCellDropDown'), source } };
            applyRule(o, rule);
          } else applyRule(o, { [kind]: JSON.parse(JSON.stringify(body)) });
        },
      },
      ignoreBlanks: {
        get: (o) => {
          const dv = singleDv(o);
          return dv === null ? true : dv === 'mixed' ? null : dv.ignoreBlanks;
        },
        set: (o, v) => {
          const b = bool(v, 'ignoreBlanks');
          for (const dv of dvCovering(o.range.sheet, o.range.rect)) dv.ignoreBlanks = b;
        },
      },
      prompt: {
        get: (o) => {
          const dv = singleDv(o);
          if (dv === null) return { showPrompt: false, title: '', message: '' };
          if (dv === 'mixed') throw new NotEmulatedError('reading DataValidation.prompt without a single rule');
          return { ...dv.prompt };
        },
        set: (o, v) => {
          const p = v as Partial<FakeDataValidation['prompt']>;
          for (const dv of dvCovering(o.range.sheet, o.range.rect)) dv.prompt = { ...dv.prompt, ...p };
        },
      },
      errorAlert: {
        get: (o) => {
          const dv = singleDv(o);
          if (dv === null) return { showAlert: true, style: 'Stop', title: '', message: '' };
          if (dv === 'mixed') throw new NotEmulatedError('reading DataValidation.errorAlert without a single rule');
          return { ...dv.errorAlert };
        },
        set: (o, v) => {
          const e = { ...(v as Partial<FakeDataValidation['errorAlert']>) };
          if (e.style !== undefined) e.style = oneOf('DataValidationAlertStyle', e.style, 'errorAlert.style');
          for (const dv of dvCovering(o.range.sheet, o.range.rect)) dv.errorAlert = { ...dv.errorAlert, ...e };
        },
      },
    },
    methods: {
      clear: (o) => {
        editable(o.range.sheet, 'DataValidation.clear');
        subtractValidation(o.range.sheet, o.range.rect);
      },
    },
  };

  function applyRule(o: RangePartObj, rule: Record<string, unknown>) {
    guard(o.range.rect, 'DataValidation.rule');
    subtractValidation(o.range.sheet, o.range.rect);
    o.range.sheet.dataValidations.push({
      address: formatRect(o.range.rect),
      rule,
      ignoreBlanks: true,
      prompt: { showPrompt: false, title: '', message: '' },
      errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
    });
  }

  // ------------------------------------------------------------ Worksheet

  const sheetIndexer = (key: unknown): FakeSheet => {
    const sheet = wb.findSheet(str(key, 'key'));
    if (!sheet) throw excelError('ItemNotFound', `no worksheet '${key}'`);
    return sheet;
  };

  const worksheetDef: TypeDef<WorksheetObj> = {
    check: (o) => sheetAlive(wb, o.sheet),
    id: (o) => o.sheet.id,
    scalars: {
      id: { get: (o) => o.sheet.id },
      name: { get: (o) => o.sheet.name, set: (o, v) => (o.sheet.name = checkSheetName(wb, v, o.sheet)) },
      position: {
        get: (o) => wb.sheets.indexOf(o.sheet),
        set: (o, v) => {
          const p = int(v, 'position');
          if (p < 0 || p >= wb.sheets.length) throw excelError('InvalidArgument', `position ${p} is out of range`);
          wb.sheets.splice(wb.sheets.indexOf(o.sheet), 1);
          wb.sheets.splice(p, 0, o.sheet);
        },
      },
      visibility: {
        get: (o) => o.sheet.visibility,
        set: (o, v) => {
          const vis = oneOf('SheetVisibility', v, 'visibility') as FakeSheet['visibility'];
          if (vis !== 'Visible' && o.sheet.visibility === 'Visible' && visibleSheets(wb).length === 1) {
            throw excelError('InvalidOperation', 'a workbook must keep at least one visible worksheet');
          }
          o.sheet.visibility = vis;
          if (vis !== 'Visible') activateNextVisible(wb, o.sheet);
        },
      },
      tabColor: { get: (o) => o.sheet.tabColor, set: (o, v) => (o.sheet.tabColor = v === '' ? '' : normalizeColor(v, 'tabColor')) },
      showGridlines: { get: (o) => o.sheet.showGridlines, set: (o, v) => (o.sheet.showGridlines = bool(v, 'showGridlines')) },
      standardWidth: { get: () => 8.43 },
      standardHeight: { get: () => DEFAULT_ROW_HEIGHT },
    },
    nav: {
      freezePanes: (o) => new SheetPartObj('WorksheetFreezePanes', o.sheet),
      pageLayout: (o) => new SheetPartObj('PageLayout', o.sheet),
      charts: (o) => new ChartCollectionObj(o.sheet),
      horizontalPageBreaks: (o) => new PageBreakCollectionObj(o.sheet, 'rowBreaks'),
      verticalPageBreaks: (o) => new PageBreakCollectionObj(o.sheet, 'columnBreaks'),
      tables: (o) => new TableCollectionObj(o.sheet),
      protection: (o) => new WorksheetProtectionObj(o.sheet),
    },
    methods: {
      getRange: (o, [address]) => getRangeOnSheet(o.sheet, address),
      getRangeByIndexes: (o, [row, col, rows, cols]) => {
        const r0 = int(row, 'startRow');
        const c0 = int(col, 'startColumn');
        const nr = int(rows, 'rowCount');
        const nc = int(cols, 'columnCount');
        if (nr < 1 || nc < 1) throw excelError('InvalidArgument', 'rowCount and columnCount must be at least 1');
        return range(o.sheet, { r0, c0, r1: r0 + nr - 1, c1: c0 + nc - 1 });
      },
      getCell: (o, [row, column]) => {
        const r = int(row, 'row');
        const c = int(column, 'column');
        return range(o.sheet, { r0: r, c0: c, r1: r, c1: c });
      },
      getUsedRange: (o, [valuesOnly]) => range(o.sheet, usedRect(o.sheet, valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }),
      getUsedRangeOrNullObject: (o, [valuesOnly]) => {
        const used = usedRect(o.sheet, valuesOnly);
        return used ? range(o.sheet, used) : null;
      },
      activate: (o) => {
        if (o.sheet.visibility !== 'Visible') throw excelError('InvalidOperation', `${o.sheet.name} is hidden`);
        wb.activeSheetId = o.sheet.id;
      },
      delete: (o) => {
        if (o.sheet.visibility === 'Visible' && visibleSheets(wb).length === 1) {
          throw excelError('InvalidOperation', 'a workbook must keep at least one visible worksheet');
        }
        activateNextVisible(wb, o.sheet);
        wb.sheets.splice(wb.sheets.indexOf(o.sheet), 1);
      },
      getNext: (o, [visibleOnly]) => {
        const next = neighbour(o.sheet, 1, visibleOnly === true);
        if (!next) throw excelError('ItemNotFound', `no worksheet after ${o.sheet.name}`);
        return sheetObj(next);
      },
      getNextOrNullObject: (o, [visibleOnly]) => {
        const next = neighbour(o.sheet, 1, visibleOnly === true);
        return next ? sheetObj(next) : null;
      },
      getPrevious: (o, [visibleOnly]) => {
        const prev = neighbour(o.sheet, -1, visibleOnly === true);
        if (!prev) throw excelError('ItemNotFound', `no worksheet before ${o.sheet.name}`);
        return sheetObj(prev);
      },
      getPreviousOrNullObject: (o, [visibleOnly]) => {
        const prev = neighbour(o.sheet, -1, visibleOnly === true);
        return prev ? sheetObj(prev) : null;
      },
    },
  };

  function neighbour(sheet: FakeSheet, step: 1 | -1, visibleOnly: boolean): FakeSheet | undefined {
    for (let i = wb.sheets.indexOf(sheet) + step; i >= 0 && i < wb.sheets.length; i += step) {
      if (!visibleOnly || wb.sheets[i].visibility === 'Visible') return wb.sheets[i];
    }
    return undefined;
  }

  const worksheetCollectionDef: TypeDef<WorksheetCollectionObj> = {
    items: () => wb.sheets.map(sheetObj),
    indexer: (_o, key) => sheetObj(sheetIndexer(key)),
    methods: {
      getItemOrNullObject: (_o, [key]) => {
        const sheet = wb.findSheet(str(key, 'key'));
        return sheet ? sheetObj(sheet) : null;
      },
      add: (_o, [name]) => {
        const sheet = wb.addSheet(name === undefined || name === null ? undefined : checkSheetName(wb, name));
        return sheetObj(sheet);
      },
      getActiveWorksheet: () => {
        const active = wb.activeSheet;
        if (!active) throw excelError('ItemNotFound', 'no active worksheet');
        return sheetObj(active);
      },
      getCount: (_o, [visibleOnly]) => (visibleOnly === true ? visibleSheets(wb).length : wb.sheets.length),
      getFirst: (_o, [visibleOnly]) => {
        const s = visibleOnly === true ? visibleSheets(wb)[0] : wb.sheets[0];
        if (!s) throw excelError('ItemNotFound', 'no worksheet');
        return sheetObj(s);
      },
      getLast: (_o, [visibleOnly]) => {
        const list = visibleOnly === true ? visibleSheets(wb) : wb.sheets;
        const s = list[list.length - 1];
        if (!s) throw excelError('ItemNotFound', 'no worksheet');
        return sheetObj(s);
      },
    },
  };

  // ------------------------------------------------------------ freeze panes, page layout

  const freezePanesDef: TypeDef<SheetPartObj> = {
    check: (o) => sheetAlive(wb, o.sheet),
    methods: {
      freezeRows: (o, [count]) => {
        const n = count === undefined || count === null ? 1 : int(count, 'count');
        if (n < 0 || n >= SHEET_ROWS) throw excelError('InvalidArgument', `cannot freeze ${n} rows`);
        o.sheet.freeze = { rows: n, columns: 0 };
      },
      freezeColumns: (o, [count]) => {
        const n = count === undefined || count === null ? 1 : int(count, 'count');
        if (n < 0 || n >= SHEET_COLUMNS) throw excelError('InvalidArgument', `cannot freeze ${n} columns`);
        o.sheet.freeze = { rows: 0, columns: n };
      },
      freezeAt: (o, [frozen]) => {
        const rect = rectArg(o.sheet, frozen, 'frozenRange');
        o.sheet.freeze = { rows: isEntireColumns(rect) ? 0 : rect.r1 + 1, columns: isEntireRows(rect) ? 0 : rect.c1 + 1 };
      },
      unfreeze: (o) => {
        o.sheet.freeze = { rows: 0, columns: 0 };
      },
      getLocationOrNullObject: (o) => {
        const { rows, columns } = o.sheet.freeze;
        if (!rows && !columns) return null;
        return new RangeObj(o.sheet, {
          r0: 0,
          c0: 0,
          r1: rows ? rows - 1 : SHEET_ROWS - 1,
          c1: columns ? columns - 1 : SHEET_COLUMNS - 1,
        });
      },
    },
  };

  const layoutBool = (key: 'centerHorizontally' | 'centerVertically' | 'printGridlines' | 'printHeadings') => ({
    get: (o: SheetPartObj) => o.sheet.pageLayout[key],
    set: (o: SheetPartObj, v: unknown) => (o.sheet.pageLayout[key] = bool(v, key)),
  });
  const layoutMargin = (key: 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin') => ({
    get: (o: SheetPartObj) => o.sheet.pageLayout[key],
    set: (o: SheetPartObj, v: unknown) => {
      const n = num(v, key);
      if (n < 0) throw excelError('InvalidArgument', `${key} must not be negative`);
      o.sheet.pageLayout[key] = n;
    },
  });
  const rowsOnly = (sheet: FakeSheet, v: unknown, what: string): string => {
    const rect = rectArg(sheet, v, what);
    return `${rect.r0 + 1}:${rect.r1 + 1}`;
  };

  const pageLayoutDef: TypeDef<SheetPartObj> = {
    check: (o) => sheetAlive(wb, o.sheet),
    scalars: {
      orientation: { get: (o) => o.sheet.pageLayout.orientation, set: (o, v) => (o.sheet.pageLayout.orientation = oneOf('PageOrientation', v, 'orientation')) },
      paperSize: { get: (o) => o.sheet.pageLayout.paperSize, set: (o, v) => (o.sheet.pageLayout.paperSize = oneOf('PaperType', v, 'paperSize')) },
      zoom: {
        get: (o) => ({ ...o.sheet.pageLayout.zoom }),
        set: (o, v) => {
          if (typeof v !== 'object' || v === null || Array.isArray(v)) throw excelError('InvalidArgument', 'zoom must be an object');
          const zoom: FakeSheet['pageLayout']['zoom'] = {};
          for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
            if (k !== 'scale' && k !== 'horizontalFitToPages' && k !== 'verticalFitToPages') throw excelError('InvalidArgument', `zoom has no member ${k}`);
            if (x === null || x === undefined) continue;
            const n = int(x, `zoom.${k}`);
            if (k === 'scale' && (n < 10 || n > 400)) throw excelError('InvalidArgument', `zoom.scale ${n} is outside 10..400`);
            if (k !== 'scale' && n < 0) throw excelError('InvalidArgument', `zoom.${k} must not be negative`);
            zoom[k] = n;
          }
          o.sheet.pageLayout.zoom = zoom;
        },
      },
      centerHorizontally: layoutBool('centerHorizontally'),
      centerVertically: layoutBool('centerVertically'),
      printGridlines: layoutBool('printGridlines'),
      printHeadings: layoutBool('printHeadings'),
      leftMargin: layoutMargin('leftMargin'),
      rightMargin: layoutMargin('rightMargin'),
      topMargin: layoutMargin('topMargin'),
      bottomMargin: layoutMargin('bottomMargin'),
      headerMargin: layoutMargin('headerMargin'),
      footerMargin: layoutMargin('footerMargin'),
    },
    methods: {
      setPrintTitleRows: (o, [rows]) => void (o.sheet.pageLayout.printTitleRows = rowsOnly(o.sheet, rows, 'printTitleRows')),
      getPrintTitleRowsOrNullObject: (o) => {
        const t = o.sheet.pageLayout.printTitleRows;
        return t ? new RangeObj(o.sheet, parseAddress(t)!.rect) : null;
      },
      getPrintTitleRows: (o) => {
        const t = o.sheet.pageLayout.printTitleRows;
        if (!t) throw excelError('ItemNotFound', 'no print title rows');
        return new RangeObj(o.sheet, parseAddress(t)!.rect);
      },
      setPrintArea: (o, [area]) => void (o.sheet.pageLayout.printArea = formatRect(rectArg(o.sheet, area, 'printArea'))),
      getPrintAreaOrNullObject: (o) => {
        const a = o.sheet.pageLayout.printArea;
        return a ? new RangeAreasObj(o.sheet, areasOf(a)) : null;
      },
    },
  };

  // ------------------------------------------------------------ charts

  const chartAlive = (sheet: FakeSheet, chart: FakeChart) => {
    sheetAlive(wb, sheet);
    if (!sheet.charts.includes(chart)) throw excelError('ItemNotFound', `the chart ${chart.name} was deleted`);
  };
  const seriesAlive = (o: { sheet: FakeSheet; chart: FakeChart; series: FakeChartSeries }) => {
    chartAlive(o.sheet, o.chart);
    if (!o.chart.series.includes(o.series)) throw excelError('ItemNotFound', `the series ${o.series.name} was deleted`);
  };
  const chartObj = (sheet: FakeSheet, chart: FakeChart) => new ChartObj('Chart', sheet, chart);
  const seriesObj = (sheet: FakeSheet, chart: FakeChart, series: FakeChartSeries) => new ChartSeriesObj('ChartSeries', sheet, chart, series);

  /** Category charts only: scatter, bubble, stock, radar … read their data differently. */
  const chartType = (v: unknown): string => {
    const t = oneOf('ChartType', v, 'type');
    if (!/^(3D)?(Column|Bar|Line|Pie|Doughnut|Area)/.test(t)) throw new NotEmulatedError(`charts of type ${t}`);
    return t;
  };

  const sourceOf = (sheet: FakeSheet, rect: Rect): FakeChartSource => ({ sheetId: sheet.id, address: formatRect(rect) });
  const sourceRange = (src: FakeChartSource): RangeObj => {
    const sheet = wb.findSheet(src.sheetId);
    if (!sheet) throw new NotEmulatedError('a chart series whose source sheet was deleted (#REF!)');
    return new RangeObj(sheet, parseAddress(src.address)!.rect);
  };
  /** A series' values or categories: one row or one column of any sheet. */
  const lineArg = (v: unknown, what: string): FakeChartSource => {
    if (!(v instanceof RangeObj)) throw excelError('InvalidArgument', `${what} must be a Range`);
    if (v.rect.r0 !== v.rect.r1 && v.rect.c0 !== v.rect.c1) throw new NotEmulatedError(`${what} over several rows and columns (${formatRect(v.rect)})`);
    return sourceOf(v.sheet, v.rect);
  };
  const pointCount = (series: FakeChartSeries) => (series.values ? rectArea(parseAddress(series.values.address)!.rect) : 0);

  type CellKind = 'empty' | 'number' | 'text';
  const kindAt = (sheet: FakeSheet, r: number, c: number): CellKind => {
    const where = `${sheet.name}!${cellKey(r, c)}`;
    const v = readValue(sheet.cells[cellKey(r, c)], where);
    if (v === '') return 'empty';
    if (typeof v === 'number') return 'number';
    if (typeof v === 'string') return 'text';
    throw new NotEmulatedError(`charting the logical value in ${where}`);
  };

  /**
   * How Excel reads a chart's source range (Charts.add, as Insert > Chart does): with series in
   * columns (or rows), a first row of text over numbers names the series and a first column of text
   * labels the categories (an empty top-left cell belongs to both). What is left must be numbers or
   * empty cells; anything less clear-cut fails loudly rather than guess Excel's heuristics.
   */
  const seriesFromSource = (sheet: FakeSheet, rect: Rect, seriesBy: unknown): FakeChartSeries[] => {
    guard(rect, 'ChartCollection.add');
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    let by = seriesBy === undefined || seriesBy === null ? 'Auto' : oneOf('ChartSeriesBy', seriesBy, 'seriesBy');
    if (by === 'Auto') {
      if (rows === cols) throw new NotEmulatedError(`Excel's choice of series for the square range ${formatRect(rect)}`, "pass seriesBy 'Columns' or 'Rows'");
      by = rows > cols ? 'Columns' : 'Rows';
    }
    // i runs along a series (its points), j across the series.
    const points = by === 'Columns' ? rows : cols;
    const lines = by === 'Columns' ? cols : rows;
    const at = (i: number, j: number) => (by === 'Columns' ? { r: rect.r0 + i, c: rect.c0 + j } : { r: rect.r0 + j, c: rect.c0 + i });
    const kind = (i: number, j: number) => {
      const { r, c } = at(i, j);
      return kindAt(sheet, r, c);
    };
    const labelsOnly = (kinds: CellKind[]) => kinds.length > 0 && !kinds.includes('number') && kinds.includes('text');
    const span = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
    const labels = lines > 1 && labelsOnly(span(1, points).map((i) => kind(i, 0)));
    const header = points > 1 && labelsOnly(span(labels ? 1 : 0, lines).map((j) => kind(0, j)));
    const first = header ? 1 : 0;
    const firstLine = labels ? 1 : 0;
    if (first >= points || firstLine >= lines) throw new NotEmulatedError(`a chart of ${formatRect(rect)}, which holds no numbers to plot`);
    for (let j = firstLine; j < lines; j++)
      for (let i = first; i < points; i++)
        if (kind(i, j) === 'text') {
          const { r, c } = at(i, j);
          throw new NotEmulatedError(`Excel's reading of the text in ${sheet.name}!${cellKey(r, c)} as chart data`);
        }
    const line = (j: number): Rect => {
      const a = at(first, j);
      const b = at(points - 1, j);
      return { r0: a.r, c0: a.c, r1: b.r, c1: b.c };
    };
    return span(firstLine, lines).map((j, n) => {
      const { r, c } = at(0, j);
      const name = header ? String(readValue(sheet.cells[cellKey(r, c)], `${sheet.name}!${cellKey(r, c)}`)) : `Series${n + 1}`;
      return { name, values: sourceOf(sheet, line(j)), categories: labels ? sourceOf(sheet, line(0)) : null, fill: null, pointFills: {} };
    });
  };

  const findChart = (sheet: FakeSheet, key: unknown): FakeChart | undefined => {
    const k = str(key, 'name');
    return sheet.charts.find((c) => c.id === k) ?? sheet.charts.find((c) => c.name.toLowerCase() === k.toLowerCase());
  };

  const chartCollectionDef: TypeDef<ChartCollectionObj> = {
    check: (o) => sheetAlive(wb, o.sheet),
    items: (o) => o.sheet.charts.map((c) => chartObj(o.sheet, c)),
    // The library addresses loaded items by their id; getItem(name) is a method.
    indexer: (o, key) => {
      const chart = findChart(o.sheet, key);
      if (!chart) throw excelError('ItemNotFound', `no chart '${key}'`);
      return chartObj(o.sheet, chart);
    },
    scalars: { count: { get: (o) => o.sheet.charts.length } },
    methods: {
      add: (o, [type, sourceData, seriesBy]) => {
        const t = chartType(type);
        if (!(sourceData instanceof RangeObj) || sourceData.sheet !== o.sheet) {
          throw new NotEmulatedError('a chart whose source data is not a range of its own sheet');
        }
        const chart: FakeChart = {
          id: wb.newId('chart'),
          name: `Chart ${++o.sheet.chartsAdded}`,
          type: t,
          title: { text: null, visible: null },
          series: seriesFromSource(o.sheet, sourceData.rect, seriesBy),
          anchor: null,
          valueAxisMinimum: null,
        };
        o.sheet.charts.push(chart);
        return chartObj(o.sheet, chart);
      },
      getCount: (o) => o.sheet.charts.length,
      getItem: (o, [name]) => {
        const chart = o.sheet.charts.find((c) => c.name.toLowerCase() === str(name, 'name').toLowerCase());
        if (!chart) throw excelError('ItemNotFound', `no chart named '${name}'`);
        return chartObj(o.sheet, chart);
      },
      getItemOrNullObject: (o, [name]) => {
        const chart = o.sheet.charts.find((c) => c.name.toLowerCase() === str(name, 'name').toLowerCase());
        return chart ? chartObj(o.sheet, chart) : null;
      },
      getItemAt: (o, [index]) => {
        const chart = o.sheet.charts[int(index, 'index')];
        if (!chart) throw excelError('ItemNotFound', `no chart at ${index}`);
        return chartObj(o.sheet, chart);
      },
    },
  };

  /** Points from the top-left of the sheet to the anchor's edges (charts move and size with cells). */
  const anchorPoints = (o: ChartObj) => {
    if (!o.chart.anchor) throw new NotEmulatedError(`the default place and size of ${o.chart.name}`, 'call setPosition first');
    const rect = parseAddress(o.chart.anchor)!.rect;
    if (rect.r1 > 100000 || rect.c1 > 1000) throw new NotEmulatedError(`the position of a chart anchored at ${o.chart.anchor}`);
    let left = 0;
    let width = 0;
    let top = 0;
    let height = 0;
    for (let c = 0; c <= rect.c1; c++) {
      if (c < rect.c0) left += widthOf(o.sheet, c);
      else width += widthOf(o.sheet, c);
    }
    for (let r = 0; r <= rect.r1; r++) {
      if (r < rect.r0) top += heightOf(o.sheet, r);
      else height += heightOf(o.sheet, r);
    }
    return { left, width, top, height };
  };
  const placement = (key: 'left' | 'width' | 'top' | 'height') => ({
    get: (o: ChartObj) => anchorPoints(o)[key],
    set: () => {
      throw new NotEmulatedError(`Chart.${key} (placing a chart by points)`, 'use setPosition');
    },
  });

  const chartDef: TypeDef<ChartObj> = {
    check: (o) => chartAlive(o.sheet, o.chart),
    id: (o) => o.chart.id,
    scalars: {
      id: { get: (o) => o.chart.id },
      name: {
        get: (o) => o.chart.name,
        set: (o, v) => {
          const n = str(v, 'name');
          if (!n.trim()) throw excelError('InvalidArgument', 'a chart name must not be empty');
          o.chart.name = n;
        },
      },
      chartType: { get: (o) => o.chart.type, set: (o, v) => (o.chart.type = chartType(v)) },
      left: placement('left'),
      top: placement('top'),
      width: placement('width'),
      height: placement('height'),
    },
    nav: {
      title: (o) => new ChartObj('ChartTitle', o.sheet, o.chart),
      series: (o) => new ChartObj('ChartSeriesCollection', o.sheet, o.chart),
      axes: (o) => new ChartObj('ChartAxes', o.sheet, o.chart),
      worksheet: (o) => sheetObj(o.sheet),
    },
    methods: {
      delete: (o) => {
        o.sheet.charts = o.sheet.charts.filter((c) => c !== o.chart);
      },
      // The chart covers startCell's top-left corner to endCell's bottom-right one.
      setPosition: (o, [startCell, endCell]) => {
        if (endCell === undefined || endCell === null || endCell === '') throw new NotEmulatedError('Chart.setPosition without endCell', 'the chart would keep its size');
        const start = rectArg(o.sheet, startCell, 'startCell');
        const end = rectArg(o.sheet, endCell, 'endCell');
        if (end.r1 < start.r0 || end.c1 < start.c0) throw excelError('InvalidArgument', 'endCell lies above or left of startCell');
        o.chart.anchor = formatRect({ r0: start.r0, c0: start.c0, r1: end.r1, c1: end.c1 });
      },
    },
  };

  const chartTitleDef: TypeDef<ChartObj> = {
    check: (o) => chartAlive(o.sheet, o.chart),
    scalars: {
      text: {
        get: (o) => {
          if (o.chart.title.text === null) throw new NotEmulatedError(`the automatic title of ${o.chart.name}`);
          return o.chart.title.text;
        },
        // A chart without a title gets one when its text is set.
        set: (o, v) => (o.chart.title = { text: str(v, 'text'), visible: true }),
      },
      visible: {
        get: (o) => {
          if (o.chart.title.visible === null) throw new NotEmulatedError(`whether ${o.chart.name} shows its automatic title`);
          return o.chart.title.visible;
        },
        set: (o, v) => (o.chart.title.visible = bool(v, 'visible')),
      },
    },
  };

  // Only the value axis's minimum is emulated: the report sets it so counts start at 0.
  const chartAxesDef: TypeDef<ChartObj> = {
    check: (o) => chartAlive(o.sheet, o.chart),
    nav: {
      valueAxis: (o) => {
        if (o.chart.type.startsWith('Pie')) throw excelError('GeneralException', 'a pie chart has no value axis');
        return new ChartObj('ChartAxis', o.sheet, o.chart);
      },
    },
  };

  const chartAxisDef: TypeDef<ChartObj> = {
    check: (o) => chartAlive(o.sheet, o.chart),
    scalars: {
      minimum: {
        get: (o) => {
          if (o.chart.valueAxisMinimum === null) throw new NotEmulatedError(`the automatic value axis minimum of ${o.chart.name}`);
          return o.chart.valueAxisMinimum;
        },
        set: (o, v) => (o.chart.valueAxisMinimum = num(v, 'minimum')),
      },
    },
  };

  const chartSeriesCollectionDef: TypeDef<ChartObj> = {
    check: (o) => chartAlive(o.sheet, o.chart),
    items: (o) => o.chart.series.map((s) => seriesObj(o.sheet, o.chart, s)),
    scalars: { count: { get: (o) => o.chart.series.length } },
    methods: {
      getCount: (o) => o.chart.series.length,
      getItemAt: (o, [index]) => {
        const series = o.chart.series[int(index, 'index')];
        if (!series) throw excelError('ItemNotFound', `no series at ${index}`);
        return seriesObj(o.sheet, o.chart, series);
      },
      // A new series plots nothing until its values are set.
      add: (o, [name, index]) => {
        const series: FakeChartSeries = {
          name: name === undefined || name === null ? `Series${o.chart.series.length + 1}` : str(name, 'name'),
          values: null,
          categories: null,
          fill: null,
          pointFills: {},
        };
        const at = index === undefined || index === null ? o.chart.series.length : int(index, 'index');
        if (at < 0 || at > o.chart.series.length) throw excelError('InvalidArgument', `series index ${at} is out of range`);
        o.chart.series.splice(at, 0, series);
        return seriesObj(o.sheet, o.chart, series);
      },
    },
  };

  const chartSeriesDef: TypeDef<ChartSeriesObj> = {
    check: seriesAlive,
    scalars: {
      name: { get: (o) => o.series.name, set: (o, v) => (o.series.name = str(v, 'name')) },
      chartType: {
        get: (o) => o.chart.type,
        set: () => {
          throw new NotEmulatedError('ChartSeries.chartType (a combination chart)');
        },
      },
    },
    nav: {
      format: (o) => new ChartSeriesObj('ChartSeriesFormat', o.sheet, o.chart, o.series),
      points: (o) => new ChartSeriesObj('ChartPointsCollection', o.sheet, o.chart, o.series),
    },
    methods: {
      setValues: (o, [source]) => {
        o.series.values = lineArg(source, 'sourceData');
        o.series.pointFills = {};
      },
      setXAxisValues: (o, [source]) => void (o.series.categories = lineArg(source, 'sourceData')),
      delete: (o) => {
        o.chart.series = o.chart.series.filter((s) => s !== o.series);
      },
      // Values as the cells show them (General format: the number's digits).
      getDimensionValues: (o, [dimension]) => {
        const d = oneOf('ChartSeriesDimension', dimension, 'dimension');
        const src = d === 'Values' ? o.series.values : d === 'Categories' ? o.series.categories : undefined;
        if (src === undefined) throw new NotEmulatedError(`the ${d} of a category chart's series`);
        if (src === null) throw new NotEmulatedError(`Excel's default ${d.toLowerCase()} of ${o.series.name}`);
        const r = sourceRange(src);
        return grid(r.sheet, r.rect, 'ChartSeries.getDimensionValues', (cell, row, col) => cellText(cell, `${r.sheet.name}!${cellKey(row, col)}`, wb.date1904)).flat();
      },
    },
  };

  const chartSeriesFormatDef: TypeDef<ChartSeriesObj> = {
    check: seriesAlive,
    nav: { fill: (o) => new ChartFillObj(o.sheet, o.chart, o.series, null) },
  };

  const chartPointsCollectionDef: TypeDef<ChartSeriesObj> = {
    check: seriesAlive,
    items: (o) => Array.from({ length: pointCount(o.series) }, (_, i) => new ChartPointObj('ChartPoint', o.sheet, o.chart, o.series, i)),
    scalars: { count: { get: (o) => pointCount(o.series) } },
    methods: {
      getCount: (o) => pointCount(o.series),
      getItemAt: (o, [index]) => {
        const i = int(index, 'index');
        if (i < 0 || i >= pointCount(o.series)) throw excelError('ItemNotFound', `${o.series.name} has no point ${i} (it has ${pointCount(o.series)})`);
        return new ChartPointObj('ChartPoint', o.sheet, o.chart, o.series, i);
      },
    },
  };

  const pointAlive = (o: ChartPointObj) => {
    seriesAlive(o);
    if (o.index >= pointCount(o.series)) throw excelError('ItemNotFound', `${o.series.name} no longer has a point ${o.index}`);
  };
  const chartPointDef: TypeDef<ChartPointObj> = {
    check: pointAlive,
    scalars: {
      value: {
        get: (o) => {
          const r = sourceRange(o.series.values!);
          const line = r.rect.r0 === r.rect.r1 ? { r: r.rect.r0, c: r.rect.c0 + o.index } : { r: r.rect.r0 + o.index, c: r.rect.c0 };
          const v = readValue(r.sheet.cells[cellKey(line.r, line.c)], `${r.sheet.name}!${cellKey(line.r, line.c)}`);
          return typeof v === 'number' ? v : null;
        },
      },
    },
    nav: { format: (o) => new ChartPointObj('ChartPointFormat', o.sheet, o.chart, o.series, o.index) },
  };
  const chartPointFormatDef: TypeDef<ChartPointObj> = {
    check: pointAlive,
    nav: { fill: (o) => new ChartFillObj(o.sheet, o.chart, o.series, o.index) },
  };

  const chartFillDef: TypeDef<ChartFillObj> = {
    check: (o) => {
      seriesAlive(o);
      if (o.point !== null && o.point >= pointCount(o.series)) throw excelError('ItemNotFound', `${o.series.name} no longer has a point ${o.point}`);
    },
    methods: {
      setSolidColor: (o, [color]) => {
        const c = normalizeColor(color, 'color');
        if (o.point === null) o.series.fill = c;
        else o.series.pointFills[o.point] = c;
      },
      clear: (o) => {
        if (o.point === null) o.series.fill = null;
        else delete o.series.pointFills[o.point];
      },
    },
  };

  // ------------------------------------------------------------ page breaks

  /** Excel keeps at most 1026 manual breaks each way on a sheet. */
  const MAX_PAGE_BREAKS = 1026;
  const breakId = (along: PageBreakObj['along'], at: number) => `${along === 'rowBreaks' ? 'R' : 'C'}${at}`;

  const pageBreakCollectionDef: TypeDef<PageBreakCollectionObj> = {
    check: (o) => sheetAlive(wb, o.sheet),
    items: (o) => o.sheet[o.along].map((at) => new PageBreakObj(o.sheet, o.along, at)),
    // getItem(index) by position; the library addresses loaded items by their _Id.
    indexer: (o, key) => {
      const list = o.sheet[o.along];
      const at = typeof key === 'number' ? list[key] : list.find((x) => breakId(o.along, x) === key);
      if (at === undefined) throw excelError('ItemNotFound', `no page break ${key}`);
      return new PageBreakObj(o.sheet, o.along, at);
    },
    methods: {
      // A horizontal break goes above the range's top row, a vertical one left of its first column.
      add: (o, [where]) => {
        const rect = rectArg(o.sheet, where, 'pageBreakRange');
        const at = o.along === 'rowBreaks' ? rect.r0 : rect.c0;
        if (at === 0) throw new NotEmulatedError(`a page break before the first ${o.along === 'rowBreaks' ? 'row' : 'column'}`);
        const list = o.sheet[o.along];
        if (!list.includes(at)) {
          if (list.length >= MAX_PAGE_BREAKS) throw new NotEmulatedError(`more than ${MAX_PAGE_BREAKS} manual page breaks`);
          list.push(at);
          list.sort((a, b) => a - b);
        }
        return new PageBreakObj(o.sheet, o.along, at);
      },
      getCount: (o) => o.sheet[o.along].length,
      removePageBreaks: (o) => void (o.sheet[o.along] = []),
    },
  };

  const pageBreakDef: TypeDef<PageBreakObj> = {
    check: (o) => {
      sheetAlive(wb, o.sheet);
      if (!o.sheet[o.along].includes(o.at)) throw excelError('ItemNotFound', 'the page break was removed');
    },
    id: (o) => breakId(o.along, o.at),
    scalars: {
      // The file keeps only the row of a horizontal break (column of a vertical one); the other index reads 0.
      rowIndex: { get: (o) => (o.along === 'rowBreaks' ? o.at : 0) },
      columnIndex: { get: (o) => (o.along === 'columnBreaks' ? o.at : 0) },
    },
    methods: {
      delete: (o) => void (o.sheet[o.along] = o.sheet[o.along].filter((x) => x !== o.at)),
      getCellAfterBreak: (o) => (o.along === 'rowBreaks' ? range(o.sheet, { r0: o.at, c0: 0, r1: o.at, c1: 0 }) : range(o.sheet, { r0: 0, c0: o.at, r1: 0, c1: o.at })),
    },
  };

  // ------------------------------------------------------------ workbook, application, names

  const namedItemDef: TypeDef<NamedItemObj> = {
    check: (o) => {
      if (!wb.names.includes(o.item)) throw excelError('ItemNotFound', `the name ${o.item.name} was deleted`);
    },
    scalars: {
      name: { get: (o) => o.item.name },
      formula: { get: (o) => o.item.formula, set: (o, v) => (o.item.formula = str(v, 'formula')) },
      comment: { get: (o) => o.item.comment, set: (o, v) => (o.item.comment = str(v, 'comment')) },
      visible: { get: (o) => o.item.visible, set: (o, v) => (o.item.visible = bool(v, 'visible')) },
      scope: { get: () => 'Workbook' },
      type: {
        get: (o) => {
          const body = o.item.formula.replace(/^=/, '');
          if (nameRange(o.item)) return 'Range';
          if (NUMBER_TEXT.test(body)) return 'Double';
          if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
          if (/^".*"$/.test(body)) return 'String';
          return 'Formula';
        },
      },
      value: {
        get: (o) => {
          const r = nameRange(o.item);
          if (r) return qualify(r.sheet.name, r.rect).replace(/!(.*)$/, (_m, a: string) => `!${a.replace(/([A-Z]+|\d+)/g, '$$$1')}`);
          const body = o.item.formula.replace(/^=/, '');
          if (NUMBER_TEXT.test(body)) return Number(body);
          if (/^".*"$/.test(body)) return body.slice(1, -1).replace(/""/g, '"');
          throw new NotEmulatedError(`the value of the name ${o.item.name} (${o.item.formula})`);
        },
      },
    },
    methods: {
      getRange: (o) => {
        const r = nameRange(o.item);
        if (!r) throw excelError('InvalidOperation', `${o.item.name} does not refer to a range`);
        return r;
      },
      getRangeOrNullObject: (o) => nameRange(o.item),
      delete: (o) => {
        wb.names = wb.names.filter((n) => n !== o.item);
      },
    },
  };

  const findName = (key: unknown) => wb.names.find((n) => n.name.toLowerCase() === str(key, 'name').toLowerCase());

  const namedItemCollectionDef: TypeDef<NamedItemCollectionObj> = {
    items: () => wb.names.map((n) => new NamedItemObj(n)),
    indexer: (_o, key) => {
      const n = findName(key);
      if (!n) throw excelError('ItemNotFound', `no name '${key}'`);
      return new NamedItemObj(n);
    },
    methods: {
      getItemOrNullObject: (_o, [key]) => {
        const n = findName(key);
        return n ? new NamedItemObj(n) : null;
      },
      getCount: () => wb.names.length,
      add: (_o, [name, reference, comment]) => {
        const n = str(name, 'name');
        if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(n) || parseAddress(n)) throw excelError('InvalidArgument', `'${n}' is not a valid name`);
        if (findName(n)) throw excelError('ItemAlreadyExists', `the name ${n} exists`);
        let formula: string;
        if (reference instanceof RangeObj) {
          formula = `=${qualify(reference.sheet.name, reference.rect).replace(/!(.*)$/, (_m, a: string) => `!${a.replace(/([A-Z]+|\d+)/g, '$$$1')}`)}`;
        } else {
          const s = str(reference, 'reference');
          formula = s.startsWith('=') ? s : `=${s}`;
        }
        const item: FakeName = { name: n, formula, comment: comment === undefined || comment === null ? '' : str(comment, 'comment'), visible: true };
        wb.names.push(item);
        return new NamedItemObj(item);
      },
    },
  };

  const applicationDef: TypeDef<ApplicationObj> = {
    scalars: {
      calculationMode: { get: () => wb.calculationMode, set: (_o, v) => (wb.calculationMode = oneOf('CalculationMode', v, 'calculationMode')) },
      calculationState: { get: () => 'Done' },
      decimalSeparator: { get: () => '.' },
      thousandsSeparator: { get: () => ',' },
      useSystemSeparators: { get: () => true },
    },
    methods: {
      // No calculation engine: these are counted in the host's stats so a test can see they were asked for.
      calculate: (_o, [type], ctx) => {
        oneOf('CalculationType', type, 'calculationType');
        ctx.count('calculate');
      },
      suspendScreenUpdatingUntilNextSync: (_o, _a, ctx) => ctx.count('suspendScreenUpdatingUntilNextSync'),
      suspendApiCalculationUntilNextSync: (_o, _a, ctx) => ctx.count('suspendApiCalculationUntilNextSync'),
    },
  };

  // ------------------------------------------------------------ tables, protection, functions

  const tablesOf = (o: TableCollectionObj) => (o.sheet ? [o.sheet] : wb.sheets).flatMap((sheet) => sheet.tables.map((t) => new TableObj(sheet, t)));
  const findTable = (o: TableCollectionObj, key: unknown) => {
    const k = str(key, 'key').toLowerCase();
    return tablesOf(o).find((t) => t.table.name.toLowerCase() === k || t.table.id === key) ?? null;
  };
  const tableCollectionDef: TypeDef<TableCollectionObj> = {
    items: tablesOf,
    indexer: (o, key) => {
      const t = findTable(o, key);
      if (!t) throw excelError('ItemNotFound', `no table '${key}'`);
      return t;
    },
    scalars: { count: { get: (o) => tablesOf(o).length } },
    methods: {
      getCount: (o) => tablesOf(o).length,
      getItemOrNullObject: (o, [key]) => findTable(o, key),
      getItemAt: (o, [i]) => {
        const t = tablesOf(o)[int(i, 'index')];
        if (!t) throw excelError('ItemNotFound', `no table at ${i}`);
        return t;
      },
    },
  };
  const tableRect = (o: TableObj) => parseAddress(o.table.address)!.rect;
  const tableDef: TypeDef<TableObj> = {
    check: (o) => {
      sheetAlive(wb, o.sheet);
      if (!o.sheet.tables.includes(o.table)) throw excelError('ItemNotFound', 'the table was deleted');
    },
    id: (o) => o.table.id,
    scalars: {
      id: { get: (o) => o.table.id },
      name: { get: (o) => o.table.name },
      showHeaders: { get: () => true },
      showTotals: { get: () => false },
    },
    nav: { worksheet: (o) => sheetObj(o.sheet) },
    methods: {
      getRange: (o) => range(o.sheet, tableRect(o)),
      getHeaderRowRange: (o) => range(o.sheet, { ...tableRect(o), r1: tableRect(o).r0 }),
      getDataBodyRange: (o) => {
        const t = tableRect(o);
        if (t.r1 === t.r0) throw new NotEmulatedError('the data body of a table without rows');
        return range(o.sheet, { ...t, r0: t.r0 + 1 });
      },
    },
  };

  const worksheetProtectionDef: TypeDef<WorksheetProtectionObj> = {
    scalars: { protected: { get: (o) => o.sheet.protected } },
    methods: {
      protect: (o) => void (o.sheet.protected = true),
      unprotect: (o) => void (o.sheet.protected = false),
    },
  };

  // DATE() as the workbook's date system computes it: 1904-01-01 is 1462 in the 1900 system and 0 in
  // the 1904 one (https://learn.microsoft.com/en-us/javascript/api/excel/excel.functions#excel-excel-functions-date-member(1),
  // https://learn.microsoft.com/office/troubleshoot/excel/1900-and-1904-date-system).
  const functionsDef: TypeDef<FunctionsObj> = {
    methods: {
      date: (_o, [year, month, day]) => new FunctionResultObj(dateSerial(int(year, 'year'), int(month, 'month'), int(day, 'day'), wb.date1904)),
    },
  };
  const functionResultDef: TypeDef<FunctionResultObj> = {
    scalars: { value: { get: (o) => o.value }, error: { get: () => null } },
  };

  const activeRange = (): RangeObj => {
    const sheet = wb.activeSheet;
    if (!sheet) throw excelError('ItemNotFound', 'no active worksheet');
    return new RangeObj(sheet, parseAddress(sheet.selection)!.rect);
  };

  const workbookDef: TypeDef<WorkbookObj> = {
    nav: {
      worksheets: () => new WorksheetCollectionObj(),
      names: () => new NamedItemCollectionObj(),
      application: () => new ApplicationObj(),
      tables: () => new TableCollectionObj(null),
      functions: () => new FunctionsObj(),
    },
    methods: {
      getSelectedRange: () => activeRange(),
      getActiveCell: () => {
        const r = activeRange();
        return new RangeObj(r.sheet, { r0: r.rect.r0, c0: r.rect.c0, r1: r.rect.r0, c1: r.rect.c0 });
      },
      _RemoveReference: (_o, [id], ctx) => {
        ctx.refs.delete(String(id));
      },
    },
  };

  const defs: Record<string, TypeDef<never>> = {
    Workbook: workbookDef,
    Application: applicationDef,
    WorksheetCollection: worksheetCollectionDef,
    Worksheet: worksheetDef,
    WorksheetFreezePanes: freezePanesDef,
    PageLayout: pageLayoutDef,
    NamedItemCollection: namedItemCollectionDef,
    NamedItem: namedItemDef,
    Range: rangeDef,
    RangeAreas: rangeAreasDef,
    RangeCollection: rangeCollectionDef,
    RangeFormat: rangeFormatDef,
    RangeFill: rangeFillDef,
    RangeFont: rangeFontDef,
    RangeBorderCollection: rangeBorderCollectionDef,
    RangeBorder: rangeBorderDef,
    ConditionalFormatCollection: conditionalFormatCollectionDef,
    ConditionalFormat: conditionalFormatDef,
    CustomConditionalFormat: customConditionalFormatDef,
    ConditionalFormatRule: conditionalFormatRuleDef,
    ConditionalRangeFormat: conditionalRangeFormatDef,
    ConditionalRangeFill: conditionalRangeFillDef,
    ConditionalRangeFont: conditionalRangeFontDef,
    DataValidation: dataValidationDef,
    ChartCollection: chartCollectionDef,
    Chart: chartDef,
    ChartTitle: chartTitleDef,
    ChartAxes: chartAxesDef,
    ChartAxis: chartAxisDef,
    ChartSeriesCollection: chartSeriesCollectionDef,
    ChartSeries: chartSeriesDef,
    ChartSeriesFormat: chartSeriesFormatDef,
    ChartPointsCollection: chartPointsCollectionDef,
    ChartPoint: chartPointDef,
    ChartPointFormat: chartPointFormatDef,
    ChartFill: chartFillDef,
    PageBreakCollection: pageBreakCollectionDef,
    PageBreak: pageBreakDef,
    TableCollection: tableCollectionDef,
    Table: tableDef,
    WorksheetProtection: worksheetProtectionDef,
    Functions: functionsDef,
    FunctionResult: functionResultDef,
  };
  return { root: new WorkbookObj(), defs: defs as unknown as Record<string, TypeDef> };
}

