/**
 * How the page gets work done: the Runner interface (what WebApp asks for), the worker runner the
 * page uses, and the in-page fallback for browsers that refuse a worker (Chromium on a page opened
 * from file://). Tests give WebApp a fake Runner instead.
 */
import type { Language } from '../core';
import type {
  FileProgress,
  JobFailure,
  JobSummary,
  MeetingFile,
  MeetingJobSummary,
  MeetingRunOptions,
  RunOptions,
  WebStage,
  WorkbookInfo,
  WorkerRequest,
  WorkerResponse,
} from './protocol';

export interface RunResult {
  /** The processed workbook, typed with its MIME type. */
  file: Blob;
  summary: JobSummary;
}

export interface MeetingRunResult {
  file: Blob;
  summary: MeetingJobSummary;
}

export interface Runner {
  /** Finds the ledger in the file (the sheet given, or the one that looks most like a ledger). */
  inspect(file: Blob, request: { fileName: string; language: Language; sheet?: string }, onProgress?: (stage: WebStage) => void): Promise<WorkbookInfo>;
  /** Processes the file as `tricolor run` would with these options. */
  run(file: Blob, options: RunOptions, onProgress?: (stage: WebStage) => void): Promise<RunResult>;
  /** Joins several units' ledgers as `tricolor meeting` would; progress names the file being read. */
  meeting(files: MeetingFile[], options: MeetingRunOptions, onProgress?: (stage: WebStage, file?: FileProgress) => void): Promise<MeetingRunResult>;
  /** Ends the work under way; its promise rejects with a `RunnerCancelled`. */
  cancel(): void;
  /** False once the runner works in the page itself (no worker): big ledgers then hold the page. */
  readonly inBackground: boolean;
}

/** A failure reported by the work itself, in words the page can show (see JobFailure). */
export class RunnerFailure extends Error {
  constructor(readonly failure: JobFailure) {
    super(failure.message);
    this.name = 'RunnerFailure';
  }
}

export class RunnerCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'RunnerCancelled';
  }
}

type Handle = (request: WorkerRequest, post: (message: WorkerResponse) => void, cancelled: () => boolean) => Promise<void>;

/**
 * Work in this thread: the same handler as the worker's, loaded on first use (a separate chunk,
 * so the page does not carry the engine twice when the worker runs).
 */
async function inPageHandler(): Promise<Handle> {
  const { handleRequest } = await import('./worker');
  return handleRequest;
}

/** Lets the browser paint (the progress) before the page blocks on work. */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 30));

/**
 * The page's runner: each request in a fresh worker from `startWorker`, ended when it answers or
 * on cancel(). When no worker can be started, or one fails to load before it says anything, the
 * work runs in the page (same code) from then on.
 */
export function createWorkerRunner(startWorker: () => Worker | null): Runner {
  let workerWorks = true;
  /** The request under way: cancel() runs its clean-ups (end the worker, reject the caller). */
  let current: { cancelled: boolean; onCancel: (() => void)[] } | null = null;

  function viaWorker(request: WorkerRequest, onMessage: (m: WorkerResponse) => boolean, job: NonNullable<typeof current>): Promise<'unavailable' | void> {
    const worker = workerWorks ? startWorker() : null;
    if (!worker) {
      workerWorks = false;
      return Promise.resolve('unavailable');
    }
    job.onCancel.push(() => worker.terminate());
    return new Promise((resolve, reject) => {
      let heard = false;
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        heard = true;
        if (onMessage(event.data)) {
          worker.terminate();
          resolve();
        }
      };
      // A message that cannot be read (it never should be) is a failure, not a wait for ever.
      worker.onmessageerror = () => {
        worker.terminate();
        reject(new RunnerFailure({ kind: 'unexpected', message: 'unreadable message from the worker' }));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        if (!heard) {
          // The script did not load (or the browser refused it): do without a worker.
          workerWorks = false;
          resolve('unavailable');
        } else reject(new RunnerFailure({ kind: 'unexpected', message: event.message || 'worker error' }));
      };
      worker.postMessage(request);
    });
  }

  async function inPage(request: WorkerRequest, onMessage: (m: WorkerResponse) => boolean, job: NonNullable<typeof current>): Promise<void> {
    const handle = await inPageHandler();
    await nextPaint();
    if (job.cancelled) return;
    await handle(request, (m) => void (job.cancelled || onMessage(m)), () => job.cancelled);
  }

  async function request<T>(
    message: WorkerRequest,
    onProgress: ((stage: WebStage, file?: FileProgress) => void) | undefined,
    pick: (m: WorkerResponse) => T | undefined,
  ): Promise<T> {
    runner.cancel();
    const job: NonNullable<typeof current> = { cancelled: false, onCancel: [] };
    current = job;
    const cancelled = new Promise<never>((_, reject) => job.onCancel.push(() => reject(new RunnerCancelled())));
    cancelled.catch(() => undefined);
    let outcome: { value: T } | { failure: JobFailure } | null = null;
    const onMessage = (m: WorkerResponse): boolean => {
      if (m.type === 'progress') {
        if (m.file) onProgress?.(m.stage, m.file);
        else onProgress?.(m.stage);
        return false;
      }
      if (m.type === 'failed') outcome = { failure: m.failure };
      else {
        const value = pick(m);
        if (value !== undefined) outcome = { value };
      }
      return outcome !== null;
    };
    try {
      const via = await Promise.race([viaWorker(message, onMessage, job), cancelled]);
      if (via === 'unavailable') await Promise.race([inPage(message, onMessage, job), cancelled]);
    } finally {
      if (current === job) current = null;
    }
    const done = outcome as { value: T } | { failure: JobFailure } | null;
    if (!done) throw new RunnerFailure({ kind: 'unexpected', message: 'no answer' });
    if ('failure' in done) throw new RunnerFailure(done.failure);
    return done.value;
  }

  const runner: Runner = {
    get inBackground() {
      return workerWorks;
    },
    inspect: (file, r, onProgress) =>
      request({ type: 'inspect', file, fileName: r.fileName, language: r.language, sheet: r.sheet }, onProgress, (m) => (m.type === 'inspected' ? m.info : undefined)),
    run: (file, options, onProgress) =>
      request({ type: 'run', file, options }, onProgress, (m) => (m.type === 'done' ? { file: m.file, summary: m.summary } : undefined)),
    meeting: (files, options, onProgress) =>
      request({ type: 'meeting', files, options }, onProgress, (m) => (m.type === 'meetingDone' ? { file: m.file, summary: m.summary } : undefined)),
    cancel() {
      const job = current;
      current = null;
      if (!job || job.cancelled) return;
      job.cancelled = true;
      for (const f of job.onCancel) f();
    },
  };
  return runner;
}
