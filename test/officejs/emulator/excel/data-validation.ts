/** The emulator's DataValidation. */
import { Rect, formatAreas, formatRect, qualify, rectContains, rectIntersection, rectIntersects, rectSubtract } from '../address';
import { FakeDataValidation, FakeSheet } from '../fake-workbook';
import { NotEmulatedError, TypeDef, excelError } from '../rich-api';
import { DV_TYPES, areasOf, bool, editable, guard } from './helpers';
import { RangeObj, RangePartObj } from './objects';
import type { ModelContext } from './context';

export function dataValidationTypes({ oneOf }: ModelContext) {
  const dvsAt = (sheet: FakeSheet, rect: Rect) => sheet.dataValidations.filter((dv) => areasOf(dv.address).some((a) => rectIntersects(a, rect)));

  const subtractValidation = (sheet: FakeSheet, rect: Rect) => {
    sheet.dataValidations = sheet.dataValidations.filter((dv) => {
      const rest = areasOf(dv.address).flatMap((a) => rectSubtract(a, rect));
      dv.address = formatAreas(rest);
      return rest.length > 0;
    });
  };

  /** The validation covering exactly the whole range, splitting validations that reach outside it. */
  const dvCovering = (sheet: FakeSheet, rect: Rect): FakeDataValidation[] => {
    const hits = dvsAt(sheet, rect);
    if (!hits.length) throw new NotEmulatedError('setting validation options on a range without a validation rule', 'set rule first');
    const inside: FakeDataValidation[] = [];
    for (const dv of hits) {
      const areas = areasOf(dv.address);
      const within = areas.map((a) => rectIntersection(a, rect)).filter((a): a is Rect => !!a);
      const outside = areas.flatMap((a) => rectSubtract(a, rect));
      if (!outside.length) {
        inside.push(dv);
        continue;
      }
      dv.address = formatAreas(outside);
      const copy: FakeDataValidation = JSON.parse(JSON.stringify(dv));
      copy.address = formatAreas(within);
      sheet.dataValidations.push(copy);
      inside.push(copy);
    }
    return inside;
  };

  const singleDv = (o: RangePartObj): FakeDataValidation | null | 'mixed' => {
    const hits = dvsAt(o.range.sheet, o.range.rect);
    if (!hits.length) return null;
    if (hits.length === 1 && areasOf(hits[0].address).some((a) => rectContains(a, o.range.rect))) return hits[0];
    return 'mixed';
  };

  const dataValidationDef: TypeDef<RangePartObj> = {
    scalars: {
      type: {
        get: (o) => {
          const dv = singleDv(o);
          if (dv === null) return 'None';
          if (dv === 'mixed') return 'Inconsistent';
          return DV_TYPES[Object.keys(dv.rule)[0]] ?? 'Inconsistent';
        },
      },
      rule: {
        // A range without one rule (type "None" or "Inconsistent") has a rule with no criteria:
        // https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidation#excel-excel-datavalidation-type-member
        get: (o) => {
          const dv = singleDv(o);
          if (dv === null || dv === 'mixed') return {};
          return JSON.parse(JSON.stringify(dv.rule));
        },
        set: (o, v) => {
          editable(o.range.sheet, 'DataValidation.rule');
          if (typeof v !== 'object' || v === null || Array.isArray(v)) throw excelError('InvalidArgument', 'rule must be an object');
          const kinds = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && x !== null);
          if (kinds.length !== 1 || !DV_TYPES[kinds[0][0]]) throw excelError('InvalidArgument', `rule must have exactly one of ${Object.keys(DV_TYPES).join(', ')}`);
          const [kind, body] = kinds[0];
          if (kind === 'list') {
            const list = body as { inCellDropDown?: unknown; source?: unknown };
            let source = list.source;
            if (source instanceof RangeObj) source = `=${qualify(source.sheet.name, source.rect).replace(/!(.*)$/, (_m, a: string) => `!${a.replace(/([A-Z]+|\d+)/g, '$$$1')}`)}`;
            if (typeof source !== 'string' || !source) throw excelError('InvalidArgument', 'list.source must be a non-empty string or a Range');
            const rule = { list: { inCellDropDown: list.inCellDropDown === undefined ? true : bool(list.inCellDropDown, 'inCellDropDown'), source } };
            applyRule(o, rule);
          } else applyRule(o, { [kind]: JSON.parse(JSON.stringify(body)) });
        },
      },
      ignoreBlanks: {
        get: (o) => {
          const dv = singleDv(o);
          return dv === null ? true : dv === 'mixed' ? null : dv.ignoreBlanks;
        },
        set: (o, v) => {
          const b = bool(v, 'ignoreBlanks');
          for (const dv of dvCovering(o.range.sheet, o.range.rect)) dv.ignoreBlanks = b;
        },
      },
      prompt: {
        get: (o) => {
          const dv = singleDv(o);
          if (dv === null) return { showPrompt: false, title: '', message: '' };
          if (dv === 'mixed') throw new NotEmulatedError('reading DataValidation.prompt without a single rule');
          return { ...dv.prompt };
        },
        set: (o, v) => {
          const p = v as Partial<FakeDataValidation['prompt']>;
          for (const dv of dvCovering(o.range.sheet, o.range.rect)) dv.prompt = { ...dv.prompt, ...p };
        },
      },
      errorAlert: {
        get: (o) => {
          const dv = singleDv(o);
          if (dv === null) return { showAlert: true, style: 'Stop', title: '', message: '' };
          if (dv === 'mixed') throw new NotEmulatedError('reading DataValidation.errorAlert without a single rule');
          return { ...dv.errorAlert };
        },
        set: (o, v) => {
          const e = { ...(v as Partial<FakeDataValidation['errorAlert']>) };
          if (e.style !== undefined) e.style = oneOf('DataValidationAlertStyle', e.style, 'errorAlert.style');
          for (const dv of dvCovering(o.range.sheet, o.range.rect)) dv.errorAlert = { ...dv.errorAlert, ...e };
        },
      },
    },
    methods: {
      clear: (o) => {
        editable(o.range.sheet, 'DataValidation.clear');
        subtractValidation(o.range.sheet, o.range.rect);
      },
    },
  };

  function applyRule(o: RangePartObj, rule: Record<string, unknown>) {
    guard(o.range.rect, 'DataValidation.rule');
    subtractValidation(o.range.sheet, o.range.rect);
    o.range.sheet.dataValidations.push({
      address: formatRect(o.range.rect),
      rule,
      ignoreBlanks: true,
      prompt: { showPrompt: false, title: '', message: '' },
      errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
    });
  }

  return { DataValidation: dataValidationDef };
}
