import { SHEET_COLUMNS, SHEET_ROWS } from '../../../../src/core';
import { Rect, parseAddress } from '../address';
import { FakeName, FakeSheet } from '../fake-workbook';
import { excelError } from '../rich-api';
import { checkGrid, str } from './helpers';
import { RangeObj, WorksheetObj } from './objects';
import type { FakeWorkbook } from '../fake-workbook';
import type { EnumLookup } from './helpers';

/**
 * What every Excel type of the model works with: the workbook, this session of it, Excel's enums,
 * and the ways to a range or a sheet that several types share.
 */
export function createModelContext(wb: FakeWorkbook, enums: EnumLookup) {
  // Each host on the workbook is a new session of it: a reopened workbook.
  const session = ++wb.sessions;
  const oneOf = (enumName: string, v: unknown, what: string): string => {
    const s = str(v, what);
    const allowed = enums(enumName);
    const hit = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
    if (!hit) throw excelError('InvalidArgument', `${what}: '${s}' is not one of ${allowed.join(', ')}`);
    return hit;
  };

  const sheetObj = (sheet: FakeSheet) => new WorksheetObj(sheet);
  const range = (sheet: FakeSheet, rect: Rect) => new RangeObj(sheet, checkGrid(rect));

  /** A Range argument (object or address on the same sheet) as a rectangle. */
  const rectArg = (sheet: FakeSheet, v: unknown, what: string): Rect => {
    if (v instanceof RangeObj) {
      if (v.sheet !== sheet) throw excelError('InvalidArgument', `${what} is on another worksheet`);
      return v.rect;
    }
    const p = parseAddress(str(v, what));
    if (!p || (p.sheetName && wb.findSheet(p.sheetName) !== sheet)) throw excelError('InvalidArgument', `${what}: '${v}' is not an address on ${sheet.name}`);
    return p.rect;
  };

  const nameRange = (item: FakeName): RangeObj | null => {
    const p = parseAddress(item.formula.replace(/^=/, ''));
    const sheet = p?.sheetName ? wb.findSheet(p.sheetName) : undefined;
    return p && sheet ? new RangeObj(sheet, p.rect) : null;
  };

  const getRangeOnSheet = (sheet: FakeSheet, address: unknown): RangeObj => {
    if (address === undefined || address === null || address === '') return range(sheet, { r0: 0, c0: 0, r1: SHEET_ROWS - 1, c1: SHEET_COLUMNS - 1 });
    const text = str(address, 'address');
    const p = parseAddress(text);
    if (p) {
      if (p.sheetName && wb.findSheet(p.sheetName) !== sheet) throw excelError('InvalidArgument', `'${text}' is not on ${sheet.name}`);
      return range(sheet, p.rect);
    }
    if (text.includes(',')) throw excelError('InvalidArgument', `'${text}' has several areas; use getRanges`);
    const item = wb.names.find((n) => n.name.toLowerCase() === text.toLowerCase());
    const r = item ? nameRange(item) : null;
    if (!r || r.sheet !== sheet) throw excelError('InvalidArgument', `'${text}' is not an address or a name on ${sheet.name}`);
    return r;
  };

  const usedRect = (sheet: FakeSheet, valuesOnly: unknown): Rect | null => sheet.usedRect(valuesOnly === true);

  return { wb, enums, session, oneOf, sheetObj, range, rectArg, nameRange, getRangeOnSheet, usedRect };
}

export type ModelContext = ReturnType<typeof createModelContext>;
