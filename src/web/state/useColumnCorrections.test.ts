/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { INFO } from '../testing/fake-runner';
import { useColumnCorrections } from './useColumnCorrections';

const render = () => renderHook(() => useColumnCorrections(INFO.columns)).result;
const fieldIn = (columns: { column: string; field: string | null }[], letter: string) => columns.find((c) => c.column === letter)?.field;

describe('useColumnCorrections', () => {
  it('shows the mapping as found until the user corrects it', () => {
    const corrections = render();
    expect(corrections.current.columns.map((c) => c.field)).toEqual(INFO.columns.map((c) => c.field));
    expect(corrections.current.lastCorrection).toBeNull();
  });

  it('puts a field on the column the user picks, and says so', () => {
    const corrections = render();
    act(() => corrections.current.correct(6, 'owner'));
    expect(fieldIn(corrections.current.columns, 'G')).toBe('owner');
    expect(corrections.current.corrections).toEqual({ owner: 6 });
    expect(corrections.current.lastCorrection).toEqual({ field: 'owner', column: 'G' });
  });

  it('takes a field off the ledger when its column is set to no field', () => {
    const corrections = render();
    act(() => corrections.current.correct(2, null));
    expect(fieldIn(corrections.current.columns, 'C')).toBeNull();
    expect(corrections.current.corrections).toEqual({ parties: null });
    expect(corrections.current.lastCorrection).toEqual({ field: 'parties', column: null });
  });

  it('gives a column to the latest field corrected onto it; the earlier one has none', () => {
    const corrections = render();
    act(() => corrections.current.correct(6, 'owner'));
    act(() => corrections.current.correct(6, 'remarks'));
    expect(corrections.current.corrections).toEqual({ owner: null, remarks: 6 });
    expect(fieldIn(corrections.current.columns, 'G')).toBe('remarks');
  });

  it('ignores a correction that changes nothing, and clears them all', () => {
    const corrections = render();
    act(() => corrections.current.correct(0, 'serial'));
    expect(corrections.current.corrections).toEqual({});
    act(() => corrections.current.correct(6, 'owner'));
    act(() => corrections.current.clear());
    expect(corrections.current.corrections).toEqual({});
    expect(corrections.current.lastCorrection).toBeNull();
    expect(fieldIn(corrections.current.columns, 'G')).toBeNull();
  });
});
