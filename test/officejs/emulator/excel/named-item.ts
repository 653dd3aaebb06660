/** The emulator's NamedItemCollection and NamedItem. */
import { parseAddress, qualify } from '../address';
import { FakeName } from '../fake-workbook';
import { NotEmulatedError, TypeDef, excelError } from '../rich-api';
import { NUMBER_TEXT, bool, str } from './helpers';
import { NamedItemCollectionObj, NamedItemObj, RangeObj } from './objects';
import type { ModelContext } from './context';

export function namedItemTypes({ wb, nameRange }: ModelContext) {
  const namedItemDef: TypeDef<NamedItemObj> = {
    check: (o) => {
      if (!wb.names.includes(o.item)) throw excelError('ItemNotFound', `the name ${o.item.name} was deleted`);
    },
    scalars: {
      name: { get: (o) => o.item.name },
      formula: { get: (o) => o.item.formula, set: (o, v) => (o.item.formula = str(v, 'formula')) },
      comment: { get: (o) => o.item.comment, set: (o, v) => (o.item.comment = str(v, 'comment')) },
      visible: { get: (o) => o.item.visible, set: (o, v) => (o.item.visible = bool(v, 'visible')) },
      scope: { get: () => 'Workbook' },
      type: {
        get: (o) => {
          const body = o.item.formula.replace(/^=/, '');
          if (nameRange(o.item)) return 'Range';
          if (NUMBER_TEXT.test(body)) return 'Double';
          if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
          if (/^".*"$/.test(body)) return 'String';
          return 'Formula';
        },
      },
      value: {
        get: (o) => {
          const r = nameRange(o.item);
          if (r) return qualify(r.sheet.name, r.rect).replace(/!(.*)$/, (_m, a: string) => `!${a.replace(/([A-Z]+|\d+)/g, '$$$1')}`);
          const body = o.item.formula.replace(/^=/, '');
          if (NUMBER_TEXT.test(body)) return Number(body);
          if (/^".*"$/.test(body)) return body.slice(1, -1).replace(/""/g, '"');
          throw new NotEmulatedError(`the value of the name ${o.item.name} (${o.item.formula})`);
        },
      },
    },
    methods: {
      getRange: (o) => {
        const r = nameRange(o.item);
        if (!r) throw excelError('InvalidOperation', `${o.item.name} does not refer to a range`);
        return r;
      },
      getRangeOrNullObject: (o) => nameRange(o.item),
      delete: (o) => {
        wb.names = wb.names.filter((n) => n !== o.item);
      },
    },
  };

  const findName = (key: unknown) => wb.names.find((n) => n.name.toLowerCase() === str(key, 'name').toLowerCase());

  const namedItemCollectionDef: TypeDef<NamedItemCollectionObj> = {
    items: () => wb.names.map((n) => new NamedItemObj(n)),
    indexer: (_o, key) => {
      const n = findName(key);
      if (!n) throw excelError('ItemNotFound', `no name '${key}'`);
      return new NamedItemObj(n);
    },
    methods: {
      getItemOrNullObject: (_o, [key]) => {
        const n = findName(key);
        return n ? new NamedItemObj(n) : null;
      },
      getCount: () => wb.names.length,
      add: (_o, [name, reference, comment]) => {
        const n = str(name, 'name');
        if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(n) || parseAddress(n)) throw excelError('InvalidArgument', `'${n}' is not a valid name`);
        if (findName(n)) throw excelError('ItemAlreadyExists', `the name ${n} exists`);
        let formula: string;
        if (reference instanceof RangeObj) {
          formula = `=${qualify(reference.sheet.name, reference.rect).replace(/!(.*)$/, (_m, a: string) => `!${a.replace(/([A-Z]+|\d+)/g, '$$$1')}`)}`;
        } else {
          const s = str(reference, 'reference');
          formula = s.startsWith('=') ? s : `=${s}`;
        }
        const item: FakeName = { name: n, formula, comment: comment === undefined || comment === null ? '' : str(comment, 'comment'), visible: true };
        wb.names.push(item);
        return new NamedItemObj(item);
      },
    },
  };

  return { NamedItemCollection: namedItemCollectionDef, NamedItem: namedItemDef };
}
