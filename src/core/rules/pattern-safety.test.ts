import { backtracksBadly } from './pattern-safety';

describe('backtracksBadly: the preset patterns refused as too slow on a long cell', () => {
  it.each([
    // A repeat of a repeat.
    ['(\\d+)+元', 'a repeated group of digits'],
    ['(扬言*)*', 'a repeated group that may be empty'],
    ['(?:\\s?\\d+){2,}', 'a group repeated at least twice'],
    ['(?:\\d+){12}x', 'a fixed count of a repeat (40 digits: 92 s)'],
    ['((?:\\d+))+', 'a repeat around a group that repeats'],
    // A repeated choice whose options may start alike.
    ['(?:甲|甲)*乙', 'the same option twice (30 characters: 85 s)'],
    ['(\\d|1)+元', 'a class and a character in it'],
    ['(砍?杀|杀)+', 'an option whose first character may be left out'],
    ['(?:砍|)*', 'an empty option'],
    ['(砍|砍伤)+', 'options with one start (the check cannot tell it from (a|aa)+)'],
    ['((?:砍)|(?:杀))+', 'options that are groups'],
    ['(.|砍)+', 'a dot among the options'],
    // A repeated group of varying length whose first character may stand later in it.
    ['(甲甲?)+乙', 'a character and the same optional (38 characters: 8 s)'],
    ['(\\d\\d?)+元', 'a digit and an optional digit'],
    ['(\\s?\\d\\d?)+元', 'an optional first character'],
    ['(\\d{1,2})+', 'a range repeated'],
    ['(b?,b?)+', 'optional characters on both sides of the comma'],
  ])('refuses %s: %s', (pattern) => {
    expect(backtracksBadly(pattern)).toBe(true);
  });

  it.each([
    ['(砍|杀)+', 'options that start apart'],
    ['(\\d|X){18}', 'an ID number: a digit or X, 18 times'],
    ['(?:\\d|[Xx])+号', 'a class beside a class it shares nothing with'],
    ['(\\d|[一二三四五六七八九十])+人', 'Arabic or Chinese numerals'],
    ['(\\d|,)+元', 'digits and commas'],
    ['(\\d{1,3},){2}\\d{3}元', 'digit groups each closed by a comma'],
    ['\\d{4}(?:[-./年]\\d{1,2}){2}', 'a date'],
    ['(?:,\\d{3})+元', 'thousands groups'],
    ['(砍|砍伤)?人', 'a choice that is not repeated'],
    ['(砍|砍伤){0,1}人', 'a choice at most once'],
    ['\\d+万元', 'a repeat outside any group'],
    ['^(是|√|✓|✔|[Yy]|[Yy][Ee][Ss])$', 'the default preset’s one pattern'],
  ])('takes %s: %s', (pattern) => {
    expect(backtracksBadly(pattern)).toBe(false);
  });
});
