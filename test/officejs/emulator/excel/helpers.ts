/** What the Excel types share: argument checks, cells, values and their text, sheet and area bookkeeping. */
import { SHEET_COLUMNS, SHEET_ROWS } from '../../../../src/core';
import { Rect, cellKey, columnLetters, formatAreas, formatRect, parseAddress, parseAreas, parseCellKey, rectArea, rectSubtract } from '../address';
import { CellValue, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, FakeCell, FakeFont, FakeSheet, FakeWorkbook } from '../fake-workbook';
import { NotEmulatedError, excelError } from '../rich-api';
import { RangeObj } from './objects';

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

export function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw excelError('InvalidArgument', `${what} must be a string, got ${JSON.stringify(v)}`);
  return v;
}

export function bool(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') throw excelError('InvalidArgument', `${what} must be a boolean, got ${JSON.stringify(v)}`);
  return v;
}

export function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw excelError('InvalidArgument', `${what} must be a number, got ${JSON.stringify(v)}`);
  return v;
}

export function int(v: unknown, what: string): number {
  const n = num(v, what);
  if (!Number.isInteger(n)) throw excelError('InvalidArgument', `${what} must be an integer, got ${n}`);
  return n;
}

/** The common HTML colour names Excel accepts; other names fail loudly rather than guess. */
export const NAMED_COLORS: Record<string, string> = {
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

export function pruneCell(cell: FakeCell): boolean {
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

export function mutate(sheet: FakeSheet, r: number, c: number, fn: (cell: FakeCell) => void): void {
  const key = cellKey(r, c);
  const cell = sheet.cells[key] ?? {};
  fn(cell);
  if (pruneCell(cell)) sheet.cells[key] = cell;
  else delete sheet.cells[key];
}

export function guard(rect: Rect, what: string): void {
  if (rectArea(rect) > CELL_LIMIT) {
    throw new NotEmulatedError(`${what} over ${formatRect(rect)}`, `${rectArea(rect)} cells; the fake keeps cells one by one`);
  }
}

export function forEachCell(rect: Rect, what: string, fn: (r: number, c: number) => void): void {
  guard(rect, what);
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) fn(r, c);
}

export function grid<T>(sheet: FakeSheet, rect: Rect, what: string, pick: (cell: FakeCell | undefined, r: number, c: number) => T): T[][] {
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
export function uniform<T>(sheet: FakeSheet, rect: Rect, pick: (cell: FakeCell) => T | undefined, fallback: T): T | null {
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
export function cellInputs(rect: Rect, value: unknown): (r: number, c: number) => unknown {
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

export const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
/** Texts Excel converts on entry in ways the fake does not emulate (dates, times, percentages, currency, grouping, formulas). */
export const CONVERTED_TEXT: [RegExp, string][] = [
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
export function excelNumber(text: string): number {
  const n = Number(text.trim());
  return n === 0 ? 0 : Number(n.toPrecision(15));
}

/** Writes one input of Range.values / Range.formulas into a cell, with Excel's conversions on entry. */
export function writeCellInput(cell: FakeCell, v: unknown, where: string): void {
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

export function readValue(cell: FakeCell | undefined, where: string): CellValue | '' {
  if (cell?.formula !== undefined && cell.value === undefined) {
    throw new NotEmulatedError(`calculating ${cell.formula} in ${where}`, 'the fake has no calculation engine; read formulas instead');
  }
  return cell?.value ?? '';
}

export function generalText(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const s = String(v);
  if (s.length <= 11 && !/e/i.test(s)) return s;
  throw new NotEmulatedError(`the General format's text for ${v}`);
}

export function cellText(cell: FakeCell | undefined, where: string, date1904: boolean): string {
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
export function dateText(serial: number, format: string, date1904: boolean): string | null {
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

export function valueType(cell: FakeCell | undefined, where: string): string {
  const v = readValue(cell, where);
  if (v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/.test(v) ? 'Error' : 'String';
}

export function sheetAlive(wb: FakeWorkbook, sheet: FakeSheet): void {
  if (!wb.sheets.includes(sheet)) throw excelError('ItemNotFound', `worksheet ${sheet.name} was deleted`);
}

export function checkGrid(rect: Rect): Rect {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= SHEET_ROWS || rect.c1 >= SHEET_COLUMNS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
    throw excelError('InvalidArgument', 'the range would lie outside the worksheet grid');
  }
  return rect;
}

export const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;
export function checkSheetName(wb: FakeWorkbook, name: unknown, self?: FakeSheet): string {
  const s = str(name, 'name');
  if (!s.length || s.length > 31 || SHEET_NAME_FORBIDDEN.test(s) || s.startsWith("'") || s.endsWith("'") || s.toLowerCase() === 'history') {
    throw excelError('InvalidArgument', `'${s}' is not a valid sheet name`);
  }
  const other = wb.findSheet(s);
  if (other && other !== self && other.name.toLowerCase() === s.toLowerCase()) throw excelError('ItemAlreadyExists', `a sheet named ${other.name} exists`);
  return s;
}

export function visibleSheets(wb: FakeWorkbook): FakeSheet[] {
  return wb.sheets.filter((s) => s.visibility === 'Visible');
}

export function activateNextVisible(wb: FakeWorkbook, leaving: FakeSheet): void {
  if (wb.activeSheetId !== leaving.id) return;
  const i = wb.sheets.indexOf(leaving);
  const next = wb.sheets.slice(i + 1).find((s) => s !== leaving && s.visibility === 'Visible') ?? [...wb.sheets.slice(0, i)].reverse().find((s) => s.visibility === 'Visible');
  if (next) wb.activeSheetId = next.id;
}

export function mergesOf(sheet: FakeSheet): Rect[] {
  return sheet.merges.map((m) => parseAddress(m)!.rect);
}

export function areasOf(address: string): Rect[] {
  return (parseAreas(address) ?? []).map((a) => a.rect);
}

/**
 * A protected sheet refuses every change to its (locked) cells. Excel answers AccessDenied ("You
 * cannot perform the requested operation", https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-error-handling#api-error-codes);
 * the fake takes every cell as locked, which is Excel's default
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotection).
 */
export function editable(sheet: FakeSheet, what: string): void {
  if (sheet.protected) throw excelError('AccessDenied', `${what}: the worksheet ${sheet.name} is protected`);
}

/**
 * "If the number of merged areas in this range is more than 512, then this method will fail to
 * return the result" (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
 */
export const MAX_MERGED_AREAS = 512;

/** DATE(year, month, day) as a serial of the workbook's date system (1900: serial 1 is 1900-01-01 with the 1900-02-29 quirk; 1904: serial 0 is 1904-01-01). */
export function dateSerial(year: number, month: number, day: number, date1904: boolean): number {
  const days = Date.UTC(year, month - 1, day) / 86_400_000;
  if (date1904) return days - Date.UTC(1904, 0, 1) / 86_400_000;
  const serial = days - Date.UTC(1899, 11, 30) / 86_400_000;
  return serial < 61 ? serial - 1 : serial;
}

export function renumberPriorities(sheet: FakeSheet): void {
  sheet.conditionalFormats.sort((a, b) => a.priority - b.priority).forEach((cf, i) => (cf.priority = i));
}

export const DV_TYPES: Record<string, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};

export const setCellFormat = (o: RangeObj, what: string, fn: (cell: FakeCell) => void) => {
  editable(o.sheet, what);
  forEachCell(o.rect, what, (r, c) => mutate(o.sheet, r, c, fn));
};

export const clearConditionalFormats = (sheet: FakeSheet, rect: Rect) => {
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => {
    const rest = areasOf(cf.address).flatMap((a) => rectSubtract(a, rect));
    cf.address = formatAreas(rest);
    return rest.length > 0;
  });
  renumberPriorities(sheet);
};

export const widthOf = (sheet: FakeSheet, c: number) => sheet.columnWidths[columnLetters(c)] ?? DEFAULT_COLUMN_WIDTH;
export const heightOf = (sheet: FakeSheet, r: number) => sheet.rowHeights[String(r + 1)] ?? DEFAULT_ROW_HEIGHT;
