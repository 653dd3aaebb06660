/** The emulator's RangeFormat and its parts: RangeFill, RangeFont, RangeBorderCollection, RangeBorder. */
import { Rect, cellKey, columnLetters, formatRect } from '../address';
import { BorderLine, FakeFont } from '../fake-workbook';
import { NotEmulatedError, TypeDef, excelError } from '../rich-api';
import { DEFAULT_FONT, bool, editable, guard, heightOf, int, mutate, normalizeColor, num, setCellFormat, str, uniform, widthOf } from './helpers';
import { RangeBorderObj, RangePartObj } from './objects';
import type { ModelContext } from './context';

export function rangeFormatTypes({ enums, oneOf }: ModelContext) {
  const fontProp = <K extends keyof typeof DEFAULT_FONT>(key: K, parse: (v: unknown) => FakeFont[K]) => ({
    get: (o: RangePartObj) => uniform(o.range.sheet, o.range.rect, (cell) => cell.font?.[key], DEFAULT_FONT[key]),
    set: (o: RangePartObj, v: unknown) => {
      const value = parse(v);
      setCellFormat(o.range, `RangeFont.${key}`, (cell) => {
        cell.font = { ...cell.font, [key]: value === DEFAULT_FONT[key] ? undefined : value };
      });
    },
  });
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

  return { RangeFormat: rangeFormatDef, RangeFill: rangeFillDef, RangeFont: rangeFontDef, RangeBorderCollection: rangeBorderCollectionDef, RangeBorder: rangeBorderDef };
}
