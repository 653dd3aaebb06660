/**
 * The add-in outside Excel, on the workbook file: the AddinHost over the .xlsx file host
 * (operations.ts, bytes in, bytes out) and the session the page keeps (session.ts: the current
 * bytes, the selection, what to save).
 */
export { openFileAddinSession } from './session';
export type { FileAddinOptions, FileAddinSession, FileRunner, SessionWorkbook } from './session';
export { runFileOperation } from './operations';
export type { FileAnswer, FileCall, FileOperation, FileOperationKind, FileOperations, SheetTab, WorkbookView } from './operations';
export { localFileRunner } from './local-runner';
export { resolveReference } from './selection';
export { createWorkerFileRunner } from './worker-runner';
export type { SelectProblem, SelectResult, WorkbookSelection } from './selection';
