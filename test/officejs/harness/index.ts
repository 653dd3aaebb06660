/// <reference types="office-js" />
/**
 * createExcelHost(): Microsoft's real Excel JavaScript API, answered by an in-memory workbook.
 * See README.md in this folder for the protocol and what is emulated. The implementation is
 * test/officejs/emulator; this folder adds node's way of loading the library.
 */
import { createExcelHost as createHost, type ExcelHost, type ExcelHostOptions } from '../emulator/excel-host';
import type { FakeWorkbook } from '../emulator/fake-workbook';
import { loadLibraryInNode } from './node-library';

// Everything the emulator offers; createExcelHost below (which loads the library in node
// first) takes the place of its own.
export * from '../emulator/excel-host';
export { readXlsxWorkbook } from '../emulator/xlsx-workbook';
export { loadLibraryInNode, libraryDirectory, libraryFile } from './node-library';

/**
 * Loads Microsoft's Excel library into this test file's globals (Excel, Office, OfficeExtension)
 * and serves its requests from `workbook`. One host at a time per test file: dispose() it before
 * creating the next (e.g. to "reopen" the same workbook).
 */
export function createExcelHost(workbook: FakeWorkbook, options: ExcelHostOptions = {}): ExcelHost {
  loadLibraryInNode(options.build ?? 'debug');
  return createHost(workbook, options);
}

/**
 * `open(workbook)` for a test file: one host at a time, the previous one disposed on the next open
 * and after each test (the library's globals belong to the file).
 */
export function hostPerTest(): (workbook: FakeWorkbook, options?: ExcelHostOptions) => ExcelHost {
  let host: ExcelHost | undefined;
  afterEach(() => {
    const h = host;
    host = undefined;
    h?.dispose();
  });
  return (workbook, options) => {
    host?.dispose();
    host = createExcelHost(workbook, options);
    return host;
  };
}
