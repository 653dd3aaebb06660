/** The emulator's WorksheetFreezePanes and PageLayout. */
import { SHEET_COLUMNS, SHEET_ROWS } from '../../../../src/core';
import { formatRect, isEntireColumns, isEntireRows, parseAddress } from '../address';
import { FakeSheet } from '../fake-workbook';
import { TypeDef, excelError } from '../rich-api';
import { areasOf, bool, int, num, sheetAlive } from './helpers';
import { RangeAreasObj, RangeObj, SheetPartObj } from './objects';
import type { ModelContext } from './context';

export function pageLayoutTypes({ wb, oneOf, rectArg }: ModelContext) {
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

  return { WorksheetFreezePanes: freezePanesDef, PageLayout: pageLayoutDef };
}
