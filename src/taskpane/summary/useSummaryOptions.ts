import { useCallback, useState } from 'react';
import type { SummaryOptions } from '../../addin/host';
import { ISO_DAY, firstOfMonth } from '../shared/dates';

export type PeriodProblem = 'required' | 'order';

export interface SummaryOptionsState {
  from: string;
  to: string;
  mask: boolean;
  /** Switching masking off waits for the user to confirm. */
  confirmingMaskOff: boolean;
  problems: { from?: PeriodProblem; to?: PeriodProblem };
  setFrom(day: string): void;
  setTo(day: string): void;
  /** The switch was flipped: on at once, off only after confirmation. */
  requestMask(on: boolean): void;
  confirmMaskOff(): void;
  cancelMaskOff(): void;
  /** The options to send, or null (with problems shown) when the period is not valid. */
  check(): SummaryOptions | null;
}

/** 汇总: the meeting period (default: the first of this month to today) and handout masking (on). */
export function useSummaryOptions(today: string): SummaryOptionsState {
  const [from, setFromDay] = useState(() => firstOfMonth(today));
  const [to, setToDay] = useState(today);
  const [mask, setMask] = useState(true);
  const [confirmingMaskOff, setConfirming] = useState(false);
  const [problems, setProblems] = useState<SummaryOptionsState['problems']>({});

  const setFrom = useCallback((day: string) => {
    setFromDay(day);
    setProblems({});
  }, []);
  const setTo = useCallback((day: string) => {
    setToDay(day);
    setProblems({});
  }, []);
  const requestMask = useCallback((on: boolean) => {
    if (on) setMask(true);
    else setConfirming(true);
  }, []);
  const confirmMaskOff = useCallback(() => {
    setMask(false);
    setConfirming(false);
  }, []);
  const cancelMaskOff = useCallback(() => setConfirming(false), []);

  const check = useCallback((): SummaryOptions | null => {
    const found: SummaryOptionsState['problems'] = {};
    if (!ISO_DAY.test(from)) found.from = 'required';
    if (!ISO_DAY.test(to)) found.to = 'required';
    if (!found.from && !found.to && from > to) found.to = 'order';
    setProblems(found);
    return found.from || found.to ? null : { from, to, mask };
  }, [from, to, mask]);

  return { from, to, mask, confirmingMaskOff, problems, setFrom, setTo, requestMask, confirmMaskOff, cancelMaskOff, check };
}
