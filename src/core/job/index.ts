export { runLedgerJob, triageLedger, countJob, previousMeeting, defaultPeriod, withFieldColumns, DROPDOWN_TITLE } from './run-job';
export type { TriagedLedger } from './run-job';
export { alternativeSheetName, chooseLedgerSheet, hasOwnSheetTitle, isOwnSheet, isOwnSheetCandidate, ledgerUnderOwnName, MEETING_SUMMARY_SHEET, OWN_SHEETS, ownSheetName, sameSheetName, sheetNameKey, sheetsByName } from './choose';
export { FORMAT_MARKER, levelFormulas, markedFormula, overdueFormula, SETTLED_SUGGESTION, unmarkedFormula } from './level-formulas';
export { STATE_SHEET } from './types';
export type { ConditionalFormatPlan, ConditionalFormatRule, JobCounts, JobInput, JobOptions, LedgerJob, PreviousMeetingData, OwnCell, OwnColumnPlan, WritePlan } from './types';
export { holdsMacros, macrosByName, MEETING_OUTPUT_NAME, outputNameFor, workbookMimeType, XLSM_MIME, XLSX_MIME } from './output-names';
export { columnCells, columnWithCells, type ColumnCells } from './own-cells';
