/// <reference types="office-js" />
import { createOfficeAddinHost } from '../../../src/hosts/officejs';
import { SyncTimeoutError } from '../../../src/core';
import { Syncer } from '../../../src/hosts/officejs/sync';
import { createExcelHost, FakeWorkbook } from '../harness';
import { bigLedger } from './ledger';

describe('a sync that never returns', () => {
  it('is abandoned after the timeout with a message that says so', async () => {
    jest.useFakeTimers();
    const never = { sync: () => new Promise<void>(() => undefined) } as unknown as Excel.RequestContext;
    const waiting = new Syncer(never, 30_000).sync();
    jest.advanceTimersByTime(30_000);
    await expect(waiting).rejects.toThrow(SyncTimeoutError);
    await expect(waiting).rejects.toThrow('Excel 在 30 秒内没有响应');
    // A timeout does not cancel what was sent: the message must not promise that nothing was written.
    await expect(waiting).rejects.not.toThrow(/未写入任何内容|已撤销/);
    const inEnglish = new Syncer(never, 30_000, 'en').sync();
    jest.advanceTimersByTime(30_000);
    await expect(inEnglish).rejects.toThrow('Excel did not answer within 30 seconds; the workbook may be busy, and what was already sent may still be written');
    jest.useRealTimers();
  });
});

describe('a triage that fails half-way', () => {
  it('leaves no stray add-in columns', async () => {
    // Requests of at most 200 KB: the first block of reasons for 3,000 rows does not fit.
    const workbook = FakeWorkbook.fromSheets([{ name: '台账', values: bigLedger(3000) }]);
    const excel = createExcelHost(workbook, { maxRequestBytes: 200 * 1024 });
    try {
      await expect(createOfficeAddinHost({ today: () => '2026-11-30', language: 'zh' }).triage()).rejects.toThrow();
      // Some columns were written before the refused request, so there was something to take back.
      const writes = excel.stats.requests.filter((r) => r.write);
      const refused = writes.findIndex((r) => r.error);
      expect(refused).toBeGreaterThan(0);
      expect(writes.slice(0, refused).some((r) => r.bytes > 10_000)).toBe(true);
      const header = workbook.sheet('台账').values('A1:N1')[0];
      expect(header.slice(10)).toEqual(['', '', '', '']);
      expect(workbook.sheet('台账').values('K2:M3000').flat().every((v) => v === '')).toBe(true);
    } finally {
      excel.dispose();
    }
  });
});
