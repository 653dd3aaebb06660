import { columnIndex, DEFAULT_PRESET, validatePreset, type FieldName, type JobOptions } from '../core';
import type { AddinSettings } from './host';

/**
 * The settings' home in the workbook, for every host: a hidden sheet whose A1 holds them as JSON
 * (`{"settings": …}`). The Office.js host keeps a second copy in the document settings
 * (hosts/officejs/settings.ts); a file has only the sheet.
 */
export const SETTINGS_SHEET = '_tricolor_settings';

export function defaultSettings(): AddinSettings {
  return { version: 1, preset: DEFAULT_PRESET, fieldColumns: {}, mask: true };
}

/** The settings kept in A1 of the settings sheet, or null when it holds none this version reads. */
export function parseStoredSettings(json: unknown): AddinSettings | null {
  if (typeof json !== 'string' || json === '') return null;
  try {
    // Earlier versions also kept conditional-format ids here ("formats"): positions, not names, so they are dropped.
    const data = JSON.parse(json) as { settings?: Omit<AddinSettings, 'preset'> & { preset?: unknown } };
    if (!data.settings || data.settings.version !== 1) return null;
    // No preset stored: the default, as this version has it (storedSettingsJson).
    const preset = data.settings.preset === undefined ? DEFAULT_PRESET : validatePreset(data.settings.preset as never);
    return { ...data.settings, preset };
  } catch {
    return null;
  }
}

/**
 * What A1 of the settings sheet holds for `settings`. The default preset is not stored, only a
 * county's own: a copy saved with a column correction would pin the workbook to this version's
 * default, and a later version's better reading of ledger lines would never reach it.
 */
export function storedSettingsJson(settings: AddinSettings): string {
  if (JSON.stringify(settings.preset) !== DEFAULT_PRESET_JSON) return JSON.stringify({ settings });
  return JSON.stringify({ settings: { ...settings, preset: undefined } });
}
const DEFAULT_PRESET_JSON = JSON.stringify(DEFAULT_PRESET);

/** The user's column corrections as the job takes them: field → 0-based column, or null. */
export function fieldColumnIndexes(settings: AddinSettings): JobOptions['fieldColumns'] {
  const out: Partial<Record<FieldName, number | null>> = {};
  for (const [field, letter] of Object.entries(settings.fieldColumns) as [FieldName, string | null][])
    out[field] = letter === null ? null : columnIndex(letter);
  return out;
}
