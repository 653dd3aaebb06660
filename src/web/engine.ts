/**
 * The engine as one browser bundle (dist/tricolor-engine.js): the pure core and the .xlsx file
 * host, which use nothing but TextEncoder/TextDecoder and fflate, so the same code that the
 * `tricolor` command runs can process a workbook entirely inside a page.
 */
export * from '../core';
export { processWorkbook } from '../hosts/xlsx';
export { WorkbookError } from '../core';
