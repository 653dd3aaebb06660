import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { defaultPeriod, describeProblem, formatDay, message, parseIsoDay, CATALOGUE, type FieldName, type Language, type MessageCode } from '../core';
import { downloadTextFile, usePresetDraft, type SaveTextFile } from '../ui';
import type {
  FileProgress,
  JobFailure,
  JobSummary,
  MappedColumn,
  MeetingFile,
  MeetingJobSummary,
  MeetingRunOptions,
  RunOptions,
  WebStage,
  WorkbookInfo,
} from './protocol';
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

/** A joint meeting's result: the meeting workbook and what the page shows of it. */
export interface MeetingResult {
  summary: MeetingJobSummary;
  url: string;
  /** The options and ledgers it was made with. */
  key: string;
}

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

const optionsKey = (o: RunOptions) => JSON.stringify(o);
const meetingKey = (o: MeetingRunOptions, files: readonly MeetingFile[]) =>
  JSON.stringify({ o, files: files.map((f) => [f.fileName, f.file.size, f.unit ?? null, f.sheet ?? null]) });
/** A meeting's options: the run's, without what belongs to one ledger (its name, sheet and corrections). */
const meetingOptionsOf = ({ language, asOf, period, mask, presetJson }: RunOptions): MeetingRunOptions => ({
  language,
  asOf,
  ...(period ? { period } : {}),
  mask,
  ...(presetJson !== undefined ? { presetJson } : {}),
});
const sameFile = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

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
  const [stageFile, setStageFile] = useState<FileProgress | null>(null);
  const [runFailure, setRunFailure] = useState<PageFailure | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  // The joint meeting: other units' ledgers, the unit of each (the chosen ledger's too), the result.
  const [others, setOthers] = useState<AddedLedger[]>([]);
  const [mainUnit, setMainUnit] = useState<string | null>(null);
  const [addNotice, setAddNotice] = useState<{ file: string } | null>(null);
  const [meetingResult, setMeetingResult] = useState<MeetingResult | null>(null);
  const nextId = useRef(1);

  // The download URL lives as long as its result is on screen: it is revoked once the next result
  // (or none) has been committed, so the old link works until it is gone.
  useEffect(() => {
    const url = result?.url;
    return () => {
      if (url) objectUrls.revoke(url);
    };
  }, [result?.url, objectUrls]);
  useEffect(() => {
    const url = meetingResult?.url;
    return () => {
      if (url) objectUrls.revoke(url);
    };
  }, [meetingResult?.url, objectUrls]);

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
      setMeetingResult(null);
      setMainUnit(null);
      void inspect(chosen, undefined);
    },
    [inspect],
  );

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
  const busy = inspecting || stage !== null;
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

  /** The ledgers of the meeting as they stand, or null while one is not read (or cannot be). */
  const meetingFiles = useMemo((): MeetingFile[] | null => {
    if (!file || !info || others.length === 0 || others.some((o) => o.status !== 'ready')) return null;
    // A unit is passed only when the user changed it (as FILE=单位 on the command line); else the engine reads it.
    const unitOf = (typed: string, found: string) => (typed.trim() && typed.trim() !== found ? { unit: typed.trim() } : {});
    return [
      { file, fileName: file.name, ...(mainUnit !== null ? unitOf(mainUnit, info.unit) : {}), ...(sheetChoice !== undefined ? { sheet: sheetChoice } : {}) },
      ...others.map((o) => ({ file: o.file, fileName: o.file.name, ...unitOf(o.unit, o.info!.unit) })),
    ];
  }, [file, info, others, mainUnit, sheetChoice]);

  const runMeeting = useCallback(async () => {
    if (!file || !meetingFiles) return;
    const options = currentOptions(true);
    if (!options) return;
    const meetingOptions = meetingOptionsOf(options);
    const request = ++latestRequest.current;
    setRunFailure(null);
    setStage('preparing');
    setStageFile(null);
    try {
      const done = await runner.meeting(meetingFiles, meetingOptions, (s, f) => {
        setStage(s);
        setStageFile(f ?? null);
      });
      const url = objectUrls.create(new Blob([done.bytes], { type: done.summary.mimeType }));
      setStage('showing');
      setStageFile(null);
      startTransition(() => {
        setMeetingResult({ summary: done.summary, url, key: meetingKey(meetingOptions, meetingFiles) });
        setResult(null);
        setStage(null);
      });
    } catch (e) {
      if (request === latestRequest.current) {
        setStage(null);
        setStageFile(null);
      }
      if (e instanceof RunnerCancelled) return;
      setRunFailure(failureFrom(e, file.name));
    }
  }, [file, meetingFiles, currentOptions, runner, objectUrls]);

  const run = useCallback(async () => {
    if (!file || !info) return;
    if (others.length > 0) return runMeeting();
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
        setMeetingResult(null);
        setStage(null);
      });
    } catch (e) {
      if (request === latestRequest.current) setStage(null);
      if (e instanceof RunnerCancelled) return;
      setRunFailure(failureFrom(e, file.name));
    }
  }, [file, info, others.length, runMeeting, currentOptions, runner, objectUrls]);

  const cancel = useCallback(() => {
    runner.cancel();
    setStage(null);
    setStageFile(null);
    setInspecting(false);
  }, [runner]);

  const optionsNow = currentOptions(false);
  const stale = !!result && (!optionsNow || optionsKey(optionsNow) !== result.key);
  const meetingStale = !!meetingResult && (!optionsNow || !meetingFiles || meetingKey(meetingOptionsOf(optionsNow), meetingFiles) !== meetingResult.key);
  /** Why the run waits although the ledger is found: an added ledger still being read, or one that cannot be. */
  const othersBlock: 'reading' | 'failed' | null = others.some((o) => o.status === 'failed')
    ? 'failed'
    : others.some((o) => o.status !== 'ready')
      ? 'reading'
      : null;

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
    stageFile,
    inBackground: runner.inBackground,
    run,
    cancel,
    runFailure,
    dismissRunFailure: () => setRunFailure(null),
    result,
    stale,
    others,
    mainUnit: mainUnit ?? info?.unit ?? '',
    addNotice,
    addLedgers,
    removeLedger,
    setUnit,
    othersBlock,
    meetingResult,
    meetingStale,
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

/**
 * A failure with one of several files (a joint meeting's): the failure's text with the file named
 * before it where the text does not name it already.
 */
export function fileFailureText(failure: PageFailure, language: Language, file: string): string {
  return WEB_STRINGS[language].meeting.fileProblem(file, failureText(failure, language));
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
