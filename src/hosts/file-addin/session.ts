/**
 * The add-in on a workbook file outside Excel: an AddinHost whose every operation sends the
 * workbook's current bytes to a FileRunner (a worker, or this thread) and keeps the bytes it gets
 * back, and the selection the page's name box makes, since there is no grid to click.
 */
import { parseAreaRef, type Language } from '../../core';
import type { AddinHost, ProgressListener } from '../../addin/host';
import type { SelectableWorkbook, WorkbookSelection } from '../../addin/selection';
import type { FileAnswer, FileOperation, FileOperationKind, FileOperations, SheetTab } from './operations';
import { resolveReference } from './selection';

/** Where the operations run: a worker (worker-runner.ts) or this thread (localFileRunner). */
export interface FileRunner {
  run<K extends FileOperationKind>(
    call: { bytes: Uint8Array; fileName: string; language: Language; today: string; operation: FileOperation<K> },
    onProgress?: ProgressListener,
  ): Promise<FileAnswer<K>>;
  /** Ends the worker, if any; runs under way reject. */
  dispose(): void;
}

export interface FileAddinOptions {
  runner: FileRunner;
  language: Language;
  /** Today as YYYY-MM-DD, read by the page at each operation. */
  today: () => string;
}

/** The workbook as the session holds it now. */
export interface SessionWorkbook {
  bytes: Uint8Array;
  fileName: string;
  /** An operation wrote into it since it was opened (there is something to save). */
  changed: boolean;
}

/** The selection box's workbook (select() makes the sheet the active one, as a click on its tab would). */
export interface FileAddinSession extends SelectableWorkbook {
  host: AddinHost;
  workbook(): SessionWorkbook;
  dispose(): void;
}

/**
 * Opens `bytes` (an .xlsx/.xlsm): reads its tabs and selects A1 of the sheet it opens on, as Excel
 * does. Rejects with the file host's WorkbookError for a file that is not a workbook it can read.
 */
export async function openFileAddinSession(bytes: Uint8Array, fileName: string, options: FileAddinOptions): Promise<FileAddinSession> {
  const { runner, language, today } = options;
  let current = bytes;
  let changed = false;
  let tabs: SheetTab[] = [];
  let selection: WorkbookSelection | null = null;
  const listeners = new Set<() => void>();
  const notify = () => [...listeners].forEach((listener) => listener());

  /** One operation at a time, each on the bytes the previous one left. */
  let queue: Promise<unknown> = Promise.resolve();
  function call<K extends FileOperationKind>(operation: FileOperation<K>, onProgress?: ProgressListener): Promise<FileOperations[K]['value']> {
    const next = queue.then(async () => {
      const answer = await runner.run({ bytes: current, fileName, language, today: today(), operation }, onProgress);
      if (answer.bytes) {
        current = answer.bytes;
        changed = true;
        await refreshView();
      }
      return answer.value;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  /** The tabs and the selected cell's contents, read again from the current bytes (outside the queue: called in it). */
  async function refreshView(at = selection && { sheet: selection.sheet, address: selection.address }) {
    const view = (await runner.run({ bytes: current, fileName, language, today: today(), operation: { kind: 'view', ...(at ?? {}) } })).value;
    tabs = view.tabs;
    const sheet = at?.sheet ?? view.active;
    selection = sheet ? { sheet, address: at?.address ?? 'A1', value: view.value } : null;
    notify();
  }

  /** Moves the selection (through the queue, so it reads the bytes of the operations before it). */
  const moveTo = (sheet: string, address: string) => {
    const next = queue.then(() => refreshView({ sheet, address }));
    queue = next.catch(() => undefined);
    return next;
  };

  await call({ kind: 'view' }).then((view) => {
    tabs = view.tabs;
    selection = view.active ? { sheet: view.active, address: 'A1', value: view.value } : null;
  });

  const host: AddinHost = {
    detect: () => call({ kind: 'detect' }),
    setFieldColumn: (field, column) => call({ kind: 'setFieldColumn', field, column }),
    triage: (onProgress) => call({ kind: 'triage' }, onProgress),
    writeDueList: (onProgress) => call({ kind: 'writeDueList' }, onProgress),
    writeSummary: (summary, onProgress) => call({ kind: 'writeSummary', options: summary }, onProgress),
    selectCell: (sheet, address) => moveTo(sheet, address),
    selectedDispute: async () => {
      await queue;
      const range = selection && parseAreaRef(selection.address);
      return selection && range ? call({ kind: 'selectedDispute', sheet: selection.sheet, row: range.top + 1 }) : null;
    },
    recordRevisit: (entry) => call({ kind: 'recordRevisit', entry }),
    loadSettings: () => call({ kind: 'loadSettings' }),
    saveSettings: (settings) => call({ kind: 'saveSettings', settings }).then(() => undefined),
    // The file host writes conditional formats and merged headers into the file whatever client
    // opens it later: nothing depends on an API version, so it answers as the newest Excel.
    capabilities: async () => ({ conditionalFormats: true, mergedAreas: true, excelApi: '1.17' }),
  };

  return {
    host,
    selection: () => selection,
    async select(reference) {
      const active = selection?.sheet ?? tabs.find((t) => t.visible)?.name ?? null;
      const target = resolveReference(tabs, active, reference);
      if (!target.ok) return target;
      await moveTo(target.sheet, target.address);
      return { ok: true, selection: selection! };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    workbook: () => ({ bytes: current, fileName, changed }),
    dispose() {
      listeners.clear();
      runner.dispose();
    },
  };
}
