export { processWorkbook, WorkbookError } from './workbook';
export type { Stage, WorkbookJobOptions, WorkbookJobResult } from './workbook';
export { readZip, readEntry, writeZip, isCompoundFile } from './zip';
