/** The emulator's RangeAreas and RangeCollection (merged areas). */
import { isEntireColumns, isEntireRows, qualify, rectArea } from '../address';
import { TypeDef, excelError } from '../rich-api';
import { int, sheetAlive } from './helpers';
import { RangeAreasObj, RangeCollectionObj, RangeObj } from './objects';
import type { ModelContext } from './context';

export function rangeAreasTypes({ wb, sheetObj }: ModelContext) {
  const rangeAreasDef: TypeDef<RangeAreasObj> = {
    check: (o) => sheetAlive(wb, o.sheet),
    scalars: {
      address: { get: (o) => o.rects.map((r) => qualify(o.sheet.name, r)).join(', ') },
      addressLocal: { get: (o) => o.rects.map((r) => qualify(o.sheet.name, r)).join(', ') },
      areaCount: { get: (o) => o.rects.length },
      cellCount: { get: (o) => o.rects.reduce((n, r) => n + rectArea(r), 0) },
      isEntireColumn: { get: (o) => o.rects.every(isEntireColumns) },
      isEntireRow: { get: (o) => o.rects.every(isEntireRows) },
    },
    nav: {
      areas: (o) => new RangeCollectionObj(o.sheet, o.rects),
      worksheet: (o) => sheetObj(o.sheet),
    },
  };

  const rangeCollectionDef: TypeDef<RangeCollectionObj> = {
    items: (o) => o.rects.map((r) => new RangeObj(o.sheet, r)),
    methods: {
      getCount: (o) => o.rects.length,
      getItemAt: (o, [i]) => {
        const r = o.rects[int(i, 'index')];
        if (!r) throw excelError('ItemNotFound', `no area ${i}`);
        return new RangeObj(o.sheet, r);
      },
    },
  };

  return { RangeAreas: rangeAreasDef, RangeCollection: rangeCollectionDef };
}
