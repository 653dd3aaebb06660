export { REVISIT_LOG_SHEET, REVISIT_LOG_HEADER, revisitLogRow, readRevisitLog, applyRevisitLog } from './log';
export type { RevisitLogEntry } from './log';
