import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { defaultPeriod, describeProblem, formatDay, message, parseIsoDay, CATALOGUE, type FieldName, type Language, type MessageCode } from '../core';
import { downloadTextFile, type SaveTextFile } from '../taskpane/rules/save-text-file';
import { usePresetDraft } from '../taskpane/rules/usePresetDraft';
import type { JobFailure, JobSummary, MappedColumn, RunOptions, WebStage, WorkbookInfo } from './protocol';
import { correctedColumns } from './columns';
import { RunnerCancelled, RunnerFailure, type Runner } from './runner';
import { WEB_STRINGS, type WebStrings } from './strings';

/** Object URLs for the download; injectable because jsdom has none. */
export interface ObjectUrls {
  create(blob: Blob): string;
  revoke(url: string): void;
}

export const BROWSER_OBJECT_URLS: ObjectUrls = {
  create: (blob) => URL.createObjectURL(blob),
  revoke: (url) => URL.revokeObjectURL(url),
};

export interface WebAppProps {
  runner: Runner;
  /** Today on this computer, YYYY-MM-DD: the default as-of date. */
  today: string;
  /** The language the page opens in (Chinese unless the browser's is known and not Chinese). */
  language?: Language;
  objectUrls?: ObjectUrls;
  /** How an exported preset reaches the user; a browser download unless given (tests pass a recorder). */
  saveTextFile?: SaveTextFile;
}

export type DateProblem = 'required' | 'invalid' | 'order';

/** Where a run is: the worker's stages, and the page's own steps before and after them. */
export type PageStage = WebStage | 'preparing' | 'showing';

/** Something the page could not do, kept as data so it can be worded in whichever language is on. */
export type PageFailure = JobFailure | { kind: 'read'; file: string };

export interface Result {
  summary: JobSummary;
  url: string;
  /** The options it was made with, to tell when the page's options have moved on. */
  key: string;
}

const optionsKey = (o: RunOptions) => JSON.stringify(o);

/** The page's whole state: the file, its ledger and mapping, the options, the run and its result. */
export function useWebApp({ runner, today, language: initialLanguage = 'zh', objectUrls = BROWSER_OBJECT_URLS, saveTextFile = downloadTextFile }: WebAppProps) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const t: WebStrings = WEB_STRINGS[language];

  const [file, setFile] = useState<File | null>(null);
  const [inspecting, setInspecting] = useState(false);
  const [info, setInfo] = useState<WorkbookInfo | null>(null);
  const [inspectFailure, setInspectFailure] = useState<PageFailure | null>(null);
  const [sheetChoice, setSheetChoice] = useState<string | undefined>(undefined);
  const [corrections, setCorrections] = useState<Partial<Record<FieldName, number | null>>>({});
  const [lastCorrection, setLastCorrection] = useState<{ field: FieldName; column: string | null } | null>(null);

  const [asOf, setAsOfDay] = useState(today);
  const [period, setPeriodDays] = useState(() => periodFor(today));
  const [periodTouched, setPeriodTouched] = useState(false);
  const [mask, setMask] = useState(true);
  // The rules start as the default; a chosen file replaces them, and the user's edits go on top.
  const presetDraft = usePresetDraft(saveTextFile, 'default');
  const [dateProblems, setDateProblems] = useState<{ asOf?: DateProblem; from?: DateProblem; to?: DateProblem }>({});

  const [stage, setStage] = useState<PageStage | null>(null);
  const [runFailure, setRunFailure] = useState<PageFailure | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  // The download URL lives as long as its result is on screen: it is revoked once the next result
  // (or none) has been committed, so the old link works until it is gone.
  useEffect(() => {
    const url = result?.url;
    return () => {
      if (url) objectUrls.revoke(url);
    };
  }, [result?.url, objectUrls]);

  // Every request cancels the one before it (one runner); only the latest may end "busy".
  const latestRequest = useRef(0);

  /** Finds the ledger (on `sheet`, or wherever it is); false when it failed (the failure is shown). */
  const inspect = useCallback(
    async (chosen: File, sheet: string | undefined): Promise<boolean> => {
      const request = ++latestRequest.current;
      setInspecting(true);
      setInspectFailure(null);
      try {
        const found = await runner.inspect(chosen, { fileName: chosen.name, language, sheet });
        // A transition: React renders the mapping table in slices, so the page keeps answering.
        startTransition(() => {
          setInfo(found);
          setCorrections({});
          setLastCorrection(null);
          setInspecting(false);
        });
        return true;
      } catch (e) {
        if (!(e instanceof RunnerCancelled)) setInspectFailure(failureFrom(e, chosen.name));
        if (request === latestRequest.current) setInspecting(false);
        return false;
      }
    },
    [runner, language],
  );

  const chooseFile = useCallback(
    (chosen: File) => {
      setFile(chosen);
      setInfo(null);
      setSheetChoice(undefined);
      setRunFailure(null);
      setStage(null);
      setResult(null);
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

  const columns: MappedColumn[] = useMemo(() => (info ? correctedColumns(info.columns, corrections) : []), [info, corrections]);

  const correct = useCallback(
    (index: number, field: FieldName | null) => {
      const current = columns.find((c) => c.index === index);
      if (!current || current.field === field) return;
      if (field === null) {
        if (!current.field) return;
        const removed = current.field;
        setCorrections((c) => ({ ...c, [removed]: null }));
        setLastCorrection({ field: removed, column: null });
      } else {
        setCorrections((c) => {
          // Corrections apply in order, a later one taking its column from an earlier one: the
          // field goes last, and a field corrected onto this column before now has no column.
          const next: Partial<Record<FieldName, number | null>> = {};
          for (const [other, col] of Object.entries(c) as [FieldName, number | null][]) if (other !== field) next[other] = col === index ? null : col;
          next[field] = index;
          return next;
        });
        setLastCorrection({ field, column: current.column });
      }
    },
    [columns],
  );
  const undoCorrections = useCallback(() => {
    setCorrections({});
    setLastCorrection(null);
  }, []);

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

  /** The options of a run as the page now stands, or null when a date is missing or wrong (problems shown). */
  const currentOptions = useCallback(
    (showProblems: boolean): RunOptions | null => {
      if (!file) return null;
      const problems: { asOf?: DateProblem; from?: DateProblem; to?: DateProblem } = {};
      const check = (day: string): DateProblem | undefined => (!day ? 'required' : parseIsoDay(day) === null ? 'invalid' : undefined);
      problems.asOf = check(asOf);
      problems.from = check(period.from);
      problems.to = check(period.to);
      if (!problems.from && !problems.to && period.from > period.to) problems.to = 'order';
      const bad = Object.values(problems).some(Boolean);
      if (showProblems) setDateProblems(bad ? problems : {});
      // Edited rules with a problem are not used: the run waits until they are corrected.
      const checked = presetDraft.checked;
      const rules = showProblems ? presetDraft.validated() : checked?.ok ? checked.preset : null;
      if (bad || !rules) return null;
      const defaultP = periodFor(asOf);
      const fieldColumns = Object.keys(corrections).length ? corrections : undefined;
      return {
        fileName: file.name,
        language,
        asOf,
        // The default period is left to the engine, as the command leaves it without --period.
        ...(period.from === defaultP.from && period.to === defaultP.to ? {} : { period: { from: period.from, to: period.to } }),
        mask,
        // The default rules, unedited, are left to the engine, as the command leaves them without --rules.
        ...(presetDraft.file !== null || presetDraft.changed ? { presetJson: rules } : {}),
        ...(sheetChoice !== undefined ? { sheet: sheetChoice } : {}),
        ...(fieldColumns ? { fieldColumns } : {}),
      };
    },
    [file, asOf, period, corrections, language, mask, presetDraft, sheetChoice],
  );

  const run = useCallback(async () => {
    if (!file || !info) return;
    const options = currentOptions(true);
    if (!options) return;
    const request = ++latestRequest.current;
    setRunFailure(null);
    setStage('preparing');
    try {
      const done = await runner.run(file, options, (s) => setStage(s));
      const url = objectUrls.create(new Blob([done.bytes], { type: done.summary.mimeType }));
      // The work is done and can no longer be cancelled; the result (a preview table of hundreds
      // of rows) renders as a transition, in slices, while the page says so.
      setStage('showing');
      startTransition(() => {
        setResult({ summary: done.summary, url, key: optionsKey(options) });
        setStage(null);
      });
    } catch (e) {
      if (request === latestRequest.current) setStage(null);
      if (e instanceof RunnerCancelled) return;
      setRunFailure(failureFrom(e, file.name));
    }
  }, [file, info, currentOptions, runner, objectUrls]);

  const cancel = useCallback(() => {
    runner.cancel();
    setStage(null);
    setInspecting(false);
  }, [runner]);

  const optionsNow = currentOptions(false);
  const stale = !!result && (!optionsNow || optionsKey(optionsNow) !== result.key);

  return {
    language,
    setLanguage,
    t,
    file,
    chooseFile,
    inspecting,
    info,
    inspectFailure,
    dismissInspectFailure: () => setInspectFailure(null),
    chooseSheet,
    columns,
    corrections,
    lastCorrection,
    correct,
    undoCorrections,
    asOf,
    setAsOf,
    period,
    setPeriod,
    mask,
    setMask,
    presetDraft,
    dateProblems,
    running: stage !== null,
    stage,
    inBackground: runner.inBackground,
    run,
    cancel,
    runFailure,
    dismissRunFailure: () => setRunFailure(null),
    result,
    stale,
  };
}

export type WebAppState = ReturnType<typeof useWebApp>;

/** The as-of month up to the as-of date, as YYYY-MM-DD (the engine's default period). */
export function periodFor(asOf: string): { from: string; to: string } {
  const day = parseIsoDay(asOf);
  if (day === null) return { from: '', to: '' };
  const p = defaultPeriod(day);
  return { from: formatDay(p.from), to: formatDay(p.to) };
}

function failureFrom(error: unknown, fileName: string): PageFailure {
  if (error instanceof RunnerFailure) return error.failure;
  if (error instanceof DOMException && error.name === 'NotReadableError') return { kind: 'read', file: fileName };
  return { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

/** A failure in the page's language: catalogue messages are worded again, anything else as it came. */
export function failureText(failure: PageFailure, language: Language): string {
  const t = WEB_STRINGS[language];
  switch (failure.kind) {
    case 'workbook': {
      // The catalogue's advice names the command's --sheet; on the page the sheet is picked from a list.
      if (failure.code === 'ledger.notFound') return t.ledger.notFound(String(failure.params.sheet ?? ''));
      return failure.code in CATALOGUE ? message(failure.code as MessageCode, language, failure.params) : failure.message;
    }
    case 'preset':
      return failure.problems.map((p) => describeProblem(p, language)).join(language === 'zh' ? '；' : '; ');
    case 'read':
      return t.errors.readFailed(failure.file);
    case 'unexpected':
      return t.errors.unexpected(failure.message);
  }
}
