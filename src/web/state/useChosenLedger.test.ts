/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import { FakeRunner, INFO } from '../testing/fake-runner';
import { useChosenLedger } from './useChosenLedger';

const ledger = new File([new Uint8Array([1, 2, 3])], INFO.fileName);

function setUp() {
  const runner = new FakeRunner();
  const requests = { current: 0 };
  const { result } = renderHook(() => useChosenLedger({ runner, language: 'zh', requests }));
  return { runner, chosen: result };
}

describe('useChosenLedger', () => {
  it('finds the ledger of the chosen file', async () => {
    const { runner, chosen } = setUp();
    act(() => chosen.current.choose(ledger));
    expect(chosen.current.file).toBe(ledger);
    expect(chosen.current.inspecting).toBe(true);
    await waitFor(() => expect(chosen.current.info?.sheet).toBe('台账'));
    expect(chosen.current.inspecting).toBe(false);
    expect(runner.callsTo('inspect')[0].request).toEqual({ fileName: INFO.fileName, language: 'zh', sheet: undefined });
  });

  it('keeps the ledger found when the sheet picked has none, and says why', async () => {
    const { chosen } = setUp();
    act(() => chosen.current.choose(ledger));
    await waitFor(() => expect(chosen.current.info).not.toBeNull());
    await act(() => chosen.current.chooseSheet('说明'));
    expect(chosen.current.inspectFailure).toMatchObject({ kind: 'workbook', code: 'ledger.notFound' });
    expect(chosen.current.info?.sheet).toBe('台账');
    expect(chosen.current.sheetChoice).toBeUndefined();
    await act(() => chosen.current.chooseSheet('统计'));
    expect(chosen.current.info?.sheet).toBe('统计');
    expect(chosen.current.sheetChoice).toBe('统计');
    expect(chosen.current.inspectFailure).toBeNull();
  });

  it('drops the corrections when the ledger is found again', async () => {
    const { chosen } = setUp();
    act(() => chosen.current.choose(ledger));
    await waitFor(() => expect(chosen.current.info).not.toBeNull());
    act(() => chosen.current.corrections.correct(6, 'owner'));
    expect(chosen.current.corrections.corrections).toEqual({ owner: 6 });
    await act(() => chosen.current.chooseSheet('统计'));
    expect(chosen.current.corrections.corrections).toEqual({});
  });

  it('shows a file that cannot be read as the runner words it, until dismissed', async () => {
    const { runner, chosen } = setUp();
    runner.inspectFailure = { kind: 'unexpected', message: '不是 Excel 工作簿' };
    act(() => chosen.current.choose(ledger));
    await waitFor(() => expect(chosen.current.inspectFailure).toEqual({ kind: 'unexpected', message: '不是 Excel 工作簿' }));
    expect(chosen.current.inspecting).toBe(false);
    expect(chosen.current.info).toBeNull();
    act(() => chosen.current.dismissInspectFailure());
    expect(chosen.current.inspectFailure).toBeNull();
  });
});
