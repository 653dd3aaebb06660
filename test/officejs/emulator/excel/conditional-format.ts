/** The emulator's ConditionalFormatCollection, ConditionalFormat and its parts. */
import { SHEET_COLUMNS, SHEET_ROWS } from '../../../../src/core';
import { Rect, formatRect } from '../address';
import { FakeConditionalFormat, FakeSheet } from '../fake-workbook';
import { NotEmulatedError, TypeDef, excelError } from '../rich-api';
import { areasOf, bool, clearConditionalFormats, editable, int, normalizeColor, renumberPriorities, sheetAlive, str } from './helpers';
import { ConditionalFormatObj, RangeAreasObj, RangeObj, RangePartObj } from './objects';
import type { ModelContext } from './context';

export function conditionalFormatTypes({ wb, session, oneOf }: ModelContext) {
  // ConditionalFormat.id is "the priority of the conditional format in the current
  // ConditionalFormatCollection", and after a priority change "you have to re-fetch a new copy of
  // the object at that new priority location"
  // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member).
  // So an id is a position: every add, delete or priority change renumbers the others, and the
  // library, which addresses an object again by its id, then reaches whichever format is there now.
  // What an id looks like across sessions is not documented: the fake's carry the session, so an
  // id kept past a reopen finds nothing.
  const cfOn = (o: RangePartObj) => o.range.sheet.conditionalFormatsAt(formatRect(o.range.rect));
  const cfObj = (sheet: FakeSheet, cf: FakeConditionalFormat, scope: Rect) => new ConditionalFormatObj('ConditionalFormat', sheet, cf, scope);
  const positionalId = (o: ConditionalFormatObj) => {
    const position = o.sheet.conditionalFormatsAt(formatRect(o.scope ?? { r0: 0, c0: 0, r1: SHEET_ROWS - 1, c1: SHEET_COLUMNS - 1 })).indexOf(o.cf);
    return `${session}-${position}`;
  };
  const cfAlive = (o: ConditionalFormatObj) => {
    sheetAlive(wb, o.sheet);
    if (!o.sheet.conditionalFormats.includes(o.cf)) throw excelError('ItemNotFound', 'the conditional format was deleted');
  };

  const conditionalFormatCollectionDef: TypeDef<RangePartObj> = {
    items: (o) => cfOn(o).map((cf) => cfObj(o.range.sheet, cf, o.range.rect)),
    indexer: (o, id) => {
      const [idSession, position] = str(id, 'id').split('-').map(Number);
      const cf = idSession === session ? cfOn(o)[position] : undefined;
      if (!cf) throw excelError('ItemNotFound', `no conditional format ${id}`);
      return cfObj(o.range.sheet, cf, o.range.rect);
    },
    methods: {
      // "Adds a new conditional format to the collection at the first/top priority"
      // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1)).
      add: (o, [type]) => {
        editable(o.range.sheet, 'ConditionalFormatCollection.add');
        const t = oneOf('ConditionalFormatType', type, 'type');
        if (t !== 'Custom') throw new NotEmulatedError(`conditional formats of type ${t}`);
        // A conditional format is kept by its address, not cell by cell, so any size is fine (Excel
        // itself takes whole columns).
        for (const cf of o.range.sheet.conditionalFormats) cf.priority++;
        const cf: FakeConditionalFormat = {
          id: wb.newId('cf'),
          address: formatRect(o.range.rect),
          type: t,
          formula: null,
          fill: null,
          font: { color: null, bold: null, italic: null, strikethrough: null, underline: null },
          numberFormat: null,
          priority: 0,
          stopIfTrue: false,
        };
        o.range.sheet.conditionalFormats.unshift(cf);
        return cfObj(o.range.sheet, cf, o.range.rect);
      },
      clearAll: (o) => {
        editable(o.range.sheet, 'ConditionalFormatCollection.clearAll');
        clearConditionalFormats(o.range.sheet, o.range.rect);
      },
      getCount: (o) => cfOn(o).length,
      getItemAt: (o, [i]) => {
        const cf = cfOn(o)[int(i, 'index')];
        if (!cf) throw excelError('ItemNotFound', `no conditional format at ${i}`);
        return cfObj(o.range.sheet, cf, o.range.rect);
      },
    },
  };

  const conditionalFormatDef: TypeDef<ConditionalFormatObj> = {
    check: cfAlive,
    id: positionalId,
    scalars: {
      id: { get: positionalId },
      type: { get: (o) => o.cf.type },
      priority: {
        get: (o) => o.cf.priority,
        // Priorities stay 0..n-1 on the sheet: the others move to make room. A negative priority
        // counts from the back (-1 is the last); out of range sets the first or last place.
        set: (o, v) => {
          editable(o.sheet, 'ConditionalFormat.priority');
          const p = int(v, 'priority');
          const list = o.sheet.conditionalFormats.filter((x) => x !== o.cf).sort((a, b) => a.priority - b.priority);
          const at = p < 0 ? list.length + 1 + p : p;
          list.splice(Math.max(0, Math.min(at, list.length)), 0, o.cf);
          list.forEach((x, i) => (x.priority = i));
        },
      },
      stopIfTrue: { get: (o) => o.cf.stopIfTrue, set: (o, v) => (o.cf.stopIfTrue = bool(v, 'stopIfTrue')) },
    },
    nav: {
      custom: (o) => {
        if (o.cf.type !== 'Custom') throw excelError('InvalidOperation', `the conditional format is of type ${o.cf.type}`);
        return new ConditionalFormatObj('CustomConditionalFormat', o.sheet, o.cf);
      },
      customOrNullObject: (o) => (o.cf.type === 'Custom' ? new ConditionalFormatObj('CustomConditionalFormat', o.sheet, o.cf) : null),
    },
    methods: {
      delete: (o) => {
        editable(o.sheet, 'ConditionalFormat.delete');
        o.sheet.conditionalFormats = o.sheet.conditionalFormats.filter((x) => x !== o.cf);
        renumberPriorities(o.sheet);
      },
      getRange: (o) => {
        const areas = areasOf(o.cf.address);
        if (areas.length !== 1) throw excelError('InvalidOperation', `the conditional format applies to ${areas.length} areas; use getRanges`);
        return new RangeObj(o.sheet, areas[0]);
      },
      getRangeOrNullObject: (o) => {
        const areas = areasOf(o.cf.address);
        return areas.length === 1 ? new RangeObj(o.sheet, areas[0]) : null;
      },
      getRanges: (o) => new RangeAreasObj(o.sheet, areasOf(o.cf.address)),
    },
  };

  const cfPart = (type: ConditionalFormatObj['type']) => (o: ConditionalFormatObj) => new ConditionalFormatObj(type, o.sheet, o.cf);
  const customConditionalFormatDef: TypeDef<ConditionalFormatObj> = {
    check: cfAlive,
    nav: { rule: cfPart('ConditionalFormatRule'), format: cfPart('ConditionalRangeFormat') },
  };
  const conditionalFormatRuleDef: TypeDef<ConditionalFormatObj> = {
    check: cfAlive,
    scalars: {
      formula: { get: (o) => o.cf.formula, set: (o, v) => (o.cf.formula = str(v, 'formula')) },
      formulaLocal: { get: (o) => o.cf.formula, set: (o, v) => (o.cf.formula = str(v, 'formulaLocal')) },
    },
  };
  const conditionalRangeFormatDef: TypeDef<ConditionalFormatObj> = {
    check: cfAlive,
    scalars: { numberFormat: { get: (o) => o.cf.numberFormat, set: (o, v) => (o.cf.numberFormat = str(v, 'numberFormat')) } },
    nav: { fill: cfPart('ConditionalRangeFill'), font: cfPart('ConditionalRangeFont') },
  };
  const conditionalRangeFillDef: TypeDef<ConditionalFormatObj> = {
    check: cfAlive,
    scalars: { color: { get: (o) => o.cf.fill, set: (o, v) => (o.cf.fill = normalizeColor(v, 'color')) } },
    methods: { clear: (o) => void (o.cf.fill = null) },
  };
  const conditionalRangeFontDef: TypeDef<ConditionalFormatObj> = {
    check: cfAlive,
    scalars: {
      color: { get: (o) => o.cf.font.color, set: (o, v) => (o.cf.font.color = normalizeColor(v, 'color')) },
      bold: { get: (o) => o.cf.font.bold, set: (o, v) => (o.cf.font.bold = bool(v, 'bold')) },
      italic: { get: (o) => o.cf.font.italic, set: (o, v) => (o.cf.font.italic = bool(v, 'italic')) },
      strikethrough: { get: (o) => o.cf.font.strikethrough, set: (o, v) => (o.cf.font.strikethrough = bool(v, 'strikethrough')) },
      underline: { get: (o) => o.cf.font.underline, set: (o, v) => (o.cf.font.underline = oneOf('ConditionalRangeFontUnderlineStyle', v, 'underline')) },
    },
    methods: {
      clear: (o) => void (o.cf.font = { color: null, bold: null, italic: null, strikethrough: null, underline: null }),
    },
  };

  return { ConditionalFormatCollection: conditionalFormatCollectionDef, ConditionalFormat: conditionalFormatDef, CustomConditionalFormat: customConditionalFormatDef, ConditionalFormatRule: conditionalFormatRuleDef, ConditionalRangeFormat: conditionalRangeFormatDef, ConditionalRangeFill: conditionalRangeFillDef, ConditionalRangeFont: conditionalRangeFontDef };
}
