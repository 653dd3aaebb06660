export type { Condition, LocalText, NumericField, TriagePreset, TriageRule, WordClass } from './types';
export { NUMERIC_FIELDS } from './types';
export { DEFAULT_PRESET } from './default-preset';
export { describeProblem, validatePreset, PresetError, PRESET_PROBLEMS } from './validate';
export type { PresetProblem } from './validate';
export { compilePreset, firedReasons, triageRecord, NO_RULE_FIRED } from './evaluate';
export type { CompiledPreset } from './evaluate';
export { headcountInText, amountInText, mediationFailuresInText, policeCallsInText } from './text-numbers';
export type { TextNumber } from './text-numbers';
