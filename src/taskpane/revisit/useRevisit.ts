import { useCallback, useState } from 'react';
import type { AddinHost, RevisitEntry, SelectedDispute } from '../../addin/host';
import type { Failure } from '../shared/failure';
import { ISO_DAY } from '../shared/dates';

export type RevisitMethod = RevisitEntry['method'];

export interface RevisitForm {
  /** YYYY-MM-DD; today unless the user changes it. */
  date: string;
  method: RevisitMethod;
  result: string;
  by: string;
}

/** Why a field cannot be sent, by field; the text is chosen by the component. */
export type RevisitProblem = 'required' | 'future';
export type RevisitProblems = Partial<Record<keyof RevisitForm, RevisitProblem>>;

export interface RevisitState {
  /** undefined until the selection is read; null when it is not on a dispute. */
  selected: SelectedDispute | null | undefined;
  reading: boolean;
  form: RevisitForm;
  problems: RevisitProblems;
  submitting: boolean;
  /** What the host answered to the last recorded revisit. */
  recorded: { nextRevisit: string | null } | null;
  failure: Failure | null;
  readSelection(): void;
  change<K extends keyof RevisitForm>(field: K, value: RevisitForm[K]): void;
  submit(): void;
  dismissFailure(): void;
}

/** The fields that must be filled, and a date that is not in the future. */
export function checkRevisit(form: RevisitForm, today: string): RevisitProblems {
  const problems: RevisitProblems = {};
  if (!ISO_DAY.test(form.date)) problems.date = 'required';
  else if (form.date > today) problems.date = 'future';
  if (!form.result.trim()) problems.result = 'required';
  if (!form.by.trim()) problems.by = 'required';
  return problems;
}

/** 回访: read the selected ledger row, then record a revisit of it. `today` comes from the entry point. */
export function useRevisit(host: AddinHost, today: string): RevisitState {
  const [selected, setSelected] = useState<SelectedDispute | null | undefined>(undefined);
  const [reading, setReading] = useState(false);
  const [form, setForm] = useState<RevisitForm>({ date: today, method: '电话', result: '', by: '' });
  const [problems, setProblems] = useState<RevisitProblems>({});
  const [submitting, setSubmitting] = useState(false);
  const [recorded, setRecorded] = useState<RevisitState['recorded']>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const readSelection = useCallback(() => {
    setReading(true);
    setFailure(null);
    setRecorded(null);
    setProblems({});
    host.selectedDispute().then(
      (dispute) => {
        setSelected(dispute);
        setReading(false);
      },
      (error: unknown) => {
        setFailure({ error });
        setReading(false);
      },
    );
  }, [host]);

  const change = useCallback(<K extends keyof RevisitForm>(field: K, value: RevisitForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    // A field the user is fixing stops showing its old complaint.
    setProblems((p) => (p[field] ? { ...p, [field]: undefined } : p));
  }, []);

  const submit = useCallback(() => {
    if (!selected || submitting) return;
    const found = checkRevisit(form, today);
    setProblems(found);
    if (Object.keys(found).length) return;
    const entry: RevisitEntry = {
      row: selected.row,
      date: form.date,
      method: form.method,
      result: form.result.trim(),
      by: form.by.trim(),
    };
    setSubmitting(true);
    setFailure(null);
    setRecorded(null);
    host.recordRevisit(entry).then(
      (answer) => {
        setRecorded({ nextRevisit: answer.nextRevisit });
        setSelected((s) => (s && s.row === entry.row ? { ...s, nextRevisit: answer.nextRevisit } : s));
        // The same person often records several revisits in a row: keep who and how, clear what.
        setForm((f) => ({ ...f, result: '' }));
        setSubmitting(false);
      },
      (error: unknown) => {
        setFailure({ error });
        setSubmitting(false);
      },
    );
  }, [host, today, selected, form, submitting]);

  const dismissFailure = useCallback(() => setFailure(null), []);

  return { selected, reading, form, problems, submitting, recorded, failure, readSelection, change, submit, dismissFailure };
}
