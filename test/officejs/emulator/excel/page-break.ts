/** The emulator's PageBreakCollection and PageBreak. */
import { NotEmulatedError, TypeDef, excelError } from '../rich-api';
import { sheetAlive } from './helpers';
import { PageBreakCollectionObj, PageBreakObj } from './objects';
import type { ModelContext } from './context';

export function pageBreakTypes({ wb, range, rectArg }: ModelContext) {
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

  return { PageBreakCollection: pageBreakCollectionDef, PageBreak: pageBreakDef };
}
