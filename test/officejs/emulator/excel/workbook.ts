/** The emulator's Workbook, Application and Functions. */
import { parseAddress } from '../address';
import { TypeDef, excelError } from '../rich-api';
import { dateSerial, int } from './helpers';
import { ApplicationObj, FunctionResultObj, FunctionsObj, NamedItemCollectionObj, RangeObj, TableCollectionObj, WorkbookObj, WorksheetCollectionObj } from './objects';
import type { ModelContext } from './context';

export function workbookTypes({ wb, oneOf }: ModelContext) {
  const applicationDef: TypeDef<ApplicationObj> = {
    scalars: {
      calculationMode: { get: () => wb.calculationMode, set: (_o, v) => (wb.calculationMode = oneOf('CalculationMode', v, 'calculationMode')) },
      calculationState: { get: () => 'Done' },
      decimalSeparator: { get: () => '.' },
      thousandsSeparator: { get: () => ',' },
      useSystemSeparators: { get: () => true },
    },
    methods: {
      // No calculation engine: these are counted in the host's stats so a test can see they were asked for.
      calculate: (_o, [type], ctx) => {
        oneOf('CalculationType', type, 'calculationType');
        ctx.count('calculate');
      },
      suspendScreenUpdatingUntilNextSync: (_o, _a, ctx) => ctx.count('suspendScreenUpdatingUntilNextSync'),
      suspendApiCalculationUntilNextSync: (_o, _a, ctx) => ctx.count('suspendApiCalculationUntilNextSync'),
    },
  };

  // DATE() as the workbook's date system computes it: 1904-01-01 is 1462 in the 1900 system and 0 in
  // the 1904 one (https://learn.microsoft.com/en-us/javascript/api/excel/excel.functions#excel-excel-functions-date-member(1),
  // https://learn.microsoft.com/office/troubleshoot/excel/1900-and-1904-date-system).
  const functionsDef: TypeDef<FunctionsObj> = {
    methods: {
      date: (_o, [year, month, day]) => new FunctionResultObj(dateSerial(int(year, 'year'), int(month, 'month'), int(day, 'day'), wb.date1904)),
    },
  };
  const functionResultDef: TypeDef<FunctionResultObj> = {
    scalars: { value: { get: (o) => o.value }, error: { get: () => null } },
  };

  const activeRange = (): RangeObj => {
    const sheet = wb.activeSheet;
    if (!sheet) throw excelError('ItemNotFound', 'no active worksheet');
    return new RangeObj(sheet, parseAddress(sheet.selection)!.rect);
  };

  const workbookDef: TypeDef<WorkbookObj> = {
    nav: {
      worksheets: () => new WorksheetCollectionObj(),
      names: () => new NamedItemCollectionObj(),
      application: () => new ApplicationObj(),
      tables: () => new TableCollectionObj(null),
      functions: () => new FunctionsObj(),
    },
    methods: {
      getSelectedRange: () => activeRange(),
      getActiveCell: () => {
        const r = activeRange();
        return new RangeObj(r.sheet, { r0: r.rect.r0, c0: r.rect.c0, r1: r.rect.r0, c1: r.rect.c0 });
      },
      _RemoveReference: (_o, [id], ctx) => {
        ctx.refs.delete(String(id));
      },
    },
  };

  return { Workbook: workbookDef, Application: applicationDef, Functions: functionsDef, FunctionResult: functionResultDef };
}
