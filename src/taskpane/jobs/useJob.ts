import { useCallback, useRef, useState } from 'react';
import type { AddinHost, JobReport, Progress, ProgressListener } from '../../addin/host';
import type { Failure } from '../shared/failure';

export type JobStatus = 'idle' | 'running' | 'done' | 'failed';

/** One of the three jobs: the host call that writes, and what is left to show of it. */
export type JobTask = (onProgress: ProgressListener) => Promise<JobReport>;

export interface JobState {
  status: JobStatus;
  /** The latest progress the host reported during this run; null before the first report. */
  progress: Progress | null;
  report: JobReport | null;
  failure: Failure | null;
  /** Starts `task` unless a run is already going. */
  run(task: JobTask): void;
  /** Follows a link of the result card to its cell. */
  goTo(sheet: string, cell: string): void;
  dismissFailure(): void;
}

/** State of one job: idle → running (with progress) → done (report) or failed (message). */
export function useJob(host: AddinHost): JobState {
  const [status, setStatus] = useState<JobStatus>('idle');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<JobReport | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  // A second click while the host is still writing would start a second write of the same sheets.
  const running = useRef(false);

  const run = useCallback(
    (task: JobTask) => {
      if (running.current) return;
      running.current = true;
      setStatus('running');
      setProgress(null);
      setReport(null);
      setFailure(null);
      // Progress reported after the job settled (a late callback) must not bring the bar back.
      let settled = false;
      const settle = () => {
        settled = true;
        running.current = false;
      };
      const onProgress: ProgressListener = (p) => {
        if (!settled) setProgress({ ...p });
      };
      // A host that throws instead of rejecting is reported the same way.
      new Promise<JobReport>((resolve) => resolve(task(onProgress))).then(
        (result) => {
          settle();
          setReport(result);
          setStatus('done');
        },
        (error: unknown) => {
          settle();
          setFailure({ error });
          setStatus('failed');
        },
      );
    },
    [],
  );

  const goTo = useCallback(
    (sheet: string, cell: string) => {
      setFailure(null);
      host.selectCell(sheet, cell).catch((error: unknown) => setFailure({ error }));
    },
    [host],
  );

  const dismissFailure = useCallback(() => setFailure(null), []);

  return { status, progress, report, failure, run, goTo, dismissFailure };
}
