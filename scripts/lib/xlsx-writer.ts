/**
 * A small .xlsx writer for test material and demos: sheets of values, merges, column widths,
 * a frozen pane, a few fixed styles and, optionally, the 1904 date system.
 *
 * It builds XML by string concatenation (no DOM) so a 100,000 × 20 ledger takes seconds, and it
 * depends on fflate only. Parts follow the element order of the ISO/IEC 29500 transitional schema
 * (sml.xsd), which Excel enforces: a child out of order makes Excel "repair" the file.
 */
import { Zip, ZipDeflate, zipSync, strToU8, strFromU8, type Zippable } from 'fflate';

/** A plain cell value. `null`/`undefined`/'' leave the cell out. */
export type CellValue = string | number | boolean | null | undefined;

/** The fixed styles of the writer's styles part (see `STYLE_INDEX`). */
export type StyleName =
  | 'default'
  | 'title'
  | 'header'
  | 'body'
  | 'text'
  | 'date'
  | 'dateBuiltin'
  | 'dateCn'
  | 'left';

/** A cell with more than a value. */
export interface CellSpec {
  v?: CellValue;
  /** A calendar date 'YYYY-MM-DD', written as a serial number (1900 or 1904 system) with a date style. */
  date?: string;
  /** Write this string inline (t="inlineStr") instead of into the shared-strings table. */
  inline?: boolean;
  style?: StyleName;
  /** A formula without the leading '='; `v` is written as its cached value. */
  f?: string;
}

export type CellInput = CellValue | CellSpec;

export interface SheetSpec {
  name: string;
  /** rows[0] is sheet row 1; each row's first item is column A. Any iterable, so big sheets can stream. */
  rows: Iterable<CellInput[]>;
  /** Merged areas such as 'A1:Q1'. */
  merges?: string[];
  /** Column widths in Excel's character units, by 0-based column index; gaps keep the default. */
  colWidths?: (number | undefined)[];
  /** Freeze panes so that this cell is the top-left of the scrolling area, e.g. 'B5'. */
  freeze?: string;
  /** Page setup for printing: A4, landscape, all columns fitted to the page width. */
  print?: { landscape?: boolean; fitToWidth?: boolean };
  /** Row heights in points, by 1-based row number. */
  rowHeights?: Record<number, number>;
}

export interface DefinedName {
  name: string;
  /** The formula, e.g. "'台账'!$A$1:$Q$40". */
  ref: string;
  /** 0-based sheet index for a sheet-local name such as _xlnm.Print_Area. */
  localSheet?: number;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Dates count from 1904-01-01 (old Mac Excel). */
  date1904?: boolean;
  /** Where strings go by default: the shared-strings table (what Excel does) or inline. */
  strings?: 'shared' | 'inline';
  definedNames?: DefinedName[];
  /** Deflate level; 1 is much faster for big benchmark files. */
  compression?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** docProps/core.xml metadata; fixed defaults keep the output byte-stable. */
  creator?: string;
  /** ISO timestamp for dcterms:created/modified, e.g. '2026-11-30T08:00:00Z'. */
  modified?: string;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Index of each style in cellXfs. The order here is the order written in styles.xml. */
export const STYLE_INDEX: Readonly<Record<StyleName, number>> = {
  default: 0,
  title: 1,
  header: 2,
  body: 3,
  text: 4,
  date: 5,
  dateBuiltin: 6,
  dateCn: 7,
  left: 8,
};

// ---------------------------------------------------------------- small helpers

/** Escape text for element content. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escape text for a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`,
  );
}

/**
 * Encode a string the way SpreadsheetML stores it (ST_Xstring): characters XML 1.0 cannot carry and
 * a literal "_xHHHH_" are written as _xHHHH_ escapes (ECMA-376 Part 1, 22.9.2.19). A carriage return
 * is escaped too, because XML parsers would turn it into a line feed.
 */
export function encodeXstring(s: string): string {
  // Fast path: almost every ledger string has neither control characters nor "_x".
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\r\ufffe\uffff]|_x/.test(s)) return escapeText(s);
  const escaped = s
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\r\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeText(escaped);
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'B' → 1. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Serial number of a calendar date. 1900 system: 1900-03-01 is 61 because Excel keeps Lotus's
 * phantom 1900-02-29; dates before March 1900 are never needed here. 1904 system: 1904-01-01 is 0.
 */
export function dateToSerial(iso: string, date1904 = false): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`dateToSerial: expected YYYY-MM-DD, got "${iso}"`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`dateToSerial: no such date "${iso}"`);
  }
  const days = Math.round(utc / 86400000);
  // 25569 = serial of 1970-01-01 in the 1900 system; 24107 in the 1904 system (1462 days less).
  const serial = days + (date1904 ? 24107 : 25569);
  if (!date1904 && serial < 61) throw new Error('dateToSerial: dates before 1900-03-01 are not supported');
  if (serial < 0) throw new Error('dateToSerial: date before the epoch');
  return serial;
}

/** A number as SpreadsheetML writes it (xsd:double). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`xlsx-writer: cannot write ${n} as a cell value`);
  return String(n);
}

/**
 * A fixed modification time for every zip entry: fflate reads the Date's local fields, so a Date
 * built from local fields gives the same bytes in every time zone.
 */
const ZIP_MTIME = new Date(2026, 0, 1, 0, 0, 0);

/**
 * Zip parts into a package. [Content_Types].xml goes first, as Excel and LibreOffice write it;
 * the rest keep insertion order. Output is byte-stable for the same input.
 */
export function zipParts(parts: Record<string, string | Uint8Array>, level: WorkbookSpec['compression'] = 6): Uint8Array {
  const files: Zippable = {};
  const names = Object.keys(parts);
  const ordered = names.includes('[Content_Types].xml')
    ? ['[Content_Types].xml', ...names.filter((n) => n !== '[Content_Types].xml')]
    : names;
  for (const name of ordered) {
    const data = parts[name];
    files[name] = [typeof data === 'string' ? strToU8(data) : data, { level, mtime: ZIP_MTIME }];
  }
  return zipSync(files, { level, mtime: ZIP_MTIME });
}

// ---------------------------------------------------------------- shared strings

/** The shared-strings table: dedups strings and counts references, as Excel's count/uniqueCount do. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private refs = 0;

  add(s: string): number {
    this.refs++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }

  get size(): number {
    return this.list.length;
  }

  toXml(): string {
    const out: string[] = [
      `${XML_DECL}<sst xmlns="${NS_MAIN}" count="${this.refs}" uniqueCount="${this.list.length}">`,
    ];
    for (const s of this.list) out.push(`<si>${tElement(s)}</si>`);
    out.push('</sst>');
    return out.join('');
  }
}

/**
 * A <t> element. Leading or trailing whitespace needs xml:space="preserve", as Excel writes it
 * (the ISO schema omits the attribute; validators drop it first, see test/support/ooxml.ts).
 */
export function tElement(s: string): string {
  const preserve = /^[\s]|[\s]$/.test(s);
  return preserve ? `<t xml:space="preserve">${encodeXstring(s)}</t>` : `<t>${encodeXstring(s)}</t>`;
}

// ---------------------------------------------------------------- worksheet

interface SheetContext {
  sst: SharedStrings | null;
  date1904: boolean;
}

function isSpec(c: CellInput): c is CellSpec {
  return typeof c === 'object' && c !== null;
}

/** One <c> element, or '' for an empty cell. */
function cellXml(ref: string, input: CellInput, ctx: SheetContext): string {
  const spec: CellSpec = isSpec(input) ? input : { v: input };
  let style = spec.style;
  let value = spec.v;
  if (spec.date !== undefined) {
    value = dateToSerial(spec.date, ctx.date1904);
    if (!style) style = 'date';
  }
  const s = style && style !== 'default' ? ` s="${STYLE_INDEX[style]}"` : '';
  const f = spec.f !== undefined ? `<f>${escapeText(spec.f)}</f>` : '';
  if (value === null || value === undefined || value === '') {
    // A styled empty cell still matters (borders on a ledger); an unstyled one is left out.
    if (f) return `<c r="${ref}"${s}>${f}</c>`;
    return s ? `<c r="${ref}"${s}/>` : '';
  }
  if (typeof value === 'number') return `<c r="${ref}"${s}>${f}<v>${numberText(value)}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  if (f) return `<c r="${ref}"${s} t="str">${f}<v>${encodeXstring(value)}</v></c>`;
  if (spec.inline || !ctx.sst) return `<c r="${ref}"${s} t="inlineStr"><is>${tElement(value)}</is></c>`;
  return `<c r="${ref}"${s} t="s"><v>${ctx.sst.add(value)}</v></c>`;
}

/** Parse 'B5' into 0-based column and 1-based row. */
function splitRef(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`xlsx-writer: bad cell reference "${ref}"`);
  return { col: columnIndex(m[1]), row: Number(m[2]) };
}

/**
 * Collects XML text and turns it into UTF-8 chunks of about 64 KB. Big sheets then live as bytes
 * outside the JS heap instead of as one huge string, which is what made garbage collection
 * dominate the time of a 100,000-row sheet.
 */
class ChunkSink {
  readonly chunks: Uint8Array[] = [];
  private buf = '';
  push(s: string): void {
    this.buf += s;
    if (this.buf.length > 65536) this.flush();
  }
  flush(): void {
    if (this.buf) this.chunks.push(strToU8(this.buf));
    this.buf = '';
  }
}

/** Column letters A..XFD, computed once. */
const LETTERS: string[] = [];
function letter(c: number): string {
  return LETTERS[c] ?? (LETTERS[c] = columnLetter(c));
}

/** A worksheet part as UTF-8 chunks, in sml.xsd order. */
function worksheetChunks(sheet: SheetSpec, ctx: SheetContext, selected: boolean): Uint8Array[] {
  // sheetData goes into its own sink first, because <dimension> precedes it but depends on it.
  const data = new ChunkSink();
  let rowNo = 0;
  let maxCol = 0;
  let lastRow = 0;
  const heights = sheet.rowHeights ?? {};
  for (const row of sheet.rows) {
    rowNo++;
    let cells = '';
    for (let c = 0; c < row.length; c++) {
      const x = cellXml(letter(c) + rowNo, row[c], ctx);
      if (x) {
        cells += x;
        if (c + 1 > maxCol) maxCol = c + 1;
      }
    }
    const ht = heights[rowNo];
    if (cells || ht) {
      data.push(`<row r="${rowNo}"${ht ? ` ht="${ht}" customHeight="1"` : ''}>${cells}</row>`);
      lastRow = rowNo;
    }
  }
  data.flush();

  const head: string[] = [`${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`];
  if (sheet.print?.fitToWidth) head.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const dim = lastRow > 0 && maxCol > 0 ? `A1:${columnLetter(maxCol - 1)}${lastRow}` : 'A1';
  head.push(`<dimension ref="${dim}"/>`);

  const sel = selected ? ' tabSelected="1"' : '';
  if (sheet.freeze) {
    const { col, row } = splitRef(sheet.freeze);
    const xSplit = col;
    const ySplit = row - 1;
    const pane = xSplit && ySplit ? 'bottomRight' : ySplit ? 'bottomLeft' : 'topRight';
    const split = `${xSplit ? ` xSplit="${xSplit}"` : ''}${ySplit ? ` ySplit="${ySplit}"` : ''}`;
    head.push(
      `<sheetViews><sheetView${sel} workbookViewId="0"><pane${split} topLeftCell="${sheet.freeze}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${sheet.freeze}" sqref="${sheet.freeze}"/></sheetView></sheetViews>`,
    );
  } else {
    head.push(`<sheetViews><sheetView${sel} workbookViewId="0"/></sheetViews>`);
  }
  head.push('<sheetFormatPr defaultRowHeight="15"/>');

  const widths = sheet.colWidths ?? [];
  const cols: string[] = [];
  widths.forEach((w, i) => {
    if (w !== undefined) cols.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  });
  if (cols.length) head.push(`<cols>${cols.join('')}</cols>`);

  const tail: string[] = [];
  if (data.chunks.length) {
    head.push('<sheetData>');
    tail.push('</sheetData>');
  } else {
    head.push('<sheetData/>');
  }
  if (sheet.merges?.length) {
    tail.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  }
  tail.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (sheet.print) {
    const { landscape, fitToWidth } = sheet.print;
    tail.push(`<pageSetup paperSize="9"${landscape ? ' orientation="landscape"' : ''}${fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`);
  }
  tail.push('</worksheet>');
  return [strToU8(head.join('')), ...data.chunks, strToU8(tail.join(''))];
}

// ---------------------------------------------------------------- workbook-level parts

/** Fonts, fills, borders and cellXfs for STYLE_INDEX, in that order. */
function stylesXml(): string {
  return (
    `${XML_DECL}<styleSheet xmlns="${NS_MAIN}">` +
    '<numFmts count="2">' +
    '<numFmt numFmtId="176" formatCode="yyyy\\-mm\\-dd"/>' +
    '<numFmt numFmtId="177" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>' +
    '</numFmts>' +
    '<fonts count="3">' +
    '<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
    '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
    '<font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
    '</fonts>' +
    '<fills count="3">' +
    '<fill><patternFill patternType="none"/></fill>' +
    '<fill><patternFill patternType="gray125"/></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>' +
    '</fills>' +
    '<borders count="2">' +
    '<border><left/><right/><top/><bottom/><diagonal/></border>' +
    '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
    '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>' +
    '</borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="9">' +
    // default
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    // title: bold 16pt, centred across the merged title row
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
    // header: bold, grey, bordered, centred and wrapped
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
    // body: bordered, wrapped
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
    // text (@): ID numbers and phones must not turn into numbers
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>' +
    // date yyyy-mm-dd
    '<xf numFmtId="176" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>' +
    // date, built-in format 14 (shown as yyyy/m/d by Chinese Excel)
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>' +
    // date yyyy"年"m"月"d"日"
    '<xf numFmtId="177" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>' +
    // left: the 填报单位 / 填报日期 line
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="left" vertical="center"/></xf>' +
    '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}

function workbookXml(spec: WorkbookSpec): string {
  const pr = spec.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>';
  const sheets = spec.sheets
    .map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const names = spec.definedNames?.length
    ? `<definedNames>${spec.definedNames
        .map((d) => `<definedName name="${escapeAttr(d.name)}"${d.localSheet !== undefined ? ` localSheetId="${d.localSheet}"` : ''}>${escapeText(d.ref)}</definedName>`)
        .join('')}</definedNames>`
    : '';
  return (
    `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${pr}` +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
    `<sheets>${sheets}</sheets>${names}<calcPr calcId="191029"/></workbook>`
  );
}

function validateSheetName(name: string): void {
  // Excel's own limits: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '.
  if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
    throw new Error(`xlsx-writer: invalid sheet name "${name}"`);
  }
}

/** All parts of the package as UTF-8 chunks, in zip order, keyed by part name (no leading slash). */
function buildPackage(spec: WorkbookSpec): Map<string, Uint8Array[]> {
  if (!spec.sheets.length) throw new Error('xlsx-writer: a workbook needs at least one sheet');
  const seen = new Set<string>();
  for (const s of spec.sheets) {
    validateSheetName(s.name);
    const key = s.name.toLowerCase();
    if (seen.has(key)) throw new Error(`xlsx-writer: duplicate sheet name "${s.name}"`);
    seen.add(key);
  }
  const sst = spec.strings === 'inline' ? null : new SharedStrings();
  const ctx: SheetContext = { sst, date1904: !!spec.date1904 };
  const sheetParts = spec.sheets.map((s, i) => worksheetChunks(s, ctx, i === 0));
  const n = spec.sheets.length;
  const useSst = !!sst && sst.size > 0;

  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...spec.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    ...(useSst ? ['<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'] : []),
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
  ];
  const contentTypes =
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `${overrides.join('')}</Types>`;

  const rootRels =
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${NS_R}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>';

  const wbRels =
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
    spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${n + 1}" Type="${NS_R}/styles" Target="styles.xml"/>` +
    (useSst ? `<Relationship Id="rId${n + 2}" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    '</Relationships>';

  const stamp = spec.modified ?? '2026-01-01T00:00:00Z';
  const core =
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${escapeText(spec.creator ?? 'tricolor-ledger test material')}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`;
  const app =
    `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>tricolor-ledger xlsx-writer</Application></Properties>';

  const parts = new Map<string, Uint8Array[]>();
  const text = (name: string, xml: string) => parts.set(name, [strToU8(xml)]);
  text('[Content_Types].xml', contentTypes);
  text('_rels/.rels', rootRels);
  text('docProps/core.xml', core);
  text('docProps/app.xml', app);
  text('xl/workbook.xml', workbookXml(spec));
  text('xl/_rels/workbook.xml.rels', wbRels);
  sheetParts.forEach((chunks, i) => parts.set(`xl/worksheets/sheet${i + 1}.xml`, chunks));
  text('xl/styles.xml', stylesXml());
  if (useSst && sst) text('xl/sharedStrings.xml', sst.toXml());
  return parts;
}

/** All parts of the package as strings, keyed by part name (for tests and inspection of small workbooks). */
export function buildXlsxParts(spec: WorkbookSpec): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, chunks] of buildPackage(spec)) out[name] = chunks.map((c) => strFromU8(c)).join('');
  return out;
}

/** Build the .xlsx package bytes, streaming each part's chunks through deflate. */
export function writeXlsx(spec: WorkbookSpec): Uint8Array {
  const level = spec.compression ?? 6;
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  for (const [name, chunks] of buildPackage(spec)) {
    const file = new ZipDeflate(name, { level });
    file.mtime = ZIP_MTIME;
    zip.add(file);
    chunks.forEach((c, i) => file.push(c, i === chunks.length - 1));
    if (!chunks.length) file.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failure) throw failure;
  const total = out.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}
