import { useCallback, useState } from 'react';
import { defaultPeriod, formatDay, parseIsoDay } from '../../core';
import { usePresetDraft, type SaveTextFile } from '../../ui';
import type { RunOptions } from '../protocol';

export type DateProblem = 'required' | 'invalid' | 'order';
export type DateProblems = { asOf?: DateProblem; from?: DateProblem; to?: DateProblem };

/** The options that do not depend on the ledger: the as-of date, the period, masking and the rules. */
export type LedgerFreeOptions = Pick<RunOptions, 'asOf' | 'period' | 'mask' | 'presetJson'>;

/** The as-of month up to the as-of date, as YYYY-MM-DD (the engine's default period). */
export function periodFor(asOf: string): { from: string; to: string } {
  const day = parseIsoDay(asOf);
  if (day === null) return { from: '', to: '' };
  const p = defaultPeriod(day);
  return { from: formatDay(p.from), to: formatDay(p.to) };
}

/** The options the user sets before a run, and whether they can be used as they stand. */
export function useRunOptions(today: string, saveTextFile: SaveTextFile) {
  const [asOf, setAsOfDay] = useState(today);
  const [period, setPeriodDays] = useState(() => periodFor(today));
  const [periodTouched, setPeriodTouched] = useState(false);
  const [mask, setMask] = useState(true);
  // The rules start as the default; a chosen file replaces them, and the user's edits go on top.
  const presetDraft = usePresetDraft(saveTextFile, 'default');
  const [dateProblems, setDateProblems] = useState<DateProblems>({});

  const setAsOf = useCallback(
    (day: string) => {
      setAsOfDay(day);
      setDateProblems({});
      // The period follows the as-of date until the user sets it.
      if (!periodTouched && parseIsoDay(day) !== null) setPeriodDays(periodFor(day));
    },
    [periodTouched],
  );
  const setPeriod = useCallback((which: 'from' | 'to', day: string) => {
    setPeriodTouched(true);
    setPeriodDays((p) => ({ ...p, [which]: day }));
    setDateProblems({});
  }, []);

  /**
   * The options as they stand, or null when a date is missing or wrong or the edited rules have a
   * problem; with `showProblems` the dates' and the rules' problems are shown.
   */
  const check = useCallback(
    (showProblems: boolean): LedgerFreeOptions | null => {
      const problems: DateProblems = {};
      const checkDay = (day: string): DateProblem | undefined => (!day ? 'required' : parseIsoDay(day) === null ? 'invalid' : undefined);
      problems.asOf = checkDay(asOf);
      problems.from = checkDay(period.from);
      problems.to = checkDay(period.to);
      if (!problems.from && !problems.to && period.from > period.to) problems.to = 'order';
      const bad = Object.values(problems).some(Boolean);
      if (showProblems) setDateProblems(bad ? problems : {});
      // Edited rules with a problem are not used: the run waits until they are corrected.
      const checked = presetDraft.checked;
      const rules = showProblems ? presetDraft.validated() : checked?.ok ? checked.preset : null;
      if (bad || !rules) return null;
      const defaultP = periodFor(asOf);
      return {
        asOf,
        // The default period is left to the engine, as the command leaves it without --period.
        ...(period.from === defaultP.from && period.to === defaultP.to ? {} : { period: { from: period.from, to: period.to } }),
        mask,
        // The default rules, unedited, are left to the engine, as the command leaves them without --rules.
        ...(presetDraft.file !== null || presetDraft.changed ? { presetJson: rules } : {}),
      };
    },
    [asOf, period, mask, presetDraft],
  );

  return { asOf, setAsOf, period, setPeriod, mask, setMask, presetDraft, dateProblems, check };
}
