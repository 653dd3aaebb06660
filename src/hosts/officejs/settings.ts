/// <reference types="office-js" />
import { message, type Language } from '../../core';
import { defaultSettings, parseStoredSettings, SETTINGS_SHEET, storedSettingsJson } from '../../addin/settings';
import type { AddinSettings } from '../../addin/host';
import { sheetNames } from './ranges';
import type { Syncer } from './sync';

const SETTINGS_KEY = 'tricolor.settings';
/**
 * The settings' home is the hidden sheet SETTINGS_SHEET (src/addin/settings.ts). The task pane and
 * the ribbon's function file are two runtimes, each working with its own in-memory copy of
 * Office.context.document.settings (https://learn.microsoft.com/en-us/javascript/api/office/office.settings),
 * and saveAsync writes the whole copy back — a stale one rolls the other's changes back. The sheet
 * is one copy that both read before every job; the document settings are a second copy, for
 * clients that lost the sheet.
 */
export interface Stored {
  settings: AddinSettings;
}

function parse(json: unknown): Stored | null {
  const settings = parseStoredSettings(json);
  return settings && { settings };
}

function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

/** A1 of the settings sheet, or null where there is no such sheet: one sync with ExcelApi 1.4, two before. */
async function sheetCopy(context: Excel.RequestContext, syncer: Syncer): Promise<unknown> {
  const sheets = context.workbook.worksheets;
  if (supports('1.4')) {
    const sheet = sheets.getItemOrNullObject(SETTINGS_SHEET);
    const cell = sheet.getRange('A1');
    cell.load('values');
    await syncer.sync();
    return sheet.isNullObject ? null : cell.values[0][0];
  }
  if (!(await sheetNames(context, () => syncer.sync())).has(SETTINGS_SHEET)) return null;
  const cell = sheets.getItem(SETTINGS_SHEET).getRange('A1');
  cell.load('values');
  await syncer.sync();
  return cell.values[0][0];
}

function refreshDocumentSettings(): Promise<void> {
  return new Promise((resolve) => Office.context.document.settings.refreshAsync(() => resolve()));
}

/**
 * The settings as the workbook holds them now: from the hidden sheet; else from the document
 * settings, refreshed first (this runtime's copy may be older than the document's); else defaults.
 */
export async function loadStored(context: Excel.RequestContext, syncer: Syncer): Promise<Stored> {
  const fromSheet = parse(await sheetCopy(context, syncer));
  if (fromSheet) return fromSheet;
  await refreshDocumentSettings();
  return parse(Office.context.document.settings.get(SETTINGS_KEY)) ?? { settings: defaultSettings() };
}

/** Saves to both places: the sheet first (its write is part of this sync), then the document settings. */
export async function saveStored(context: Excel.RequestContext, syncer: Syncer, stored: Stored, language: Language): Promise<void> {
  const json = storedSettingsJson(stored.settings);
  const sheets = context.workbook.worksheets;
  let sheet: Excel.Worksheet;
  if ((await sheetNames(context, () => syncer.sync())).has(SETTINGS_SHEET)) sheet = sheets.getItem(SETTINGS_SHEET);
  else {
    sheet = sheets.add(SETTINGS_SHEET);
    // Setting visibility needs ExcelApi 1.2 (reading it 1.1): before that the sheet stays visible.
    if (supports('1.2')) sheet.visibility = 'Hidden';
  }
  const cell = sheet.getRange('A1');
  cell.numberFormat = [['@']];
  cell.values = [[json]];
  await syncer.sync();
  Office.context.document.settings.set(SETTINGS_KEY, json);
  await new Promise<void>((resolve, reject) =>
    Office.context.document.settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error?.message ?? message('excel.settingsNotSaved', language))),
    ),
  );
}
