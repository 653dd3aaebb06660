export { processWorkbook, readLedgerWorkbook, readStateRows, writeReportWorkbook, WorkbookError } from './workbook';
export type { ReadWorkbookOptions, Stage, WorkbookJobOptions, WorkbookJobResult } from './workbook';
export { readZip, readEntry, writeZip, isCompoundFile, FFLATE_CODEC } from './zip';
export type { DeflateCodec } from './zip';
