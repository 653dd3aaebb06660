import * as fs from 'fs';
import * as path from 'path';
import type { RunOptions, WorkerRequest, WorkerResponse } from './protocol';
import * as runJobModule from './run-job';
import { runJob } from './run-job';
import { createWorkerRunner, RunnerCancelled, RunnerFailure } from './runner';
import { closeNetwork, handleRequest, NETWORK_APIS } from './worker';

const LEDGER = new Uint8Array(fs.readFileSync(path.resolve(__dirname, '../../test/fixtures/excel-everything.xlsx')));
const OPTIONS: RunOptions = { fileName: 'excel-everything.xlsx', language: 'zh', asOf: '2020-06-30', mask: true };

/**
 * A Worker as the page sees one, running worker.ts's handler on the messages it is posted (as the
 * real worker does, without a thread), or failing to load when told to.
 */
class FakeWorker {
  static started: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  posted: WorkerRequest[] = [];
  constructor(private readonly behaviour: 'works' | 'fails to load' | 'crashes after progress' | 'never answers' | 'answers unreadably' = 'works') {
    FakeWorker.started.push(this);
  }
  postMessage(request: WorkerRequest) {
    this.posted.push(request);
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour === 'fails to load') return this.error('Failed to load web-worker.js');
      if (this.behaviour === 'never answers') return this.deliver({ type: 'progress', stage: 'load' });
      if (this.behaviour === 'answers unreadably') return this.onmessageerror?.({} as MessageEvent);
      if (this.behaviour === 'crashes after progress') {
        this.deliver({ type: 'progress', stage: 'load' });
        return this.error('Out of memory');
      }
      void handleRequest(request, (message) => this.deliver(message));
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
  private deliver(message: WorkerResponse) {
    if (!this.terminated) this.onmessage?.({ data: structuredClone(message) } as MessageEvent<WorkerResponse>);
  }
  private error(message: string) {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

const asWorker = (w: FakeWorker) => w as unknown as Worker;

beforeEach(() => {
  FakeWorker.started = [];
});

describe('createWorkerRunner', () => {
  it('runs each request in a fresh worker, relays the stages and ends the worker with the answer', async () => {
    const runner = createWorkerRunner(() => asWorker(new FakeWorker()));
    const stages: string[] = [];
    const done = await runner.run(new Blob([LEDGER]), OPTIONS, (s) => stages.push(s));
    expect(stages).toEqual(['load', 'read', 'triage', 'write', 'preview']);
    expect(Buffer.from(await done.file.arrayBuffer()).equals(Buffer.from(runJob(LEDGER, OPTIONS).bytes))).toBe(true);
    expect(done.summary.counts.disputes).toBe(32);
    const info = await runner.inspect(new Blob([LEDGER]), { fileName: 'a.xlsx', language: 'zh' });
    expect(info.sheet).toBe('矛盾纠纷台账');
    expect(FakeWorker.started.map((w) => [w.posted[0].type, w.terminated])).toEqual([
      ['run', true],
      ['inspect', true],
    ]);
    expect(runner.inBackground).toBe(true);
  });

  it('a meeting runs in its worker: each file’s stages named, the meeting workbook and its summary back', async () => {
    const runner = createWorkerRunner(() => asWorker(new FakeWorker()));
    const dir = path.resolve(__dirname, '../../test/fixtures/meeting');
    const files = ['police.xlsx', 'justice.xlsx'].map((fileName) => ({ file: new Blob([fs.readFileSync(path.join(dir, fileName))]), fileName }));
    const steps: string[] = [];
    const done = await runner.meeting(files, { language: 'zh', asOf: '2026-11-30', mask: true }, (stage, file) => steps.push(file ? `${stage} ${file.index + 1}/${file.count} ${file.name}` : stage));
    expect(steps).toEqual(['load 1/2 police.xlsx', 'load 2/2 justice.xlsx', 'read 1/2 police.xlsx', 'read 2/2 justice.xlsx', 'triage', 'write', 'preview']);
    expect(done.summary.units.map((u) => u.unit)).toEqual(['青山镇派出所', '青山镇司法所']);
    expect(new Uint8Array(await done.file.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([80, 75]));
    expect(FakeWorker.started.map((w) => [w.posted[0].type, w.terminated])).toEqual([['meeting', true]]);
  });

  it('a failure in the worker comes back as a RunnerFailure with the words for the page', async () => {
    const runner = createWorkerRunner(() => asWorker(new FakeWorker()));
    const failed = runner.inspect(new Blob([new Uint8Array([1, 2, 3])]), { fileName: 'x.xlsx', language: 'en' });
    await expect(failed).rejects.toBeInstanceOf(RunnerFailure);
    await expect(failed).rejects.toMatchObject({ failure: { kind: 'workbook', code: 'file.notWorkbook', params: { file: 'x.xlsx' } } });
  });

  it('where no worker can start (Chromium on file://), the same work runs in the page, and says so', async () => {
    const runner = createWorkerRunner(() => null);
    const stages: string[] = [];
    const done = await runner.run(new Blob([LEDGER]), OPTIONS, (s) => stages.push(s));
    expect(stages).toEqual(['load', 'read', 'triage', 'write', 'preview']);
    expect(Buffer.from(await done.file.arrayBuffer()).equals(Buffer.from(runJob(LEDGER, OPTIONS).bytes))).toBe(true);
    expect(runner.inBackground).toBe(false);
  });

  it('a worker that fails to load before it says anything: the page does the work, and does not try workers again', async () => {
    let starts = 0;
    const runner = createWorkerRunner(() => (starts++, asWorker(new FakeWorker('fails to load'))));
    const info = await runner.inspect(new Blob([LEDGER]), { fileName: 'a.xlsx', language: 'zh' });
    expect(info.headerRows).toEqual([3, 4]);
    expect(runner.inBackground).toBe(false);
    await runner.run(new Blob([LEDGER]), OPTIONS);
    expect(starts).toBe(1);
  });

  it('a worker that dies during the work is a failure, not a reason to work in the page', async () => {
    const runner = createWorkerRunner(() => asWorker(new FakeWorker('crashes after progress')));
    await expect(runner.run(new Blob([LEDGER]), OPTIONS)).rejects.toMatchObject({ failure: { kind: 'unexpected', message: 'Out of memory' } });
    expect(runner.inBackground).toBe(true);
    expect(FakeWorker.started[0].terminated).toBe(true);
  });

  it('cancel() ends the worker and rejects with RunnerCancelled; a new request cancels the one before', async () => {
    const runner = createWorkerRunner(() => asWorker(new FakeWorker('never answers')));
    const first = runner.run(new Blob([LEDGER]), OPTIONS);
    await new Promise((r) => setTimeout(r, 5));
    runner.cancel();
    await expect(first).rejects.toBeInstanceOf(RunnerCancelled);
    expect(FakeWorker.started[0].terminated).toBe(true);
    const second = runner.run(new Blob([LEDGER]), OPTIONS);
    const third = runner.inspect(new Blob([LEDGER]), { fileName: 'a.xlsx', language: 'zh' });
    await expect(second).rejects.toBeInstanceOf(RunnerCancelled);
    expect(FakeWorker.started[1].terminated).toBe(true);
    runner.cancel();
    await expect(third).rejects.toBeInstanceOf(RunnerCancelled);
  });

  it('a message from the worker that cannot be read is a failure, not a wait for ever', async () => {
    const runner = createWorkerRunner(() => asWorker(new FakeWorker('answers unreadably')));
    await expect(runner.run(new Blob([LEDGER]), OPTIONS)).rejects.toMatchObject({ failure: { kind: 'unexpected' } });
    expect(FakeWorker.started[0].terminated).toBe(true);
  });

  it('in the page, a job cancelled while its file is being read is not started', async () => {
    const runner = createWorkerRunner(() => null);
    // A file whose bytes arrive only when the test says so, as a big file read from disk would.
    let deliver: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (deliver = resolve));
    const slowFile = { size: LEDGER.length, arrayBuffer: async () => (await arrived, LEDGER.slice().buffer) } as unknown as Blob;
    const jobs = jest.spyOn(runJobModule, 'runJob');
    try {
      const stages: string[] = [];
      const run = runner.run(slowFile, OPTIONS, (s) => stages.push(s));
      await new Promise((r) => setTimeout(r, 60));
      expect(stages).toEqual(['load']);
      runner.cancel();
      await expect(run).rejects.toBeInstanceOf(RunnerCancelled);
      deliver();
      await new Promise((r) => setTimeout(r, 20));
      // The job (which would hold the page) never began.
      expect(jobs).not.toHaveBeenCalled();
    } finally {
      jobs.mockRestore();
    }
  });

  it('cancel() before in-page work starts stops it', async () => {
    const runner = createWorkerRunner(() => null);
    const stages: string[] = [];
    const run = runner.run(new Blob([LEDGER]), OPTIONS, (s) => stages.push(s));
    runner.cancel();
    await expect(run).rejects.toBeInstanceOf(RunnerCancelled);
    expect(stages).toEqual([]);
  });
});

describe('closeNetwork: the worker removes its own means of connection', () => {
  it('leaves fetch, XMLHttpRequest, WebSocket, EventSource and WebTransport undefined, and they stay so', () => {
    const global: Record<string, unknown> = { fetch: () => 'sent', XMLHttpRequest: class {}, WebSocket: class {}, EventSource: class {}, postMessage: () => undefined };
    closeNetwork(global);
    expect(NETWORK_APIS.map((name) => global[name])).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(() => {
      global.fetch = () => 'sent again';
    }).toThrow(TypeError);
    expect(typeof global.postMessage).toBe('function');
  });
});

describe('handleRequest: a file larger than any workbook the page opens', () => {
  // A file the size of a film: its size alone refuses it, so it is never read whole into the worker.
  const huge = { size: 600 * 1024 * 1024, arrayBuffer: jest.fn() } as unknown as Blob & { arrayBuffer: jest.Mock };

  it.each([
    ['a run', { type: 'run', file: huge, options: { ...OPTIONS, fileName: '录像.xlsx' } } as WorkerRequest],
    ['a look at its sheets', { type: 'inspect', file: huge, fileName: '录像.xlsx', language: 'zh' } as WorkerRequest],
    ['a meeting', { type: 'meeting', files: [{ file: huge, fileName: '录像.xlsx' }], options: { ...OPTIONS } } as unknown as WorkerRequest],
  ])('is refused by name before it is read, for %s', async (_, request) => {
    const posted: WorkerResponse[] = [];
    await handleRequest(request, (m) => posted.push(m));
    const last = posted[posted.length - 1];
    expect(last).toMatchObject({ type: 'failed', failure: { kind: 'workbook', code: 'file.tooLarge' } });
    expect(last.type === 'failed' && last.failure.message).toBe('“录像.xlsx”有 600 MB，超过本工具能处理的 128 MB；请把台账按年度或按单位拆成几个文件，或把其中的图片移出后再试');
    expect(huge.arrayBuffer).not.toHaveBeenCalled();
  });
});

describe('handleRequest: a meeting whose files together are too large', () => {
  it('is refused by their sizes before any is read', async () => {
    const unit = () => ({ size: 50 * 1024 * 1024, arrayBuffer: jest.fn() }) as unknown as Blob & { arrayBuffer: jest.Mock };
    const files = [unit(), unit(), unit()];
    const request = { type: 'meeting', files: files.map((file, i) => ({ file, fileName: `单位${i + 1}.xlsx` })), options: { ...OPTIONS } } as unknown as WorkerRequest;
    const posted: WorkerResponse[] = [];
    await handleRequest(request, (m) => posted.push(m));
    const last = posted[posted.length - 1];
    expect(last).toMatchObject({ type: 'failed', failure: { kind: 'workbook', code: 'meeting.filesTooLarge' } });
    expect(last.type === 'failed' && last.failure.message).toBe('这些台账文件合计 150 MB，超过本工具一次能处理的 128 MB；请少选几个单位的台账，或把台账按年度拆开后再试');
    for (const f of files) expect(f.arrayBuffer).not.toHaveBeenCalled();
  });
});
