/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import { FakeRunner, INFO, MEETING_SUMMARY, SUMMARY } from '../testing/fake-runner';
import type { RunOptions } from '../protocol';
import { useJobRun, type ObjectUrls } from './useJobRun';

class RecordedUrls implements ObjectUrls {
  created = 0;
  revoked: string[] = [];
  create = () => `blob:${++this.created}`;
  revoke = (url: string) => void this.revoked.push(url);
}

const ledger = new File([new Uint8Array([1, 2, 3])], INFO.fileName);
const OPTIONS: RunOptions = { fileName: INFO.fileName, language: 'zh', asOf: '2026-11-30', mask: true };

function setUp() {
  const runner = new FakeRunner();
  const urls = new RecordedUrls();
  const requests = { current: 0 };
  const { result } = renderHook(() => useJobRun({ runner, objectUrls: urls, requests }));
  return { runner, urls, job: result };
}

describe('useJobRun', () => {
  it('runs the ledger to a result with its download link', async () => {
    const { runner, job } = setUp();
    await act(() => job.current.runLedger(ledger, OPTIONS));
    expect(runner.callsTo('run')).toEqual([{ method: 'run', fileName: INFO.fileName, options: OPTIONS }]);
    expect(job.current.result).toMatchObject({ summary: SUMMARY, url: 'blob:1' });
    expect(job.current.running).toBe(false);
  });

  it('keeps the old link working until the next result replaces it', async () => {
    const { urls, job } = setUp();
    await act(() => job.current.runLedger(ledger, OPTIONS));
    expect(urls.revoked).toEqual([]);
    await act(() => job.current.runLedger(ledger, { ...OPTIONS, mask: false }));
    expect(job.current.result?.url).toBe('blob:2');
    expect(urls.revoked).toEqual(['blob:1']);
  });

  it('shows a meeting result in place of the ledger result', async () => {
    const { urls, job } = setUp();
    await act(() => job.current.runLedger(ledger, OPTIONS));
    const files = [{ file: ledger, fileName: INFO.fileName }];
    await act(() => job.current.runMeeting(files, { language: 'zh', asOf: '2026-11-30', mask: true }, INFO.fileName));
    expect(job.current.meetingResult).toMatchObject({ summary: MEETING_SUMMARY, url: 'blob:2' });
    expect(job.current.result).toBeNull();
    expect(urls.revoked).toEqual(['blob:1']);
  });

  it('reports a failed run as the runner words it, until dismissed', async () => {
    const { runner, job } = setUp();
    runner.runFailure = { kind: 'unexpected', message: '磁盘已满' };
    await act(() => job.current.runLedger(ledger, OPTIONS));
    expect(job.current.runFailure).toEqual({ kind: 'unexpected', message: '磁盘已满' });
    expect(job.current.result).toBeNull();
    act(() => job.current.dismissRunFailure());
    expect(job.current.runFailure).toBeNull();
  });

  it('shows progress while running, and nothing once cancelled', async () => {
    const { runner, job } = setUp();
    runner.hold();
    let running: Promise<void> = Promise.resolve();
    act(() => void (running = job.current.runLedger(ledger, OPTIONS)));
    await waitFor(() => expect(job.current.stage).toBe('load'));
    expect(job.current.running).toBe(true);
    act(() => job.current.cancel());
    await act(() => running);
    expect(runner.callsTo('cancel')).toHaveLength(1);
    expect(job.current).toMatchObject({ stage: null, running: false, runFailure: null, result: null });
  });
});
