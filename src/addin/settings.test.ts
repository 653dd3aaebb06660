import { DEFAULT_PRESET } from '../core';
import { defaultSettings, parseStoredSettings, storedSettingsJson } from './settings';

describe('the settings kept in the workbook', () => {
  it('do not store the default preset, so a later version’s default reaches a workbook whose columns were corrected', () => {
    const settings = { ...defaultSettings(), fieldColumns: { description: 'F' } };
    const json = storedSettingsJson(settings);
    expect(JSON.parse(json).settings).not.toHaveProperty('preset');
    expect(parseStoredSettings(json)).toEqual({ ...settings, preset: DEFAULT_PRESET });
  });

  it('store a county’s own preset whole, and read it back', () => {
    const preset = { ...DEFAULT_PRESET, name: '青山县', cadenceDays: { red: 1, yellow: 5, green: 20 } };
    const settings = { ...defaultSettings(), preset };
    expect(parseStoredSettings(storedSettingsJson(settings))).toEqual(settings);
  });

  it('read a workbook saved by an earlier version, with its preset stored', () => {
    const json = JSON.stringify({ settings: { version: 1, preset: DEFAULT_PRESET, fieldColumns: {}, mask: false } });
    expect(parseStoredSettings(json)).toEqual({ version: 1, preset: DEFAULT_PRESET, fieldColumns: {}, mask: false });
  });
});
