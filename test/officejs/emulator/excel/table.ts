/** The emulator's TableCollection and Table. */
import { parseAddress } from '../address';
import { NotEmulatedError, TypeDef, excelError } from '../rich-api';
import { int, sheetAlive, str } from './helpers';
import { TableCollectionObj, TableObj } from './objects';
import type { ModelContext } from './context';

export function tableTypes({ wb, sheetObj, range }: ModelContext) {
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

  return { TableCollection: tableCollectionDef, Table: tableDef };
}
