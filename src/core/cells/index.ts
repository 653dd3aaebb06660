// Parsing of single cell values.
export {
  toHalfWidth,
  foldForMatching,
  detachedString,
  normalizeHeader,
  normalizeValueText,
  writtenText,
  cellText,
  fitCellText,
  MAX_CELL_CHARS,
} from './text';
export {
  dayFromYmd,
  PLAUSIBLE_DAYS,
  ymdFromDay,
  formatDay,
  localDay,
  localIsoDay,
  formatDayZh,
  formatSpanZh,
  parseIsoDay,
  excelSerialToDay,
  dayToExcelSerial,
  isDateFormat,
  parseDateCell,
  parseAllDates,
  nonexistentDate,
} from './dates';
export type { DateContext, DateParse } from './dates';
export { chineseNumber, parseQuantity, KEYBOARD_MULTIPLIERS } from './numbers';
export { parsePeriod } from './period';
export { parseLevel, LEVEL_TOKENS } from './levels';
export { parseStatusText, parseYesNo, readStatusText, statusStatedIn } from './status';
export type { StatusReading } from './status';
export { columnLetter, columnIndex, columnOfLetters, cellAddress, parseCellAddress, parseRangeRef, parseAreaRef, areaRef, rangeRef, sheetRef, absoluteRef, MAX_ROW, MAX_COLUMN, SHEET_ROWS, SHEET_COLUMNS } from './addresses';
