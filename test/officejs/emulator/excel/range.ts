/** The emulator's Range. */
import { SHEET_COLUMNS, SHEET_ROWS } from '../../../../src/core';
import { Rect, cellKey, formatRect, isEntireColumns, isEntireRows, parseAddress, qualify, rectArea, rectContains, rectIntersection, rectIntersects } from '../address';
import { FakeSheet } from '../fake-workbook';
import { NotEmulatedError, TypeDef, excelError } from '../rich-api';
import { MAX_MERGED_AREAS, cellInputs, cellText, clearConditionalFormats, editable, forEachCell, grid, int, mergesOf, mutate, readValue, setCellFormat, sheetAlive, str, valueType, writeCellInput } from './helpers';
import { RangeAreasObj, RangeObj, RangePartObj } from './objects';
import type { ModelContext } from './context';

export function rangeTypes({ wb, oneOf, sheetObj, range, rectArg, usedRect }: ModelContext) {
  const rangeValues = (o: RangeObj) =>
    grid(o.sheet, o.rect, 'Range.values', (cell, r, c) => readValue(cell, `${o.sheet.name}!${cellKey(r, c)}`));

  const writeValues = (o: RangeObj, value: unknown, what: string) => {
    editable(o.sheet, what);
    const input = cellInputs(o.rect, value);
    let wrote = false;
    forEachCell(o.rect, what, (r, c) => {
      const v = input(r, c);
      if (v === null || v === undefined) return;
      mutate(o.sheet, r, c, (cell) => writeCellInput(cell, v, `${o.sheet.name}!${cellKey(r, c)}`));
      wrote ||= v !== '';
    });
    if (wrote) growTables(o.sheet, o.rect);
  };

  /**
   * Excel extends a table over what is entered right beside it — a column just right of it, a row
   * just below ("Include new rows and columns in table", on by default:
   * https://support.microsoft.com/office/resize-a-table-by-adding-or-removing-rows-and-columns-e65ae4bb-e44b-43f4-ad8b-7d68784f1165).
   * The fake takes values written through the API like typed ones.
   */
  const growTables = (sheet: FakeSheet, rect: Rect) => {
    for (const table of sheet.tables) {
      const t = parseAddress(table.address)!.rect;
      const rowsMeet = rect.r0 <= t.r1 && rect.r1 >= t.r0;
      const columnsMeet = rect.c0 <= t.c1 && rect.c1 >= t.c0;
      if (rowsMeet && rect.c0 === t.c1 + 1) table.address = formatRect({ ...t, c1: rect.c1 });
      else if (columnsMeet && rect.r0 === t.r1 + 1) table.address = formatRect({ ...t, r1: rect.r1 });
    }
  };

  const clearFormats = (o: RangeObj) => {
    setCellFormat(o, 'Range.clear', (cell) => {
      delete cell.numberFormat;
      delete cell.fill;
      delete cell.font;
      delete cell.horizontalAlignment;
      delete cell.verticalAlignment;
      delete cell.wrapText;
      delete cell.borders;
    });
    o.sheet.merges = o.sheet.merges.filter((m) => !rectIntersects(parseAddress(m)!.rect, o.rect));
    clearConditionalFormats(o.sheet, o.rect);
  };

  const merge = (o: RangeObj, across: unknown) => {
    editable(o.sheet, 'Range.merge');
    // "You can't merge cells in a table" (https://support.microsoft.com/office/merge-and-unmerge-cells-5cbd15d5-9375-4540-907f-c673a93fcedf).
    const inTable = o.sheet.tables.find((t) => rectIntersects(parseAddress(t.address)!.rect, o.rect));
    if (inTable) throw excelError('InvalidOperation', `cells of the table ${inTable.name} cannot be merged`);
    const areas: Rect[] = [];
    if (across === true) for (let r = o.rect.r0; r <= o.rect.r1; r++) areas.push({ ...o.rect, r0: r, r1: r });
    else areas.push(o.rect);
    for (const area of areas) {
      if (rectArea(area) === 1) continue;
      const existing = mergesOf(o.sheet);
      const partial = existing.find((m) => rectIntersects(m, area) && !rectContains(area, m));
      if (partial) throw new NotEmulatedError(`merging ${formatRect(area)} across part of the merged area ${formatRect(partial)}`);
      o.sheet.merges = o.sheet.merges.filter((m) => !rectContains(area, parseAddress(m)!.rect));
      o.sheet.merges.push(formatRect(area));
      // Excel keeps only the upper-left value of the merged area.
      forEachCell(area, 'Range.merge', (r, c) => {
        if (r === area.r0 && c === area.c0) return;
        mutate(o.sheet, r, c, (cell) => {
          delete cell.value;
          delete cell.formula;
        });
      });
    }
  };

  const rangeDef: TypeDef<RangeObj> = {
    check: (o) => sheetAlive(wb, o.sheet),
    scalars: {
      address: { get: (o) => qualify(o.sheet.name, o.rect) },
      addressLocal: { get: (o) => qualify(o.sheet.name, o.rect) },
      rowIndex: { get: (o) => o.rect.r0 },
      columnIndex: { get: (o) => o.rect.c0 },
      rowCount: { get: (o) => o.rect.r1 - o.rect.r0 + 1 },
      columnCount: { get: (o) => o.rect.c1 - o.rect.c0 + 1 },
      cellCount: { get: (o) => rectArea(o.rect) },
      isEntireColumn: { get: (o) => isEntireColumns(o.rect) },
      isEntireRow: { get: (o) => isEntireRows(o.rect) },
      values: { get: rangeValues, set: (o, v) => writeValues(o, v, 'Range.values') },
      formulas: {
        get: (o) => grid(o.sheet, o.rect, 'Range.formulas', (cell) => cell?.formula ?? cell?.value ?? ''),
        set: (o, v) => writeValues(o, v, 'Range.formulas'),
      },
      formulasLocal: {
        get: (o) => grid(o.sheet, o.rect, 'Range.formulasLocal', (cell) => cell?.formula ?? cell?.value ?? ''),
        set: (o, v) => writeValues(o, v, 'Range.formulasLocal'),
      },
      numberFormat: {
        get: (o) => grid(o.sheet, o.rect, 'Range.numberFormat', (cell) => cell?.numberFormat ?? 'General'),
        set: (o, v) => {
          editable(o.sheet, 'Range.numberFormat');
          const input = cellInputs(o.rect, v);
          forEachCell(o.rect, 'Range.numberFormat', (r, c) => {
            const f = input(r, c);
            if (f === null || f === undefined) return;
            const s = str(f, 'numberFormat');
            // '' resets to General, as Excel does.
            mutate(o.sheet, r, c, (cell) => (cell.numberFormat = s === 'General' || s === '' ? undefined : s));
          });
        },
      },
      text: { get: (o) => grid(o.sheet, o.rect, 'Range.text', (cell, r, c) => cellText(cell, `${o.sheet.name}!${cellKey(r, c)}`, wb.date1904)) },
      valueTypes: { get: (o) => grid(o.sheet, o.rect, 'Range.valueTypes', (cell, r, c) => valueType(cell, `${o.sheet.name}!${cellKey(r, c)}`)) },
    },
    nav: {
      format: (o) => new RangePartObj('RangeFormat', o),
      conditionalFormats: (o) => new RangePartObj('ConditionalFormatCollection', o),
      dataValidation: (o) => new RangePartObj('DataValidation', o),
      worksheet: (o) => sheetObj(o.sheet),
    },
    methods: {
      getCell: (o, [row, column]) => {
        const r = o.rect.r0 + int(row, 'row');
        const c = o.rect.c0 + int(column, 'column');
        return range(o.sheet, { r0: r, c0: c, r1: r, c1: c });
      },
      getOffsetRange: (o, [dr, dc]) => {
        const a = int(dr, 'rowOffset');
        const b = int(dc, 'columnOffset');
        return range(o.sheet, { r0: o.rect.r0 + a, r1: o.rect.r1 + a, c0: o.rect.c0 + b, c1: o.rect.c1 + b });
      },
      getResizedRange: (o, [dr, dc]) => range(o.sheet, { ...o.rect, r1: o.rect.r1 + int(dr, 'deltaRows'), c1: o.rect.c1 + int(dc, 'deltaColumns') }),
      getEntireColumn: (o) => range(o.sheet, { ...o.rect, r0: 0, r1: SHEET_ROWS - 1 }),
      getEntireRow: (o) => range(o.sheet, { ...o.rect, c0: 0, c1: SHEET_COLUMNS - 1 }),
      getRow: (o, [i]) => {
        const r = o.rect.r0 + int(i, 'row');
        if (r > o.rect.r1 || r < o.rect.r0) throw excelError('InvalidArgument', `row ${i} is outside the range`);
        return range(o.sheet, { ...o.rect, r0: r, r1: r });
      },
      getColumn: (o, [i]) => {
        const c = o.rect.c0 + int(i, 'column');
        if (c > o.rect.c1 || c < o.rect.c0) throw excelError('InvalidArgument', `column ${i} is outside the range`);
        return range(o.sheet, { ...o.rect, c0: c, c1: c });
      },
      getLastRow: (o) => range(o.sheet, { ...o.rect, r0: o.rect.r1 }),
      getLastColumn: (o) => range(o.sheet, { ...o.rect, c0: o.rect.c1 }),
      getLastCell: (o) => range(o.sheet, { r0: o.rect.r1, r1: o.rect.r1, c0: o.rect.c1, c1: o.rect.c1 }),
      getUsedRange: (o, [valuesOnly]) => {
        const used = usedRect(o.sheet, valuesOnly);
        const x = used && rectIntersection(used, o.rect);
        if (!x) throw excelError('ItemNotFound', 'no used cells in the range');
        return range(o.sheet, x);
      },
      getUsedRangeOrNullObject: (o, [valuesOnly]) => {
        const used = usedRect(o.sheet, valuesOnly);
        const x = used && rectIntersection(used, o.rect);
        return x ? range(o.sheet, x) : null;
      },
      getIntersection: (o, [other]) => {
        const x = rectIntersection(o.rect, rectArg(o.sheet, other, 'anotherRange'));
        if (!x) throw excelError('ItemNotFound', 'the ranges do not intersect');
        return range(o.sheet, x);
      },
      getIntersectionOrNullObject: (o, [other]) => {
        const x = rectIntersection(o.rect, rectArg(o.sheet, other, 'anotherRange'));
        return x ? range(o.sheet, x) : null;
      },
      getBoundingRect: (o, [other]) => {
        const b = rectArg(o.sheet, other, 'anotherRange');
        return range(o.sheet, { r0: Math.min(o.rect.r0, b.r0), c0: Math.min(o.rect.c0, b.c0), r1: Math.max(o.rect.r1, b.r1), c1: Math.max(o.rect.c1, b.c1) });
      },
      // Only merged areas whose top-left cell is in the range are returned (office-js#3611), and
      // more than MAX_MERGED_AREAS of them fail.
      getMergedAreasOrNullObject: (o) => {
        const hits = mergesOf(o.sheet).filter((m) => m.r0 >= o.rect.r0 && m.r0 <= o.rect.r1 && m.c0 >= o.rect.c0 && m.c0 <= o.rect.c1);
        if (hits.length > MAX_MERGED_AREAS) throw excelError('GeneralException', `${hits.length} merged areas in ${formatRect(o.rect)}, more than ${MAX_MERGED_AREAS}`);
        return hits.length ? new RangeAreasObj(o.sheet, hits) : null;
      },
      // The library sends this before writing a large matrix in chunks of rows (setRangePropertiesInBulk).
      _ValidateArraySize: (o, [rows, columns]) => {
        if (int(rows, 'rows') !== o.rect.r1 - o.rect.r0 + 1 || int(columns, 'columns') !== o.rect.c1 - o.rect.c0 + 1) {
          throw excelError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range");
        }
      },
      merge: (o, [across]) => merge(o, across),
      unmerge: (o) => {
        editable(o.sheet, 'Range.unmerge');
        o.sheet.merges = o.sheet.merges.filter((m) => !rectIntersects(parseAddress(m)!.rect, o.rect));
      },
      clear: (o, [applyTo]) => {
        editable(o.sheet, 'Range.clear');
        const what = applyTo === undefined || applyTo === null ? 'All' : oneOf('ClearApplyTo', applyTo, 'applyTo');
        if (what === 'All' || what === 'Contents') {
          setCellFormat(o, 'Range.clear', (cell) => {
            delete cell.value;
            delete cell.formula;
          });
        }
        if (what === 'All' || what === 'Formats') clearFormats(o);
        if (what !== 'All' && what !== 'Contents' && what !== 'Formats') throw new NotEmulatedError(`Range.clear('${what}')`);
      },
      select: (o) => {
        if (o.sheet.visibility !== 'Visible') throw excelError('InvalidOperation', `${o.sheet.name} is hidden`);
        o.sheet.selection = formatRect(o.rect);
        wb.activeSheetId = o.sheet.id;
      },
    },
  };

  return { Range: rangeDef };
}
