/**
 * The Excel object model the emulator serves: each module stands for one Excel type (with the small
 * types that only it reaches) of Microsoft's client library, and says which properties and methods
 * are emulated on a FakeWorkbook. Anything not listed fails loudly (NotEmulatedError).
 */
import type { FakeWorkbook } from '../fake-workbook';
import type { ServerObject, TypeDef } from '../rich-api';
import { createModelContext } from './context';
import type { EnumLookup } from './helpers';
import { WorkbookObj } from './objects';
import { rangeTypes } from './range';
import { rangeFormatTypes } from './range-format';
import { rangeAreasTypes } from './range-areas';
import { conditionalFormatTypes } from './conditional-format';
import { dataValidationTypes } from './data-validation';
import { worksheetTypes } from './worksheet';
import { pageLayoutTypes } from './page-layout';
import { chartTypes } from './chart';
import { pageBreakTypes } from './page-break';
import { namedItemTypes } from './named-item';
import { workbookTypes } from './workbook';
import { tableTypes } from './table';

export { CELL_LIMIT, DEFAULT_FONT, MAX_MERGED_AREAS } from './helpers';
export type { EnumLookup } from './helpers';

export interface ExcelModel {
  root: ServerObject;
  defs: Record<string, TypeDef>;
}

export function createExcelModel(wb: FakeWorkbook, enums: EnumLookup): ExcelModel {
  const ctx = createModelContext(wb, enums);
  const defs: Record<string, TypeDef<never>> = {
    ...rangeTypes(ctx),
    ...rangeFormatTypes(ctx),
    ...rangeAreasTypes(ctx),
    ...conditionalFormatTypes(ctx),
    ...dataValidationTypes(ctx),
    ...worksheetTypes(ctx),
    ...pageLayoutTypes(ctx),
    ...chartTypes(ctx),
    ...pageBreakTypes(ctx),
    ...namedItemTypes(ctx),
    ...workbookTypes(ctx),
    ...tableTypes(ctx),
  };
  return { root: new WorkbookObj(), defs: defs as unknown as Record<string, TypeDef> };
}
