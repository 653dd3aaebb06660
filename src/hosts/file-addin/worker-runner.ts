/**
 * The operations in a worker, so a large ledger never holds the page: one worker for the session,
 * started on the first call. Where no worker can start (Chromium refuses them to a page opened from
 * file://) or the script fails to load before it answers, the operations run in the page from then
 * on (the same code, loaded on first use).
 */
import type { Language } from '../../core';
import type { ProgressListener } from '../../addin/host';
import type { FileAnswer, FileCall, FileOperationKind } from './operations';
import { receivedFailure, type AnswerMessage, type CallMessage } from './protocol';
import type { FileRunner } from './session';

interface Pending {
  resolve(answer: FileAnswer): void;
  reject(error: Error): void;
  onProgress?: ProgressListener;
  language: Language;
  call: FileCall;
}

export function createWorkerFileRunner(startWorker: () => Worker | null): FileRunner {
  let worker: Worker | null | undefined;
  let heard = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  async function inPage(call: FileCall, onProgress?: ProgressListener): Promise<FileAnswer> {
    const { runFileOperation } = await import('./operations');
    return runFileOperation(call, onProgress);
  }

  /** The worker failed before it said anything: every call waiting is run in the page instead. */
  function giveUpWorker() {
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) inPage(p.call, p.onProgress).then(p.resolve, p.reject);
  }

  function started(): Worker | null {
    if (worker !== undefined) return worker;
    worker = startWorker();
    if (!worker) return null;
    worker.onmessage = (event: MessageEvent<AnswerMessage>) => {
      heard = true;
      const message = event.data;
      const p = pending.get(message.id);
      if (!p) return;
      if (message.type === 'progress') return p.onProgress?.(message.progress);
      pending.delete(message.id);
      if (message.type === 'failed') p.reject(receivedFailure(message.failure, p.language));
      else p.resolve({ value: message.value as FileAnswer['value'], bytes: message.bytes });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (!heard) return giveUpWorker();
      const error = new Error(event.message || 'worker error');
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    return worker;
  }

  return {
    run<K extends FileOperationKind>(call: FileCall<K>, onProgress?: ProgressListener): Promise<FileAnswer<K>> {
      const w = started();
      if (!w) return inPage(call, onProgress) as Promise<FileAnswer<K>>;
      return new Promise<FileAnswer>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject, onProgress, language: call.language, call });
        w.postMessage({ id, call } satisfies CallMessage);
      }) as Promise<FileAnswer<K>>;
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new Error('closed'));
      pending.clear();
    },
  };
}
