/**
 * What the task pane and the offline page both show: the message catalogue, the file chooser, the
 * mapping table, the rules editor, counts and meeting facts, and report charts as SVG.
 * React and Fluent UI over the core; never a host, Office or either app (eslint.config.mjs).
 * The pane and the page import this index; files under ui/ import each other directly.
 */
export { UI_MESSAGES, uiText, type UiMessage, type UiText } from './messages';
export {
  classesText,
  correctionText,
  disputeCount,
  duplicateText,
  FIELD_TITLES,
  fieldTitle,
  fileProblemText,
  headerRowsText,
  jointTotal,
  levelCountText,
  levelName,
  listText,
  missingFieldsText,
  nextRevisitText,
  recordedNextText,
  willJoin,
} from './phrases';
export { detectLanguage, languageTag } from './language';
export { tricolorTheme } from './theme';
export { FileChooserButton, JSON_FILE_TYPES, LEDGER_FILE_TYPES, type FileChooserButtonProps } from './FileChooserButton';
export { LevelBadge, type LevelBadgeProps } from './LevelBadge';
export { CountFacts, type CountFactsProps } from './CountFacts';
export { MeetingFacts, type MeetingFactsProps } from './MeetingFacts';
export { ReportChartSvg, chartData, chartLabel, type ChartData, type ChartSeriesData, type ReportChartSvgProps } from './ReportChart';
export { VISUALLY_HIDDEN } from './visually-hidden';
export { MappingTable, type MappingColumn, type MappingTableProps } from './ledger/MappingTable';
export { PresetFields, type PresetFieldsProps } from './preset/PresetFields';
export { PresetProblemsBar, type PresetProblemsBarProps } from './preset/PresetProblemsBar';
export { usePresetDraft, type PresetDraft, type PresetNotice, type PresetTrouble } from './preset/usePresetDraft';
export { downloadTextFile, readTextFile, type SaveTextFile } from './preset/save-text-file';
export { downloadFile } from './download';
