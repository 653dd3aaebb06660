/// <reference types="office-js" />
import { DEFAULT_PRESET, validatePreset } from '../../core';
import type { AddinSettings } from '../../addin/host';
import type { OwnFormats } from './write-ledger';
import { sheetNames } from './ranges';
import type { Syncer } from './sync';

const SETTINGS_KEY = 'tricolor.settings';
const FORMATS_KEY = 'tricolor.formats';
/** A copy of the settings in the workbook itself: document settings have failed to persist on some clients. */
export const SETTINGS_SHEET = '_tricolor_settings';

export function defaultSettings(): AddinSettings {
  return { version: 1, preset: DEFAULT_PRESET, fieldColumns: {}, mask: true };
}

interface Stored {
  settings: AddinSettings;
  formats: OwnFormats | null;
}

function parse(json: unknown): Stored | null {
  if (typeof json !== 'string' || json === '') return null;
  try {
    const data = JSON.parse(json) as Partial<Stored>;
    if (!data.settings || data.settings.version !== 1) return null;
    return { settings: { ...data.settings, preset: validatePreset(data.settings.preset) }, formats: data.formats ?? null };
  } catch {
    return null;
  }
}

/** Settings from the document settings, else from the hidden sheet, else the defaults. */
export async function loadStored(context: Excel.RequestContext, syncer: Syncer): Promise<Stored> {
  const fromDocument = parse(Office.context.document.settings.get(SETTINGS_KEY));
  if (fromDocument) return fromDocument;
  if ((await sheetNames(context, () => syncer.sync())).has(SETTINGS_SHEET)) {
    const cell = context.workbook.worksheets.getItem(SETTINGS_SHEET).getRange('A1');
    cell.load('values');
    await syncer.sync();
    const fromSheet = parse(cell.values[0][0]);
    if (fromSheet) return fromSheet;
  }
  return { settings: defaultSettings(), formats: null };
}

/** Saves to both places; the sheet write is part of the caller's next sync. */
export async function saveStored(context: Excel.RequestContext, syncer: Syncer, stored: Stored): Promise<void> {
  const json = JSON.stringify(stored);
  Office.context.document.settings.set(SETTINGS_KEY, json);
  const sheets = context.workbook.worksheets;
  let sheet: Excel.Worksheet;
  if ((await sheetNames(context, () => syncer.sync())).has(SETTINGS_SHEET)) sheet = sheets.getItem(SETTINGS_SHEET);
  else {
    sheet = sheets.add(SETTINGS_SHEET);
    sheet.visibility = 'Hidden';
  }
  const cell = sheet.getRange('A1');
  cell.numberFormat = [['@']];
  cell.values = [[json]];
  await syncer.sync();
  await new Promise<void>((resolve, reject) =>
    Office.context.document.settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error?.message ?? '设置未能保存')),
    ),
  );
}

export { FORMATS_KEY };
