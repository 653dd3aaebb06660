import { appendToList, attr, escapeXml, findElement, findElements, inPart, innerXml, requireElement, SPREADSHEET_NS, spreadsheetPrefix, XmlFormatError } from './xml';

/** Built-in number formats (ECMA-376 Part 1, 18.8.30) that show dates, including the zh-CN ones (27–36, 50–58). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const after = (name: string) => STYLE_ORDER.slice(STYLE_ORDER.indexOf(name) + 1);

/**
 * The most entries a list of the styles part may hold. Excel keeps at most 65,490 cell formats
 * (Excel specifications and limits), so twice that passes every workbook Excel, WPS or LibreOffice
 * saves; a part of millions (a few hundred kilobytes compressed) is refused before it is indexed,
 * which would take the command past its memory.
 */
export const MAX_STYLE_ENTRIES = 131_072;

/** What a list holds first when the part has none of it; together, the styles of a workbook that has none (MINIMAL_STYLES). */
const DEFAULT_ENTRIES: Record<string, string[]> = {
  fonts: ['<font><sz val="11"/><name val="宋体"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

/** The styles part given to a workbook without one: every list with its defaults. */
export const MINIMAL_STYLES = `<styleSheet xmlns="${SPREADSHEET_NS}">${Object.entries(DEFAULT_ENTRIES)
  .map(([list, items]) => `<${list} count="${items.length}">${items.join('')}</${list}>`)
  .join('')}</styleSheet>`;

/** The most cell formats (cellXfs) Excel opens a workbook with. */
export const EXCEL_CELL_FORMATS = 65_490;

/** A cell look the add-in needs; the same spec always maps to the same xf, so re-runs add nothing. */
export interface XfSpec {
  bold?: boolean;
  fontSize?: number;
  italic?: boolean;
  /** Solid fill colour, ARGB. */
  fill?: string;
  border?: boolean;
  numFmt?: string;
  horizontal?: 'left' | 'center' | 'right';
  wrap?: boolean;
}

/**
 * The styles part, read for number formats and extended append-only: existing fonts, fills,
 * borders, xfs and dxfs keep their indexes (cells all over the workbook point at them), and an
 * entry equal to one we need is reused rather than added again.
 */
export class StyleSheet {
  private readonly original: string;
  /** The part with the additions, made when first asked for after each addition. */
  private written: string | undefined;
  private xfFormats: number[] = [];
  private readonly customFormats = new Map<number, string>();
  /** Per list (fonts, fills, …): each entry's XML and its index, the first of equal ones; read once. */
  private readonly entries = new Map<string, { item: string; index: Map<string, number>; count: number; added: string[] }>();
  private font: { name: string; size: string } | undefined;

  constructor(
    xml: string,
    /** The part's name, for messages. */
    private readonly part = 'xl/styles.xml',
  ) {
    this.original = this.written = xml;
    inPart(part, () => this.index());
  }

  get changed(): boolean {
    return [...this.entries.values()].some((list) => list.added.length > 0);
  }

  /**
   * The part with every entry added, each list extended once: a part of 500,000 xfs (a hostile
   * file) is not searched and copied again for every style the add-in asks for.
   */
  toXml(): string {
    if (this.written === undefined)
      this.written = inPart(this.part, () => {
        let xml = this.original;
        for (const [list, { item, added }] of this.entries)
          if (added.length > 0) xml = appendToList(xml, list, item, added, styleSheetSpan(xml), after(list)).xml;
        return xml;
      });
    return this.written;
  }

  private index() {
    // Read with the part's own prefix (<x:styleSheet>); the add-in writes only into unprefixed parts.
    const xml = this.original;
    const p = spreadsheetPrefix(xml);
    const numFmts = findElement(xml, `${p}numFmts`);
    if (numFmts) checkEntryCount(xml, 'numFmts', `${p}numFmt`, numFmts);
    if (numFmts)
      for (const f of findElements(xml, `${p}numFmt`, numFmts.start, numFmts.end))
        this.customFormats.set(Number(attr(f.tag, 'numFmtId')), attr(f.tag, 'formatCode') ?? '');
    const cellXfs = findElement(xml, `${p}cellXfs`);
    if (cellXfs) checkEntryCount(xml, 'cellXfs', `${p}xf`, cellXfs);
    this.xfFormats = cellXfs ? findElements(xml, `${p}xf`, cellXfs.start, cellXfs.end).map((x) => Number(attr(x.tag, 'numFmtId') ?? 0)) : [];
  }

  /** The number format code of cell style `s`, null for General; built-in date ids read as 'yyyy-mm-dd'. */
  formatOf = (s: number): string | null => {
    const id = this.xfFormats[s] ?? 0;
    if (id === 0) return null;
    if (this.customFormats.has(id)) return this.customFormats.get(id)!;
    return BUILTIN_DATE_IDS.has(id) ? 'yyyy-mm-dd' : id >= 18 && id <= 21 ? 'h:mm' : '0';
  };

  /** Name of the workbook's default font, so the add-in's cells match the user's. */
  private defaultFont(): { name: string; size: string } {
    if (this.font) return this.font;
    const xml = this.original;
    const fonts = findElement(xml, 'fonts');
    if (fonts) checkEntryCount(xml, 'fonts', 'font', fonts);
    const first = fonts ? findElements(xml, 'font', fonts.start, fonts.end)[0] : undefined;
    const body = first ? xml.slice(first.start, first.end) : '';
    // attr reads either quote (a font written <name val='宋体'/> is found too).
    const val = (element: string) => {
      const tag = findElement(body, element)?.tag;
      return tag === undefined ? undefined : attr(tag, 'val');
    };
    return (this.font = { name: val('name') ?? '宋体', size: val('sz') ?? '11' });
  }

  /**
   * Cell formats that cells name past the end of the list (a damaged or hand-made part, which
   * readers show in the default format): the list is filled up to them with the default format, so
   * that a format the add-in adds never becomes theirs (a count of 26000 shown as 1971-03-08).
   */
  reserveXfs(highest: number) {
    if (!(highest >= 0 && highest < EXCEL_CELL_FORMATS)) return;
    const entries = this.entries.get('cellXfs') ?? inPart(this.part, () => this.readList('cellXfs', 'xf'));
    if (entries.count > highest) return;
    while (entries.count <= highest) {
      this.xfFormats[entries.count++] = 0;
      entries.added.push(DEFAULT_ENTRIES.cellXfs[0]);
    }
    this.written = undefined;
  }

  /** Index of `item` in the counted list `list`, appending it when no equal entry exists. */
  private ensure(list: string, item: string, xmlItem: string): number {
    const entries = this.entries.get(list) ?? inPart(this.part, () => this.readList(list, item));
    const found = entries.index.get(xmlItem);
    if (found !== undefined) return found;
    const index = entries.count;
    // A workbook Excel can open stays one: past its cell formats it would not open the output.
    // (A part already past them is not Excel's, and gains nothing by a refusal.)
    if (list === 'cellXfs' && index >= EXCEL_CELL_FORMATS && index - entries.added.length <= EXCEL_CELL_FORMATS)
      throw new XmlFormatError('cellFormatsFull', String(index - entries.added.length), -1, this.part);
    entries.count++;
    entries.index.set(xmlItem, index);
    entries.added.push(xmlItem);
    this.written = undefined;
    if (list === 'cellXfs') this.xfFormats[index] = Number(attr(xmlItem, 'numFmtId') ?? 0);
    return index;
  }

  private readList(list: string, item: string) {
    const xml = this.original;
    const container = styleSheetSpan(xml);
    const span = findElements(xml, list, container.start, container.end)[0];
    const index = new Map<string, number>();
    let count = 0;
    if (span) {
      checkEntryCount(xml, list, item, span);
      const inner = innerXml(xml, span);
      for (const s of findElements(inner, item)) {
        const entry = inner.slice(s.start, s.end);
        if (!index.has(entry)) index.set(entry, count);
        count++;
      }
    }
    const entries = { item, index, count, added: [] as string[] };
    // A list the part lacks starts with the entries Excel reserves or every cell without a style
    // uses (index 0, the two reserved fills): the add-in's first entry was index 0 otherwise, and
    // every unstyled cell of the user's took its borders, bold and size.
    if (!span)
      for (const entry of DEFAULT_ENTRIES[list] ?? []) {
        index.set(entry, entries.count++);
        entries.added.push(entry);
      }
    this.entries.set(list, entries);
    return entries;
  }

  private ensureNumFmt(code: string): number {
    for (const [id, c] of this.customFormats) if (c === code) return id;
    let id = 164; // custom formats start at 164; a loop, as a part may hold any number of them
    // An id that is no number (numFmtId="NaN") is not counted. Past 65535 the lowest free id from
    // 164 is taken instead: the schema allows any unsignedInt, but Excel's own format table (BIFF's
    // FORMAT record) numbers formats in 16 bits, and no program seen writes a larger id.
    for (const used of this.customFormats.keys()) if (Number.isSafeInteger(used)) id = Math.max(id, used + 1);
    if (id > 65535) for (id = 164; this.customFormats.has(id); id++);
    this.ensure('numFmts', 'numFmt', `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    this.customFormats.set(id, code);
    return id;
  }

  ensureXf(spec: XfSpec): number {
    const font = this.defaultFont();
    const fontXml = `<font>${spec.bold ? '<b/>' : ''}${spec.italic ? '<i/>' : ''}<sz val="${spec.fontSize ?? font.size}"/><name val="${escapeXml(font.name)}"/><charset val="134"/></font>`;
    const fontId = spec.bold || spec.italic || spec.fontSize ? this.ensure('fonts', 'font', fontXml) : 0;
    const fillId = spec.fill
      ? this.ensure('fills', 'fill', `<fill><patternFill patternType="solid"><fgColor rgb="${spec.fill}"/><bgColor indexed="64"/></patternFill></fill>`)
      : 0;
    const side = (s: string) => `<${s} style="thin"><color indexed="64"/></${s}>`;
    const borderId = spec.border ? this.ensure('borders', 'border', `<border>${['left', 'right', 'top', 'bottom'].map(side).join('')}<diagonal/></border>`) : 0;
    const numFmtId = spec.numFmt ? this.ensureNumFmt(spec.numFmt) : 0;
    const alignment =
      spec.horizontal || spec.wrap
        ? `<alignment${spec.horizontal ? ` horizontal="${spec.horizontal}"` : ''} vertical="center"${spec.wrap ? ' wrapText="1"' : ''}/>`
        : '<alignment vertical="center"/>';
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}` +
      `${borderId ? ' applyBorder="1"' : ''} applyAlignment="1">${alignment}</xf>`;
    return this.ensure('cellXfs', 'xf', xf);
  }

  /** A differential format for conditional formatting: a fill (level colours) or a bold coloured font. */
  ensureDxf(spec: { fill?: string; fontColor?: string }): number {
    const font = spec.fontColor ? `<font><b/><color rgb="${spec.fontColor}"/></font>` : '';
    const fill = spec.fill ? `<fill><patternFill patternType="solid"><fgColor rgb="${spec.fill}"/><bgColor rgb="${spec.fill}"/></patternFill></fill>` : '';
    return this.ensure('dxfs', 'dxf', `<dxf>${font}${fill}</dxf>`);
  }
}

/** Refuses a list of more than MAX_STYLE_ENTRIES entries, counted by their start tags (no element is built). */
function checkEntryCount(xml: string, list: string, item: string, span: { start: number; end: number }) {
  const open = `<${item}`;
  let count = 0;
  for (let at = xml.indexOf(open, span.start); at >= 0 && at < span.end; at = xml.indexOf(open, at + open.length)) {
    const next = xml.charCodeAt(at + open.length);
    // <xf …>, <xf/>, <xf\n…>: the entry's own tag, not <xfId> or <xfs>.
    if (next === 32 || next === 47 || next === 62 || next === 9 || next === 10 || next === 13) count++;
  }
  if (count > MAX_STYLE_ENTRIES) throw new XmlFormatError('tooManyStyles', `${list} ${count}`, span.start);
}

const styleSheetSpan = (xml: string) => requireElement(xml, 'styleSheet');
