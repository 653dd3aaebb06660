import { useCallback, useRef, useState } from 'react';
import type { Language } from '../core';
import { downloadTextFile, type SaveTextFile } from '../ui';
import type { MeetingRunOptions, RunOptions } from './protocol';
import type { Runner } from './runner';
import { webText } from './messages';
import { useAddedLedgers } from './state/useAddedLedgers';
import { useChosenLedger } from './state/useChosenLedger';
import { BROWSER_OBJECT_URLS, meetingKey, optionsKey, useJobRun, type ObjectUrls } from './state/useJobRun';
import { useRunOptions } from './state/useRunOptions';

// The page's state lives in ./state, one hook per concern; the components import its types from here.
export { failureText, fileFailureText, type PageFailure } from './state/page-failure';
export { periodFor, type DateProblem } from './state/useRunOptions';
export { BROWSER_OBJECT_URLS, type MeetingResult, type ObjectUrls, type PageStage, type Result } from './state/useJobRun';
export type { AddedLedger } from './state/useAddedLedgers';

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

/** A meeting's options: the run's, without what belongs to one ledger (its name, sheet and corrections). */
const meetingOptionsOf = ({ language, asOf, period, mask, presetJson }: RunOptions): MeetingRunOptions => ({
  language,
  asOf,
  ...(period ? { period } : {}),
  mask,
  ...(presetJson !== undefined ? { presetJson } : {}),
});

/**
 * The page's whole state, put together from one hook per concern: the chosen ledger and its
 * mapping, the options, the run and its result, and the meeting's other ledgers.
 */
export function useWebApp({ runner, today, language: initialLanguage = 'zh', objectUrls = BROWSER_OBJECT_URLS, saveTextFile = downloadTextFile }: WebAppProps) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const t = webText(language);
  // Every request cancels the one before it (one runner); only the latest may end "busy".
  const requests = useRef(0);

  const ledger = useChosenLedger({ runner, language, requests });
  const options = useRunOptions(today, saveTextFile);
  const job = useJobRun({ runner, objectUrls, requests });
  const meeting = useAddedLedgers({
    runner,
    language,
    chosen: { file: ledger.file, info: ledger.info, sheet: ledger.sheetChoice },
    busy: ledger.inspecting || job.running,
  });
  const { file, info, sheetChoice } = ledger;
  const { corrections } = ledger.corrections;

  const { choose: chooseLedger } = ledger;
  const { clear: clearRun } = job;
  const { forgetMainUnit } = meeting;
  const chooseFile = useCallback(
    (chosen: File) => {
      clearRun();
      forgetMainUnit();
      chooseLedger(chosen);
    },
    [chooseLedger, clearRun, forgetMainUnit],
  );

  /** The options of a run as the page now stands, or null when a date is missing or wrong (problems shown). */
  const { check: checkOptions } = options;
  const currentOptions = useCallback(
    (showProblems: boolean): RunOptions | null => {
      if (!file) return null;
      const checked = checkOptions(showProblems);
      if (!checked) return null;
      const fieldColumns = Object.keys(corrections).length ? corrections : undefined;
      return {
        fileName: file.name,
        language,
        ...checked,
        ...(sheetChoice !== undefined ? { sheet: sheetChoice } : {}),
        ...(fieldColumns ? { fieldColumns } : {}),
      };
    },
    [file, checkOptions, corrections, language, sheetChoice],
  );

  const { meetingFiles, others } = meeting;
  const { runLedger, runMeeting } = job;
  const run = useCallback(async () => {
    if (!file || !info) return;
    if (others.length > 0) {
      if (!meetingFiles) return;
      const chosen = currentOptions(true);
      if (chosen) await runMeeting(meetingFiles, meetingOptionsOf(chosen), file.name);
      return;
    }
    const chosen = currentOptions(true);
    if (chosen) await runLedger(file, chosen);
  }, [file, info, others.length, meetingFiles, currentOptions, runLedger, runMeeting]);

  const { cancel: cancelJob } = job;
  const { stopInspecting } = ledger;
  const cancel = useCallback(() => {
    cancelJob();
    stopInspecting();
  }, [cancelJob, stopInspecting]);

  const optionsNow = currentOptions(false);
  const { result, meetingResult } = job;
  const stale = !!result && (!optionsNow || optionsKey(optionsNow) !== result.key);
  const meetingStale = !!meetingResult && (!optionsNow || !meetingFiles || meetingKey(meetingOptionsOf(optionsNow), meetingFiles) !== meetingResult.key);

  return {
    language,
    setLanguage,
    t,
    file,
    chooseFile,
    inspecting: ledger.inspecting,
    info,
    inspectFailure: ledger.inspectFailure,
    dismissInspectFailure: ledger.dismissInspectFailure,
    chooseSheet: ledger.chooseSheet,
    columns: ledger.corrections.columns,
    corrections,
    lastCorrection: ledger.corrections.lastCorrection,
    correct: ledger.corrections.correct,
    undoCorrections: ledger.corrections.clear,
    asOf: options.asOf,
    setAsOf: options.setAsOf,
    period: options.period,
    setPeriod: options.setPeriod,
    mask: options.mask,
    setMask: options.setMask,
    presetDraft: options.presetDraft,
    dateProblems: options.dateProblems,
    running: job.running,
    stage: job.stage,
    stageFile: job.stageFile,
    inBackground: runner.inBackground,
    run,
    cancel,
    runFailure: job.runFailure,
    dismissRunFailure: job.dismissRunFailure,
    result,
    stale,
    others,
    mainUnit: meeting.mainUnit,
    addNotice: meeting.addNotice,
    addLedgers: meeting.addLedgers,
    removeLedger: meeting.removeLedger,
    setUnit: meeting.setUnit,
    othersBlock: meeting.othersBlock,
    meetingResult,
    meetingStale,
  };
}

export type WebAppState = ReturnType<typeof useWebApp>;
