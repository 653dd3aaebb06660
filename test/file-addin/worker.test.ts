/**
 * The pane's operations in a worker (src/hosts/file-addin: worker.ts, worker-runner.ts): the same
 * answers as in the page, with everything crossing postMessage as structured clones; failures come
 * back with their catalogue message; where no worker starts, or it fails to load, the page does the work.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TricolorError } from '../../src/core';
import type { Progress } from '../../src/addin/host';
import { createWorkerFileRunner, openFileAddinSession } from '../../src/hosts/file-addin';
import { handleCall } from '../../src/hosts/file-addin/worker';
import type { AnswerMessage, CallMessage } from '../../src/hosts/file-addin/protocol';

const SAMPLE = new Uint8Array(fs.readFileSync(path.resolve(__dirname, '../../assets/sample-ledger.xlsx')));
const options = { language: 'zh' as const, today: () => '2026-11-30' };

/** A worker running worker.ts's handler a task later, every message cloned as postMessage clones it. */
class FakeWorker {
  onmessage: ((event: { data: AnswerMessage }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  calls: string[] = [];
  terminated = false;
  constructor(private readonly loads = true) {}
  postMessage(message: CallMessage) {
    const sent = structuredClone(message);
    this.calls.push(sent.call.operation.kind);
    setTimeout(() => {
      if (!this.loads) return this.onerror?.({ message: 'script failed to load', preventDefault: () => undefined });
      handleCall(sent, (answer) => this.onmessage?.({ data: structuredClone(answer) }));
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('the pane’s operations in a worker', () => {
  it('triage through the worker: the sample’s counts, progress on the way, the new bytes kept by the page', async () => {
    const worker = new FakeWorker();
    const session = await openFileAddinSession(SAMPLE, 'sample-ledger.xlsx', { runner: createWorkerFileRunner(() => worker as unknown as Worker), ...options });
    const stages: Progress['stage'][] = [];
    const report = await session.host.triage((p) => stages.push(p.stage));
    expect(report.counts.byLevel).toEqual({ red: 15, yellow: 27, green: 258 });
    expect(stages).toEqual(['read', 'triage', 'write']);
    expect(session.workbook().changed).toBe(true);
    expect(worker.calls).toEqual(['view', 'triage', 'view']);
    session.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('a failure comes back as the TricolorError it was, in the user’s words', async () => {
    const session = await openFileAddinSession(SAMPLE, 'sample-ledger.xlsx', { runner: createWorkerFileRunner(() => new FakeWorker() as unknown as Worker), ...options });
    const failed = session.host.recordRevisit({ row: 2, date: '2026-11-30', method: '电话', result: '', by: '' });
    await expect(failed).rejects.toBeInstanceOf(TricolorError);
    await expect(failed).rejects.toThrow('第 2 行不是台账中的纠纷');
    expect(session.workbook().changed).toBe(false);
  });

  it('works in the page where no worker starts, or where the worker’s script does not load', async () => {
    const none = await openFileAddinSession(SAMPLE, 'sample-ledger.xlsx', { runner: createWorkerFileRunner(() => null), ...options });
    expect((await none.host.detect()).sheet).toBe('矛盾纠纷台账');
    const broken = new FakeWorker(false);
    const fallback = await openFileAddinSession(SAMPLE, 'sample-ledger.xlsx', { runner: createWorkerFileRunner(() => broken as unknown as Worker), ...options });
    expect(broken.terminated).toBe(true);
    expect((await fallback.host.writeDueList()).counts.overdue).toBe(126);
  });
});
