/**
 * The in-memory workbook the fake Excel answers from: plain data a test builds from matrices and
 * inspects after a run. Cells are keyed by their A1 address ('B3'); absent cells are empty and
 * unformatted. Everything here is what Excel would keep in the file, nothing about the session.
 */
import { cellKey, formatRect, parseAddress, parseAreas, parseCellKey, Rect, rectIntersects, columnIndex } from './address';

export type CellValue = string | number | boolean;

export interface BorderLine {
  /** Excel.BorderLineStyle: 'Continuous', 'Dash', 'Double', … */
  style: string;
  /** Excel.BorderWeight: 'Hairline', 'Thin', 'Medium', 'Thick'. */
  weight: string;
  /** '#RRGGBB'. */
  color: string;
}

export interface FakeFont {
  bold?: boolean;
  italic?: boolean;
  /** '#RRGGBB'. */
  color?: string;
  size?: number;
  name?: string;
  underline?: string;
  strikethrough?: boolean;
}

export interface FakeCell {
  /** The value Excel shows; undefined while the cell is empty or holds a formula the fake cannot calculate. */
  value?: CellValue;
  /** '=…' when the cell holds a formula. */
  formula?: string;
  numberFormat?: string;
  /** Fill colour, '#RRGGBB'. */
  fill?: string;
  font?: FakeFont;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: { top?: BorderLine; bottom?: BorderLine; left?: BorderLine; right?: BorderLine };
}

export interface FakeConditionalFormat {
  /**
   * The fake's own name for the format, for tests to tell formats apart. Excel never shows it: the
   * API's ConditionalFormat.id is the format's position (see excel/conditional-format.ts).
   */
  id: string;
  /** One or more areas, comma-separated, without the sheet: 'A2:F100' or 'A2:F10,A12:F20'. */
  address: string;
  /** Excel.ConditionalFormatType; the fake implements 'Custom'. */
  type: string;
  /** The custom rule's formula, e.g. '=$F2="红"'. */
  formula: string | null;
  fill: string | null;
  font: { color: string | null; bold: boolean | null; italic: boolean | null; strikethrough: boolean | null; underline: string | null };
  numberFormat: string | null;
  /** 0 is applied first. */
  priority: number;
  stopIfTrue: boolean;
}

export interface FakeDataValidation {
  /** Areas without the sheet, comma-separated. */
  address: string;
  /** As the add-in set it, e.g. { list: { inCellDropDown: true, source: '红,黄,绿' } }. */
  rule: Record<string, unknown>;
  ignoreBlanks: boolean;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
}

export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null };
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  /** Rows repeated at the top of each printed page, '1:2', or null. */
  printTitleRows: string | null;
  /** Print area without the sheet, or null. */
  printArea: string | null;
}

/** A range a chart reads: the sheet by id (a rename keeps the reference, as in Excel) and the area. */
export interface FakeChartSource {
  sheetId: string;
  /** 'B5:B7', without the sheet. */
  address: string;
}

export interface FakeChartSeries {
  /** Legend text ('Series1' … when Excel named it). */
  name: string;
  /** One row or one column; null for a series added without values yet. */
  values: FakeChartSource | null;
  /** Category labels (the x axis); null: Excel's 1, 2, 3 … */
  categories: FakeChartSource | null;
  /** A solid fill set through the API, '#RRGGBB', or null (the chart style's colour). */
  fill: string | null;
  /** Solid fills of single points (a pie's slices) by 0-based point index. */
  pointFills: Record<number, string>;
}

export interface FakeChart {
  id: string;
  /** 'Chart 1' …, unique per sheet unless renamed. */
  name: string;
  /** Excel.ChartType: 'ColumnClustered', 'Pie', … */
  type: string;
  /** null until set: Excel's automatic title, which the fake does not compute. */
  title: { text: string | null; visible: boolean | null };
  series: FakeChartSeries[];
  /** The cells the chart covers after setPosition ('H3:N20'), or null: Excel's default place and size. */
  anchor: string | null;
  /** The value axis's minimum once set, or null: Excel's automatic minimum, which the fake does not compute. */
  valueAxisMinimum: number | null;
}

/** An Excel Table (ListObject): a header row and the rows below it. */
export interface FakeTable {
  id: string;
  name: string;
  /** Header row included, without the sheet: 'A3:L120'. */
  address: string;
}

export interface FakeName {
  name: string;
  /** '=Sheet1!$A$1:$B$2' or a constant such as '=42' / '="text"'. */
  formula: string;
  comment: string;
  visible: boolean;
}

/** Excel on the web's default column width and row height, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export class FakeSheet {
  /** Cells by A1 key ('B3'). */
  cells: Record<string, FakeCell> = {};
  /** Column widths in points by column letters ('C'); absent columns have the default width. */
  columnWidths: Record<string, number> = {};
  /** Row heights in points by 1-based row number; absent rows have the default height. */
  rowHeights: Record<string, number> = {};
  /** Merged areas, 'A1:C1'. */
  merges: string[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  dataValidations: FakeDataValidation[] = [];
  /** Embedded charts in z-order (the order Excel lists them). */
  charts: FakeChart[] = [];
  /** Manual page breaks: 0-based index of the first row (column) of each new printed page, ascending. */
  rowBreaks: number[] = [];
  columnBreaks: number[] = [];
  /** @internal Excel numbers new charts per sheet and does not reuse numbers ('Chart 3' after deleting 'Chart 2'). */
  chartsAdded = 0;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor = '';
  freeze = { rows: 0, columns: 0 };
  pageLayout: FakePageLayout = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    printHeadings: false,
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    printTitleRows: null,
    printArea: null,
  };
  /** Ranges the add-in asked Excel to autofit ('columns A:F'); the fake cannot measure text, so widths stay. */
  autofitted: string[] = [];
  /** The selection in this sheet, without the sheet name. */
  selection = 'A1';
  /** Excel Tables on the sheet. */
  tables: FakeTable[] = [];
  /** Sheet protection on (every cell locked, as Excel's default): writes are refused. */
  protected = false;
  showGridlines = true;

  constructor(
    public name: string,
    public readonly id: string,
  ) {}

  cell(address: string): FakeCell | undefined {
    return this.cells[address.replace(/\$/g, '').toUpperCase()];
  }

  /** The values of an area ('' for empty), or of A1 to the last used cell when no address is given. */
  values(address?: string): (CellValue | '')[][] {
    return this.grid(address, (c) => c?.value ?? '');
  }

  numberFormats(address?: string): string[][] {
    return this.grid(address, (c) => c?.numberFormat ?? 'General');
  }

  fills(address?: string): (string | null)[][] {
    return this.grid(address, (c) => c?.fill ?? null);
  }

  formulas(address?: string): (string | null)[][] {
    return this.grid(address, (c) => c?.formula ?? null);
  }

  /** Width in points of a column given by letters ('C') or zero-based index. */
  columnWidth(column: string | number): number {
    const letters = typeof column === 'number' ? cellKey(0, column).replace(/\d+$/, '') : column.toUpperCase();
    return this.columnWidths[letters] ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row1Based: number): number {
    return this.rowHeights[String(row1Based)] ?? DEFAULT_ROW_HEIGHT;
  }

  /** A1 to the last cell holding a value (or any stored cell when valuesOnly is false); null if none. */
  usedRect(valuesOnly = true): Rect | null {
    let r1 = -1;
    let c1 = -1;
    let r0 = Infinity;
    let c0 = Infinity;
    for (const [key, cell] of Object.entries(this.cells)) {
      if (valuesOnly && cell.value === undefined && cell.formula === undefined) continue;
      const { row, col } = parseCellKey(key);
      r0 = Math.min(r0, row);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, row);
      c1 = Math.max(c1, col);
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** The conditional formats whose areas intersect an address, highest priority first. */
  conditionalFormatsAt(address: string): FakeConditionalFormat[] {
    const target = rectOf(address);
    return this.conditionalFormats
      .filter((cf) => (parseAreas(cf.address) ?? []).some((a) => rectIntersects(a.rect, target)))
      .sort((a, b) => a.priority - b.priority);
  }

  private grid<T>(address: string | undefined, pick: (c: FakeCell | undefined) => T): T[][] {
    let rect: Rect;
    if (address) rect = rectOf(address);
    else {
      const used = this.usedRect(false);
      if (!used) return [];
      rect = { r0: 0, c0: 0, r1: used.r1, c1: used.c1 };
    }
    const out: T[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: T[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(pick(this.cells[cellKey(r, c)]));
      out.push(row);
    }
    return out;
  }
}

function rectOf(address: string): Rect {
  const p = parseAddress(address);
  if (!p) throw new Error(`Not an address: ${address}`);
  return p.rect;
}

export interface SheetSpec {
  name: string;
  /** Written from A1 (or from `origin`); '' and null leave the cell empty. */
  values?: (CellValue | null)[][];
  /** Same shape as values or smaller; null keeps 'General'. */
  numberFormats?: (string | null)[][];
  /** Formulas with their last calculated value taken from `values`: same shape, null for none. */
  formulas?: (string | null)[][];
  origin?: string;
  merges?: string[];
  /** By column letters, in points. */
  columnWidths?: Record<string, number>;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Excel Tables by name and address (header row included). */
  tables?: { name: string; address: string }[];
  /** The sheet is protected (all cells locked). */
  protected?: boolean;
}

export interface WorkbookSpec {
  /** Initial add-in settings (Office.context.document.settings), as values; stored serialized. */
  settings?: Record<string, unknown>;
  /** The sheet shown when the workbook opens; defaults to the first visible sheet. */
  activeSheet?: string;
  /** The 1904 date system (a Mac-origin workbook): date serials count from 1904-01-01. */
  date1904?: boolean;
}

/** Document settings are stored the way Office serializes them: one JSON text per key, dates as "Date(ms)". */
function serializeSetting(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, k: string, v: unknown) {
    const raw = this[k];
    return raw instanceof Date ? `Date(${raw.getTime()})` : v;
  });
}

function deserializeSetting(text: string): unknown {
  return JSON.parse(text, (_k, v) =>
    typeof v === 'string' && v.length > 6 && v.startsWith('Date(') && v.endsWith(')') ? new Date(parseInt(v.slice(5, -1), 10)) : v,
  );
}

export class FakeWorkbook {
  /** In tab order: a sheet's position is its index here. */
  sheets: FakeSheet[] = [];
  activeSheetId = '';
  names: FakeName[] = [];
  /** Add-in settings as the host stores them: key → serialized JSON text. */
  settings: Record<string, string> = {};
  /** Excel.CalculationMode. */
  calculationMode = 'Automatic';
  /** The 1904 date system: cells hold serials counted from 1904-01-01 (serial 0), as Excel keeps them. */
  date1904 = false;
  /** @internal How many times the workbook was opened (a host created on it): ids that Excel gives per session differ. */
  sessions = 0;
  private nextSheetNumber = 1;
  private nextId = 1;

  static fromSheets(specs: SheetSpec[], options: WorkbookSpec = {}): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const spec of specs) {
      const sheet = wb.addSheet(spec.name);
      sheet.visibility = spec.visibility ?? 'Visible';
      const origin = spec.origin ? parseCellKey(spec.origin) : { row: 0, col: 0 };
      const rows = Math.max(spec.values?.length ?? 0, spec.numberFormats?.length ?? 0, spec.formulas?.length ?? 0);
      for (let r = 0; r < rows; r++) {
        const width = Math.max(spec.values?.[r]?.length ?? 0, spec.numberFormats?.[r]?.length ?? 0, spec.formulas?.[r]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          const cell: FakeCell = {};
          const v = spec.values?.[r]?.[c];
          if (v !== undefined && v !== null && v !== '') cell.value = v;
          const f = spec.numberFormats?.[r]?.[c];
          if (f && f !== 'General') cell.numberFormat = f;
          const fx = spec.formulas?.[r]?.[c];
          if (fx) cell.formula = fx;
          if (Object.keys(cell).length) sheet.cells[cellKey(origin.row + r, origin.col + c)] = cell;
        }
      }
      for (const m of spec.merges ?? []) sheet.merges.push(formatRect(rectOf(m)));
      for (const [col, w] of Object.entries(spec.columnWidths ?? {})) sheet.columnWidths[col.toUpperCase()] = w;
      for (const t of spec.tables ?? []) sheet.tables.push({ id: wb.newId('table'), name: t.name, address: formatRect(rectOf(t.address)) });
      sheet.protected = spec.protected ?? false;
    }
    wb.date1904 = options.date1904 ?? false;
    for (const [k, v] of Object.entries(options.settings ?? {})) wb.settings[k] = serializeSetting(v);
    const active = options.activeSheet ? wb.sheet(options.activeSheet) : wb.sheets.find((s) => s.visibility === 'Visible');
    wb.activeSheetId = active?.id ?? '';
    return wb;
  }

  /** Adds a sheet at the end, as Excel does; the name defaults to the next 'SheetN'. */
  addSheet(name?: string): FakeSheet {
    let chosen = name;
    while (!chosen || this.findSheet(chosen)) {
      if (name && chosen === name) throw new Error(`A sheet named ${name} already exists`);
      chosen = `Sheet${this.nextSheetNumber++}`;
    }
    const id = `{00000000-${String(this.nextId++).padStart(4, '0')}-0000-C000-000000000000}`;
    const sheet = new FakeSheet(chosen, id);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = id;
    return sheet;
  }

  /** By name (case-insensitive, as Excel compares) or id. */
  findSheet(nameOrId: string): FakeSheet | undefined {
    const key = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key || s.id.toLowerCase() === key);
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`No sheet named ${name}; sheets: ${this.sheets.map((x) => x.name).join(', ')}`);
    return s;
  }

  get activeSheet(): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === this.activeSheetId);
  }

  /** Sheet names in tab order. */
  get sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A setting as the add-in would read it back (deserialized), or undefined. */
  setting(name: string): unknown {
    const text = this.settings[name];
    return text === undefined ? undefined : deserializeSetting(text);
  }

  setSetting(name: string, value: unknown): void {
    this.settings[name] = serializeSetting(value);
  }

  /** @internal ids for conditional formats. */
  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }
}

export { columnIndex };
