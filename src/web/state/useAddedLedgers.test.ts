/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import { FakeRunner, INFO } from '../testing/fake-runner';
import type { WorkbookInfo } from '../protocol';
import { useAddedLedgers } from './useAddedLedgers';

const file = (name: string) => new File([new Uint8Array([1, 2, 3])], name, { lastModified: 1 });
const main = file(INFO.fileName);
const justice = file('justice.xlsx');
const court = file('court.xlsx');

function setUp(start: { busy: boolean; info?: WorkbookInfo | null } = { busy: false }) {
  const runner = new FakeRunner();
  const { result, rerender } = renderHook(
    ({ busy, info }: { busy: boolean; info: WorkbookInfo | null }) =>
      useAddedLedgers({ runner, language: 'zh', chosen: { file: main, info, sheet: undefined }, busy }),
    { initialProps: { busy: start.busy, info: start.info === undefined ? INFO : start.info } },
  );
  return { runner, meeting: result, rerender };
}

describe('useAddedLedgers', () => {
  it('adds a file once, never the chosen ledger, and names the one it left out', () => {
    const { meeting } = setUp({ busy: true });
    act(() => meeting.current.addLedgers([justice, main]));
    expect(meeting.current.others.map((o) => o.file.name)).toEqual(['justice.xlsx']);
    expect(meeting.current.addNotice).toEqual({ file: INFO.fileName });
    act(() => meeting.current.addLedgers([file('justice.xlsx'), court]));
    expect(meeting.current.others.map((o) => o.file.name)).toEqual(['justice.xlsx', 'court.xlsx']);
    expect(meeting.current.addNotice).toEqual({ file: 'justice.xlsx' });
  });

  it('reads the added ledgers one at a time, in order, only while the runner is free', async () => {
    const { runner, meeting, rerender } = setUp({ busy: true });
    act(() => meeting.current.addLedgers([justice, court]));
    expect(runner.callsTo('inspect')).toEqual([]);
    expect(meeting.current.othersBlock).toBe('reading');
    rerender({ busy: false, info: INFO });
    await waitFor(() => expect(meeting.current.others.map((o) => o.status)).toEqual(['ready', 'ready']));
    expect(runner.callsTo('inspect').map((c) => c.fileName)).toEqual(['justice.xlsx', 'court.xlsx']);
    expect(meeting.current.others.map((o) => o.unit)).toEqual(['青山镇司法所', '青山人民法庭']);
    expect(meeting.current.othersBlock).toBeNull();
  });

  it('holds the meeting back while an added ledger cannot be read', async () => {
    const { runner, meeting } = setUp();
    runner.readFailures.set('court.xlsx', { kind: 'unexpected', message: '文件已损坏' });
    act(() => meeting.current.addLedgers([court]));
    await waitFor(() => expect(meeting.current.others[0].status).toBe('failed'));
    expect(meeting.current.others[0].failure).toEqual({ kind: 'unexpected', message: '文件已损坏' });
    expect(meeting.current.othersBlock).toBe('failed');
    expect(meeting.current.meetingFiles).toBeNull();
    act(() => meeting.current.removeLedger(meeting.current.others[0].id));
    expect(meeting.current.others).toEqual([]);
    expect(meeting.current.othersBlock).toBeNull();
  });

  it('names a unit for the engine only where the user changed it', async () => {
    const { meeting } = setUp();
    act(() => meeting.current.addLedgers([justice]));
    await waitFor(() => expect(meeting.current.others[0]?.status).toBe('ready'));
    expect(meeting.current.mainUnit).toBe(INFO.unit);
    expect(meeting.current.meetingFiles?.map(({ fileName, unit }) => ({ fileName, unit }))).toEqual([
      { fileName: INFO.fileName, unit: undefined },
      { fileName: 'justice.xlsx', unit: undefined },
    ]);
    act(() => meeting.current.setUnit('main', ' 青山派出所 '));
    act(() => meeting.current.setUnit(meeting.current.others[0].id, '青山镇司法所'));
    expect(meeting.current.meetingFiles?.map((f) => f.unit)).toEqual(['青山派出所', undefined]);
    act(() => meeting.current.forgetMainUnit());
    expect(meeting.current.mainUnit).toBe(INFO.unit);
  });

  it('has no meeting until the chosen ledger is found', async () => {
    const { meeting } = setUp({ busy: false, info: null });
    act(() => meeting.current.addLedgers([justice]));
    await waitFor(() => expect(meeting.current.others[0]?.status).toBe('ready'));
    expect(meeting.current.meetingFiles).toBeNull();
  });
});
