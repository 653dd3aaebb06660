/** The emulator's Worksheet, WorksheetCollection and WorksheetProtection. */
import { DEFAULT_ROW_HEIGHT, FakeSheet } from '../fake-workbook';
import { TypeDef, excelError } from '../rich-api';
import { activateNextVisible, bool, checkSheetName, int, normalizeColor, sheetAlive, str, visibleSheets } from './helpers';
import { ChartCollectionObj, PageBreakCollectionObj, SheetPartObj, TableCollectionObj, WorksheetCollectionObj, WorksheetObj, WorksheetProtectionObj } from './objects';
import type { ModelContext } from './context';

export function worksheetTypes({ wb, oneOf, sheetObj, range, getRangeOnSheet, usedRect }: ModelContext) {
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

  const worksheetProtectionDef: TypeDef<WorksheetProtectionObj> = {
    scalars: { protected: { get: (o) => o.sheet.protected } },
    methods: {
      protect: (o) => void (o.sheet.protected = true),
      unprotect: (o) => void (o.sheet.protected = false),
    },
  };

  return { WorksheetCollection: worksheetCollectionDef, Worksheet: worksheetDef, WorksheetProtection: worksheetProtectionDef };
}
