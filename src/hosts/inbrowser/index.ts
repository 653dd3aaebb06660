/// <reference types="office-js" />
/**
 * The task pane outside Excel: a .xlsx loaded into an in-memory workbook (the same FakeWorkbook the
 * Office.js tests use), Microsoft's Excel library loaded into the page and answered by that workbook,
 * and the real Office.js host (createOfficeAddinHost) on top — so the pane runs, unchanged, without
 * Excel. Nothing is written back to the file; the workbook lives as long as the page.
 */
import type { Language } from '../../core';
import type { AddinHost } from '../../addin/host';
import { createOfficeAddinHost } from '../officejs';
import { DEFAULT_LIBRARY_BASE, loadLibraryInPage } from './browser-library';
import { createExcelHost, EXCEL_WEB_PAYLOAD_LIMIT, type ExcelHost } from './excel-host';
import type { FakeWorkbook } from './fake-workbook';
import type { LibraryBuild } from './office-runtime';
import { readXlsxWorkbook } from './xlsx-workbook';
import { readSelection, selectReference, type SelectResult, type WorkbookSelection } from './selection';

export { readXlsxWorkbook } from './xlsx-workbook';
export type { ReadXlsxOptions } from './xlsx-workbook';
export { loadLibraryInPage, DEFAULT_LIBRARY_BASE } from './browser-library';
export { createExcelHost, EXCEL_WEB_PAYLOAD_LIMIT, FakeWorkbook, FakeSheet } from './excel-host';
export type { ExcelHost, ExcelHostOptions, SheetSpec } from './excel-host';
export type { LibraryBuild } from './office-runtime';
export { readSelection, selectReference, qualifiedSelection } from './selection';
export type { SelectProblem, SelectResult, WorkbookSelection } from './selection';

export interface InBrowserExcelOptions {
  language?: Language;
  /** Today as YYYY-MM-DD; defaults to the Office.js host's (this computer's local date). */
  today?: () => string;
  /** Where excel-web-16.00.js and en-us/office_strings.js are, relative to the page. Default 'officejs/'. */
  libraryBase?: string;
  /** Which build of Microsoft's library; default 'release' (the minified file Excel on the web loads). */
  build?: LibraryBuild;
  /**
   * Loads the library some other way than script tags: in jest, the harness's node loader
   * (test/officejs/harness, loadLibraryInNode).
   */
  loadLibrary?: (build: LibraryBuild) => void | Promise<void>;
  /** The ExcelApi version the in-memory Excel reports. Default '1.17'. */
  apiVersion?: string;
}

export interface InBrowserExcel {
  host: AddinHost;
  workbook: FakeWorkbook;
  /** The fake Excel serving the library's requests: request counts, what was not emulated. */
  excel: ExcelHost;
  /** The active sheet's selection and the selected cell's contents (there is no grid to look at). */
  selection(): WorkbookSelection | null;
  /** Selects 'B35', '35' (a row) or 'Sheet!B35', as a click in Excel would; see selection.ts. */
  select(reference: string): SelectResult;
  /** Calls `listener` whenever the workbook may have changed (after each request, or a select()); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The changed workbook as a file: not implemented yet, always null. */
  download(): Uint8Array | null;
  /** Ends the session, so another file can be opened in the same page. */
  dispose(): void;
}

let current: InBrowserExcel | null = null;

/**
 * Reads `bytes` (an .xlsx/.xlsm) into an in-memory workbook, loads Microsoft's Excel library into
 * the page (once) and returns the Office.js host over it. Opening another file ends the previous
 * session. Throws WorkbookError (with the file host's message) for a file that is not a workbook.
 */
export async function startInBrowserExcel(bytes: Uint8Array, fileName: string, options: InBrowserExcelOptions = {}): Promise<InBrowserExcel> {
  const workbook = readXlsxWorkbook(bytes, { fileName, language: options.language });
  const build = options.build ?? 'release';
  if (options.loadLibrary) await options.loadLibrary(build);
  else await loadLibraryInPage(options.libraryBase ?? DEFAULT_LIBRARY_BASE, build);
  current?.dispose();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const excel = createExcelHost(workbook, {
    build,
    apiVersion: options.apiVersion ?? '1.17',
    // As Excel on the web: the host already keeps every request under this.
    maxRequestBytes: EXCEL_WEB_PAYLOAD_LIMIT,
    // Something not emulated fails its request (the pane shows the error); ending the session must not throw.
    allowNotEmulated: true,
    onRequest: notify,
  });
  const host = createOfficeAddinHost({ language: options.language, today: options.today });
  const session: InBrowserExcel = {
    host,
    workbook,
    excel,
    selection: () => readSelection(workbook),
    select(reference) {
      const result = selectReference(workbook, reference);
      if (result.ok) notify();
      return result;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    download: () => null,
    dispose() {
      if (current === session) current = null;
      listeners.clear();
      excel.dispose();
    },
  };
  current = session;
  return session;
}
