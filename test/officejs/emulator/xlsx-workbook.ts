/**
 * An .xlsx/.xlsm file as an in-memory workbook for the fake Excel: sheet names and order,
 * visibility, the active sheet, values, merged areas and number formats — read by the file host's
 * one package reader (src/hosts/xlsx: OpenWorkbook over Package), so every part is checked as the
 * command checks it. Formulas are kept as their cached values; fills, fonts, borders, widths,
 * conditional formats and validation are not read.
 */
import { rangeRef, type Language } from '../../../src/core';
import { withPackage } from '../../../src/hosts/xlsx/workbook';
import { OpenWorkbook } from '../../../src/hosts/xlsx/workbook-package';
import { FakeWorkbook, type SheetSpec } from './fake-workbook';

export interface ReadXlsxOptions {
  /** The file's name, for messages. */
  fileName: string;
  language?: Language;
}

/**
 * Reads the package into a FakeWorkbook. Throws WorkbookError (the file host's messages) when the
 * file is not a workbook, is encrypted or damaged.
 */
export function readXlsxWorkbook(bytes: Uint8Array, options: ReadXlsxOptions): FakeWorkbook {
  const language = options.language ?? 'zh';
  return withPackage(bytes, { fileName: options.fileName, language }, (pkg, fail) => fakeWorkbookOf(OpenWorkbook.open(pkg, fail, 'read'), () => fail('file.notWorkbook')));
}

function fakeWorkbookOf(workbook: OpenWorkbook, notAWorkbook: () => never): FakeWorkbook {
  const specs: SheetSpec[] = workbook.sheets().map((entry) => {
    // A 1904 workbook keeps its own serials, as Excel does: the host has to detect the date system.
    const grid = workbook.readGrid(entry, undefined, true);
    return {
      name: entry.name,
      values: grid.values,
      numberFormats: (grid.numberFormats ?? []).map((row) => (row ? Array.from(row, (f) => f ?? null) : [])),
      merges: grid.merges.map(rangeRef),
      visibility: entry.state === 'hidden' ? 'Hidden' : entry.state === 'veryHidden' ? 'VeryHidden' : 'Visible',
    };
  });
  if (!specs.length) notAWorkbook();
  const active = specs[workbook.activeTab()];
  return FakeWorkbook.fromSheets(specs, { activeSheet: active?.visibility === 'Visible' ? active.name : undefined, date1904: workbook.date1904 });
}
