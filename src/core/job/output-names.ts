/**
 * What the add-in's outputs are called, wherever they are written: the command, the web page's
 * downloads and the pane's saves name them alike.
 */

/** The joint meeting's workbook. */
export const MEETING_OUTPUT_NAME = '联席会议汇总.tricolor.xlsx';

/** A ledger's output beside it: NAME.tricolor.xlsx, and a macro workbook stays .xlsm (Excel checks the pair). */
export function outputNameFor(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${base}.tricolor${holdsMacros(fileName) ? '.xlsm' : '.xlsx'}`;
}

/** Whether a workbook so named is macro-enabled (.xlsm, or the template .xltm): its output keeps the macros and must be .xlsm. */
export function holdsMacros(fileName: string): boolean {
  return /\.xl[st]m$/i.test(fileName);
}

/** What a workbook's name says of its macros: true for .xlsm/.xltm, false for .xlsx/.xltx, undefined for a name that says no type. */
export function macrosByName(fileName: string): boolean | undefined {
  return /\.xl[st][xm]$/i.test(fileName) ? holdsMacros(fileName) : undefined;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSM_MIME = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/** The type a workbook named `fileName` is offered under: a macro workbook's own. */
export function workbookMimeType(fileName: string): string {
  return /\.xlsm$/i.test(fileName) ? XLSM_MIME : XLSX_MIME;
}
