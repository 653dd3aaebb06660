import { fill, message, type Catalogue } from '../messages';
import type { Language } from '../model';

/**
 * What can be wrong with a part of a triage preset, in the one catalogue shape: a county editing
 * its rules file reads each problem in its own language, at the JSON path it concerns.
 */
export const PRESET_PROBLEMS = {
  notJsonObject: { zh: '应为一个 JSON 对象', en: 'must be a JSON object' },
  version: { zh: '应为 2（或 1，即旧的关键词列表格式，读入时自动转换）', en: 'must be 2 (or 1, the keyword-list format, which is converted when loaded)' },
  classesObject: { zh: '应为按名称列出的词类对象', en: 'must be an object of word classes by name' },
  unknownClass: { zh: '应为 "classes" 中定义的词类名（{classes}）', en: 'must name a word class defined under "classes" ({classes})' },
  noClassesDefined: { zh: '应为 "classes" 中定义的词类名（尚未定义词类）', en: 'must name a word class defined under "classes" (none defined)' },
  classNames: { zh: '应为非空的词类名列表', en: 'must be a non-empty list of word class names' },
  className: { zh: '应为词类名', en: 'must be the name of a word class' },
  classNameList: { zh: '应为词类名列表', en: 'must be a list of word class names' },
  clauses: { zh: '应为 1 到 5 之间的整数', en: 'must be a whole number from 1 to 5' },
  boolean: { zh: '应为 true 或 false', en: 'must be true or false' },
  text: { zh: '应为非空文字', en: 'must be a non-empty string' },
  texts: { zh: '应为非空文字的列表', en: 'must be a list of non-empty strings' },
  nonEmptyTexts: { zh: '应为非空文字组成的非空列表', en: 'must be a non-empty list of non-empty strings' },
  nonEmptyList: { zh: '应为非空列表', en: 'must be a non-empty list' },
  object: { zh: '应为一个对象', en: 'must be an object' },
  duplicateId: { zh: '规则编号“{id}”重复', en: 'duplicate id "{id}"' },
  level: { zh: '应为 "red"、"yellow" 或 "green"', en: 'must be "red", "yellow" or "green"' },
  localText: { zh: '应为 {"zh": "…", "en": "…"}，中英文都要填写', en: 'must be {"zh": "…", "en": "…"} with both texts' },
  cadenceDays: { zh: '应为 1 到 366 之间的整天数', en: 'must be a whole number of days from 1 to 366' },
  cadenceObject: { zh: '应为包含 red、yellow、green 的对象', en: 'must be an object with red, yellow and green' },
  handlingObject: { zh: '应为包含 red、yellow、green、resolved 的对象', en: 'must be an object with red, yellow, green and resolved' },
  fieldNames: { zh: '应为非空的字段名列表', en: 'must be a non-empty list of field names' },
  unknownField: { zh: '未知字段“{field}”；可用字段：{known}', en: 'unknown field "{field}"; known: {known}' },
  exactlyOneOf: { zh: '应当且只应包含以下之一：{kinds}', en: 'must have exactly one of {kinds}' },
  pattern: { zh: '应为非空的正则表达式', en: 'must be a non-empty regular expression' },
  // The engine says what is wrong in English, and in other words in each browser: the common
  // faults are told in the user's words (validate.ts › PATTERN_FAULTS), the rest by badPattern.
  badPattern: { zh: '不是有效的正则表达式；请检查括号、方括号、重复符号与反斜杠', en: 'is not a valid regular expression; check its parentheses, brackets, repeats and backslashes' },
  patternGroup: { zh: '不是有效的正则表达式：圆括号 ( ) 没有配对，或 (? 后的写法有误', en: 'is not a valid regular expression: its parentheses ( ) do not pair up, or what follows (? is wrong' },
  patternClass: { zh: '不是有效的正则表达式：方括号 [ ] 没有闭合，或其中的范围前后颠倒（应写 [a-z]）', en: 'is not a valid regular expression: a bracket [ ] is not closed, or a range in it is backwards (write [a-z])' },
  patternRepeat: {
    zh: '不是有效的正则表达式：重复符号（* + ? {n,m}）前面没有可重复的内容，或花括号没有写完、数字前后颠倒',
    en: 'is not a valid regular expression: a repeat (* + ? {n,m}) has nothing before it to repeat, or its braces are unfinished or their numbers backwards',
  },
  patternEscape: {
    zh: '不是有效的正则表达式：反斜杠 \\ 后的写法无效（符号前加 \\ 表示符号本身，如 \\( \\.；\\d 表示数字）',
    en: 'is not a valid regular expression: what follows a backslash \\ is not valid (\\ before a symbol means the symbol itself, as \\( \\.; \\d means a digit)',
  },
  emptyPattern: {
    zh: '可以匹配空文字（如 $、x?、(?:)），会让每一行都触发这条规则；请写出规则要找的字',
    en: 'can match no text at all (as $, x?, (?:) do), which fires the rule on every line; write the characters the rule looks for',
  },
  patternName: { zh: '不是有效的正则表达式：命名分组 (?<名称>…) 的名称无效、重复或未定义', en: 'is not a valid regular expression: a named group (?<name>…) has an invalid, repeated or undefined name' },
  conditionTooDeep: {
    zh: '条件嵌套超过 {max} 层；请把条件拆成几条规则',
    en: 'conditions are nested more than {max} deep; split them into several rules',
  },
  slowPattern: {
    zh: '重复了本身就在重复的部分（如 (\\d+)+），或重复的几个选项可能从同一个字开始（如 (甲|甲乙)+），遇到长文字会极慢；请去掉外层的重复（写成 \\d+），或让每个选项以不同的字开头',
    en: 'repeats something that itself repeats (like (\\d+)+), or repeats a choice whose options may start with the same character (like (a|ab)+), which is extremely slow on long text; drop the outer repeat (write \\d+), or make each option start with a character of its own',
  },
  oneOf: { zh: '应为以下之一：{values}', en: 'must be one of {values}' },
  minOrMax: { zh: '需要 min 或 max', en: 'needs min or max' },
  number: { zh: '应为数字', en: 'must be a number' },
  minAboveMax: { zh: 'min 不能大于 max', en: 'min must not exceed max' },
  days: { zh: '应为整天数', en: 'must be a whole number of days' },
  conditions: { zh: '应为非空的条件列表', en: 'must be a non-empty list of conditions' },
} as const satisfies Catalogue;

export type PresetProblemCode = keyof typeof PRESET_PROBLEMS;

/** One thing wrong with a preset, located by a JSON path such as `rules[3].when.pattern`. */
export interface PresetProblem {
  path: string;
  code: PresetProblemCode;
  params?: Record<string, string | number>;
}

/** One problem as a line for the user, in their language: `path: what is wrong`. */
export function describeProblem(problem: PresetProblem, language: Language): string {
  return message('preset.problemLine', language, { path: problem.path, problem: fill(PRESET_PROBLEMS[problem.code][language], problem.params) });
}

/** Every problem of a preset as one line. */
export function describeProblems(problems: readonly PresetProblem[], language: Language): string {
  return problems.map((p) => describeProblem(p, language)).join(message('preset.problemSeparator', language));
}
