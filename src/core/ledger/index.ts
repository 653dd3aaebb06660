export { detectLedger, DETECTION_ROWS } from './detect';
export type { LedgerLayout } from './detect';
export { readRecords, textKey, writtenField } from './read';
export type { LedgerRead, ReadOptions } from './read';
export { FIELD_ALIASES, FIELD_NAMES, FIELD_LABELS, OWN_COLUMN_HEADERS } from './fields';
export type { FieldAliases, OwnColumn } from './fields';
export { findLedgerUnit, unitInTitle, unitFromFileName, baseFileName } from './unit';
