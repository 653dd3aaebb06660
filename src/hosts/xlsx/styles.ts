import { appendToList, attr, escapeXml, findElement, findElements, inPart, innerXml, spreadsheetPrefix, XmlFormatError } from './xml';

/** Built-in number formats (ECMA-376 Part 1, 18.8.30) that show dates, including the zh-CN ones (27–36, 50–58). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const after = (name: string) => STYLE_ORDER.slice(STYLE_ORDER.indexOf(name) + 1);

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
  private xml: string;
  private readonly original: string;
  private xfFormats: number[] = [];
  private customFormats = new Map<number, string>();

  constructor(
    xml: string,
    /** The part's name, for messages. */
    private readonly part = 'xl/styles.xml',
  ) {
    this.xml = this.original = xml;
    inPart(part, () => this.index());
  }

  get changed(): boolean {
    return this.xml !== this.original;
  }

  toXml(): string {
    return this.xml;
  }

  private index() {
    this.customFormats.clear();
    // Read with the part's own prefix (<x:styleSheet>); the add-in writes only into unprefixed parts.
    const p = spreadsheetPrefix(this.xml);
    const numFmts = findElement(this.xml, `${p}numFmts`);
    if (numFmts)
      for (const f of findElements(this.xml, `${p}numFmt`, numFmts.start, numFmts.end))
        this.customFormats.set(Number(attr(f.tag, 'numFmtId')), attr(f.tag, 'formatCode') ?? '');
    const cellXfs = findElement(this.xml, `${p}cellXfs`);
    this.xfFormats = cellXfs ? findElements(this.xml, `${p}xf`, cellXfs.start, cellXfs.end).map((x) => Number(attr(x.tag, 'numFmtId') ?? 0)) : [];
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
    const fonts = findElement(this.xml, 'fonts');
    const first = fonts ? findElements(this.xml, 'font', fonts.start, fonts.end)[0] : undefined;
    const body = first ? this.xml.slice(first.start, first.end) : '';
    return { name: /<name\s+val="([^"]*)"/.exec(body)?.[1] ?? '宋体', size: /<sz\s+val="([^"]*)"/.exec(body)?.[1] ?? '11' };
  }

  /** Index of `item` in the counted list `list`, appending it when no equal entry exists. */
  private ensure(list: string, item: string, xmlItem: string): number {
    return inPart(this.part, () => this.ensureIn(list, item, xmlItem));
  }

  private ensureIn(list: string, item: string, xmlItem: string): number {
    const container = this.styleSheetSpan();
    const span = findElements(this.xml, list, container.start, container.end)[0];
    if (span) {
      const items = findElements(innerXml(this.xml, span), item).map((s) => innerXml(this.xml, span).slice(s.start, s.end));
      const found = items.indexOf(xmlItem);
      if (found >= 0) return found;
    }
    const result = appendToList(this.xml, list, item, [xmlItem], container, after(list));
    this.xml = result.xml;
    this.index();
    return result.firstIndex;
  }

  private styleSheetSpan() {
    const span = findElement(this.xml, 'styleSheet');
    if (!span) throw new XmlFormatError('malformed', 'no <styleSheet>', 0);
    return span;
  }

  private ensureNumFmt(code: string): number {
    for (const [id, c] of this.customFormats) if (c === code) return id;
    let id = 164; // custom formats start at 164; a loop, as a part may hold any number of them
    for (const used of this.customFormats.keys()) id = Math.max(id, used + 1);
    this.ensure('numFmts', 'numFmt', `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
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
