import { startTransition, useCallback, useEffect, useState, type RefObject } from 'react';
import type { FileProgress, JobSummary, MeetingFile, MeetingJobSummary, MeetingRunOptions, RunOptions, WebStage } from '../protocol';
import { RunnerCancelled, type Runner } from '../runner';
import { failureFrom, type PageFailure } from './page-failure';

/** Object URLs for the download; injectable because jsdom has none. */
export interface ObjectUrls {
  create(blob: Blob): string;
  revoke(url: string): void;
}

export const BROWSER_OBJECT_URLS: ObjectUrls = {
  create: (blob) => URL.createObjectURL(blob),
  revoke: (url) => URL.revokeObjectURL(url),
};

/** Where a run is: the worker's stages, and the page's own steps before and after them. */
export type PageStage = WebStage | 'preparing' | 'showing';

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

/** What a result was made from: a result whose key differs from the page's is out of date. */
export const optionsKey = (o: RunOptions) => JSON.stringify(o);
export const meetingKey = (o: MeetingRunOptions, files: readonly MeetingFile[]) =>
  JSON.stringify({ o, files: files.map((f) => [f.fileName, f.file.size, f.unit ?? null, f.sheet ?? null]) });

/** The download URL lives as long as its result is on screen: revoked once the next result (or none) is committed. */
function useRevokedWhenReplaced(url: string | undefined, objectUrls: ObjectUrls) {
  useEffect(
    () => () => {
      if (url) objectUrls.revoke(url);
    },
    [url, objectUrls],
  );
}

export interface JobRunDeps {
  runner: Runner;
  objectUrls: ObjectUrls;
  /** The number of the latest request to the runner: each one cancels the one before it. */
  requests: RefObject<number>;
}

/** A run of one ledger or of a joint meeting: its progress, its failure, and the result with its download. */
export function useJobRun({ runner, objectUrls, requests }: JobRunDeps) {
  const [stage, setStage] = useState<PageStage | null>(null);
  const [stageFile, setStageFile] = useState<FileProgress | null>(null);
  const [runFailure, setRunFailure] = useState<PageFailure | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [meetingResult, setMeetingResult] = useState<MeetingResult | null>(null);
  useRevokedWhenReplaced(result?.url, objectUrls);
  useRevokedWhenReplaced(meetingResult?.url, objectUrls);

  const runLedger = useCallback(
    async (file: File, options: RunOptions) => {
      const request = ++requests.current;
      setRunFailure(null);
      setStage('preparing');
      try {
        const done = await runner.run(file, options, (s) => setStage(s));
        const url = objectUrls.create(done.file);
        // The work is done and can no longer be cancelled; the result (a preview table of hundreds
        // of rows) renders as a transition, in slices, while the page says so.
        setStage('showing');
        startTransition(() => {
          setResult({ summary: done.summary, url, key: optionsKey(options) });
          setMeetingResult(null);
          setStage(null);
        });
      } catch (e) {
        if (request === requests.current) setStage(null);
        if (e instanceof RunnerCancelled) return;
        setRunFailure(failureFrom(e, file.name));
      }
    },
    [runner, objectUrls, requests],
  );

  /** A joint meeting of `files`; a failure is reported against `mainFileName`, the chosen ledger. */
  const runMeeting = useCallback(
    async (files: MeetingFile[], options: MeetingRunOptions, mainFileName: string) => {
      const request = ++requests.current;
      setRunFailure(null);
      setStage('preparing');
      setStageFile(null);
      try {
        const done = await runner.meeting(files, options, (s, f) => {
          setStage(s);
          setStageFile(f ?? null);
        });
        const url = objectUrls.create(done.file);
        setStage('showing');
        setStageFile(null);
        startTransition(() => {
          setMeetingResult({ summary: done.summary, url, key: meetingKey(options, files) });
          setResult(null);
          setStage(null);
        });
      } catch (e) {
        if (request === requests.current) {
          setStage(null);
          setStageFile(null);
        }
        if (e instanceof RunnerCancelled) return;
        setRunFailure(failureFrom(e, mainFileName));
      }
    },
    [runner, objectUrls, requests],
  );

  /** Stops the run under way; the runner rejects it as cancelled, which shows nothing. */
  const cancel = useCallback(() => {
    runner.cancel();
    setStage(null);
    setStageFile(null);
  }, [runner]);

  /** Another ledger was chosen: nothing of the last one's run stays on screen. */
  const clear = useCallback(() => {
    setRunFailure(null);
    setStage(null);
    setResult(null);
    setMeetingResult(null);
  }, []);

  return {
    stage,
    stageFile,
    running: stage !== null,
    runFailure,
    dismissRunFailure: useCallback(() => setRunFailure(null), []),
    result,
    meetingResult,
    runLedger,
    runMeeting,
    cancel,
    clear,
  };
}
