import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Language } from '../../core';
import type { MeetingFile, WorkbookInfo } from '../protocol';
import { RunnerCancelled, type Runner } from '../runner';
import { failureFrom, type PageFailure } from './page-failure';

/** Another unit's ledger added to the meeting: read in the worker, one at a time, in the order added. */
export interface AddedLedger {
  id: number;
  file: File;
  status: 'waiting' | 'reading' | 'ready' | 'failed';
  info: WorkbookInfo | null;
  failure: PageFailure | null;
  /** The unit as shown: the one the ledger names once read, or what the user typed. */
  unit: string;
  /** The user typed the unit (it is kept when the ledger is read again). */
  unitEdited: boolean;
}

export interface AddedLedgersDeps {
  runner: Runner;
  language: Language;
  /** The chosen ledger, as found (info null until it is), on the sheet the user picked. */
  chosen: { file: File | null; info: WorkbookInfo | null; sheet: string | undefined };
  /** The runner is inspecting the chosen ledger or running: added ledgers wait their turn. */
  busy: boolean;
}

const sameFile = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/** The joint meeting's other ledgers (三调联动): added, read one at a time, each with its unit, the chosen ledger's unit too. */
export function useAddedLedgers({ runner, language, chosen, busy }: AddedLedgersDeps) {
  const [others, setOthers] = useState<AddedLedger[]>([]);
  /** The chosen ledger's unit as the user typed it; null: the one its ledger names. */
  const [mainUnit, setMainUnit] = useState<string | null>(null);
  const [addNotice, setAddNotice] = useState<{ file: string } | null>(null);
  const nextId = useRef(1);
  const { file, info, sheet } = chosen;

  /** Other units' ledgers for the meeting; a file already in the list (or the chosen ledger) is not added twice. */
  const addLedgers = useCallback(
    (files: readonly File[]) => {
      const next = [...others];
      let duplicate: string | null = null;
      for (const f of files) {
        if ((file && sameFile(f, file)) || next.some((o) => sameFile(o.file, f))) duplicate = f.name;
        else next.push({ id: nextId.current++, file: f, status: 'waiting', info: null, failure: null, unit: '', unitEdited: false });
      }
      setOthers(next);
      setAddNotice(duplicate === null ? null : { file: duplicate });
    },
    [file, others],
  );

  const removeLedger = useCallback(
    (id: number) => {
      // A ledger being read is the runner's only request (they wait for it to be idle): end it.
      if (others.some((o) => o.id === id && o.status === 'reading')) runner.cancel();
      setOthers((list) => list.filter((o) => o.id !== id));
      setAddNotice(null);
    },
    [others, runner],
  );

  const setUnit = useCallback((id: number | 'main', unit: string) => {
    if (id === 'main') setMainUnit(unit);
    else setOthers((list) => list.map((o) => (o.id === id ? { ...o, unit, unitEdited: true } : o)));
  }, []);

  // Added ledgers are read one at a time, whenever the runner has nothing else to do: a run or the
  // chosen ledger's inspection ends a reading under way, which then waits its turn again.
  useEffect(() => {
    if (busy || others.some((o) => o.status === 'reading')) return;
    const next = others.find((o) => o.status === 'waiting');
    if (!next) return;
    const update = (change: (o: AddedLedger) => AddedLedger) => setOthers((list) => list.map((o) => (o.id === next.id ? change(o) : o)));
    update((o) => ({ ...o, status: 'reading', failure: null }));
    runner.inspect(next.file, { fileName: next.file.name, language }).then(
      (found) => update((o) => ({ ...o, status: 'ready', info: found, unit: o.unitEdited ? o.unit : found.unit })),
      (e: unknown) =>
        update((o) =>
          e instanceof RunnerCancelled ? (o.status === 'reading' ? { ...o, status: 'waiting' } : o) : { ...o, status: 'failed', failure: failureFrom(e, next.file.name) },
        ),
    );
  }, [busy, others, runner, language]);

  /** The ledgers of the meeting as they stand, or null while one is not read (or cannot be). */
  const meetingFiles = useMemo((): MeetingFile[] | null => {
    if (!file || !info || others.length === 0 || others.some((o) => o.status !== 'ready')) return null;
    // A unit is passed only when the user changed it (as FILE=单位 on the command line); else the engine reads it.
    const unitOf = (typed: string, found: string) => (typed.trim() && typed.trim() !== found ? { unit: typed.trim() } : {});
    return [
      { file, fileName: file.name, ...(mainUnit !== null ? unitOf(mainUnit, info.unit) : {}), ...(sheet !== undefined ? { sheet } : {}) },
      ...others.map((o) => ({ file: o.file, fileName: o.file.name, ...unitOf(o.unit, o.info!.unit) })),
    ];
  }, [file, info, others, mainUnit, sheet]);

  /** Why the run waits although the ledger is found: an added ledger still being read, or one that cannot be. */
  const othersBlock: 'reading' | 'failed' | null = others.some((o) => o.status === 'failed')
    ? 'failed'
    : others.some((o) => o.status !== 'ready')
      ? 'reading'
      : null;

  return {
    others,
    /** The chosen ledger's unit: as typed, else as its ledger names it. */
    mainUnit: mainUnit ?? info?.unit ?? '',
    addNotice,
    addLedgers,
    removeLedger,
    setUnit,
    /** Another ledger was chosen: its unit is read from it again. */
    forgetMainUnit: useCallback(() => setMainUnit(null), []),
    meetingFiles,
    othersBlock,
  };
}
