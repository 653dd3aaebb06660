export type { Condition, LocalText, NumericField, TriagePreset, TriageRule } from './types';
export { NUMERIC_FIELDS } from './types';
export { DEFAULT_PRESET } from './default-preset';
export { describeProblem, validatePreset, PresetError } from './validate';
export type { PresetProblem } from './validate';
export { compilePreset, firedReasons, triageRecord } from './evaluate';
export type { CompiledPreset } from './evaluate';
