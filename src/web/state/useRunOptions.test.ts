/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { useRunOptions } from './useRunOptions';

const noSave = () => undefined;
const render = () => renderHook(() => useRunOptions('2026-11-30', noSave)).result;

describe('useRunOptions', () => {
  it('starts at today, over the month up to it, masked, with the default rules left to the engine', () => {
    const options = render();
    expect(options.current.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(options.current.check(false)).toEqual({ asOf: '2026-11-30', mask: true });
  });

  it('moves the period with the as-of date until the user sets the period', () => {
    const options = render();
    act(() => options.current.setAsOf('2026-12-15'));
    expect(options.current.period).toEqual({ from: '2026-12-01', to: '2026-12-15' });
    act(() => options.current.setPeriod('from', '2026-10-01'));
    act(() => options.current.setAsOf('2027-01-10'));
    expect(options.current.period).toEqual({ from: '2026-10-01', to: '2026-12-15' });
    expect(options.current.check(false)).toEqual({ asOf: '2027-01-10', period: { from: '2026-10-01', to: '2026-12-15' }, mask: true });
  });

  it('refuses a period that ends before it starts, and shows why only when asked', () => {
    const options = render();
    act(() => options.current.setPeriod('to', '2026-10-31'));
    act(() => void options.current.check(false));
    expect(options.current.dateProblems).toEqual({});
    let checked: unknown = 'not checked';
    act(() => void (checked = options.current.check(true)));
    expect(checked).toBeNull();
    expect(options.current.dateProblems).toEqual({ to: 'order' });
    // Changing a date takes the problem away until the next check.
    act(() => options.current.setPeriod('to', '2026-11-30'));
    expect(options.current.dateProblems).toEqual({});
  });

  it('names a missing date and one that is not a date', () => {
    const options = render();
    act(() => options.current.setAsOf(''));
    act(() => options.current.setPeriod('from', '2026-13-40'));
    act(() => void options.current.check(true));
    expect(options.current.dateProblems).toMatchObject({ asOf: 'required', from: 'invalid' });
  });

  it('passes edited rules to the engine, and no options while the rules have a problem', () => {
    const options = render();
    act(() => options.current.setMask(false));
    act(() => options.current.presetDraft.edit('cadenceDays.red', '5'));
    expect(options.current.check(false)).toMatchObject({ mask: false, presetJson: { cadenceDays: { red: 5 } } });
    act(() => options.current.presetDraft.edit('cadenceDays.red', '不是数字'));
    expect(options.current.check(false)).toBeNull();
  });
});
