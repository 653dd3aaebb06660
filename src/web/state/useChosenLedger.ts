import { startTransition, useCallback, useState, type RefObject } from 'react';
import type { Language } from '../../core';
import type { WorkbookInfo } from '../protocol';
import { RunnerCancelled, type Runner } from '../runner';
import { failureFrom, type PageFailure } from './page-failure';
import { useColumnCorrections } from './useColumnCorrections';

export interface ChosenLedgerDeps {
  runner: Runner;
  language: Language;
  /** The number of the latest request to the runner: each one cancels the one before it. */
  requests: RefObject<number>;
}

/** The chosen file, the ledger found in it (on the sheet the user picked) and the user's corrections of its mapping. */
export function useChosenLedger({ runner, language, requests }: ChosenLedgerDeps) {
  const [file, setFile] = useState<File | null>(null);
  const [inspecting, setInspecting] = useState(false);
  const [info, setInfo] = useState<WorkbookInfo | null>(null);
  const [inspectFailure, setInspectFailure] = useState<PageFailure | null>(null);
  const [sheetChoice, setSheetChoice] = useState<string | undefined>(undefined);
  const corrections = useColumnCorrections(info?.columns);
  const clearCorrections = corrections.clear;

  /** Finds the ledger (on `sheet`, or wherever it is); false when it failed (the failure is shown). */
  const inspect = useCallback(
    async (chosen: File, sheet: string | undefined): Promise<boolean> => {
      const request = ++requests.current;
      setInspecting(true);
      setInspectFailure(null);
      try {
        const found = await runner.inspect(chosen, { fileName: chosen.name, language, sheet });
        // A transition: React renders the mapping table in slices, so the page keeps answering.
        startTransition(() => {
          setInfo(found);
          clearCorrections();
          setInspecting(false);
        });
        return true;
      } catch (e) {
        if (!(e instanceof RunnerCancelled)) setInspectFailure(failureFrom(e, chosen.name));
        // Only the latest request may end "busy": a cancelled one was replaced by another.
        if (request === requests.current) setInspecting(false);
        return false;
      }
    },
    [runner, language, requests, clearCorrections],
  );

  const choose = useCallback(
    (chosen: File) => {
      setFile(chosen);
      setInfo(null);
      setSheetChoice(undefined);
      void inspect(chosen, undefined);
    },
    [inspect],
  );

  const chooseSheet = useCallback(
    async (sheet: string) => {
      if (!file) return;
      // A sheet without a ledger leaves the one found before in place, with the reason shown.
      if (await inspect(file, sheet)) setSheetChoice(sheet);
    },
    [file, inspect],
  );

  return {
    file,
    inspecting,
    info,
    inspectFailure,
    dismissInspectFailure: useCallback(() => setInspectFailure(null), []),
    sheetChoice,
    choose,
    chooseSheet,
    /** The runner was told to stop: nothing is being inspected any more. */
    stopInspecting: useCallback(() => setInspecting(false), []),
    corrections,
  };
}
