/// <reference types="office-js" />
/**
 * The task pane's entry point: the only place that talks to Office directly. It waits for
 * Office.js, reads the display language and the local date, builds the Office.js host and
 * hands all three to the pane, whose components never read Office or the clock.
 *
 * Outside Excel (Office.onReady reports no host, or office.js could not be loaded at all, as
 * without network) the pane asks for a ledger file and runs on the file instead: the add-in host
 * over the .xlsx file host in a worker (src/hosts/file-addin), bytes in, bytes out, which needs
 * nothing of office.js, and the changed workbook can be downloaded.
 * No URL routing: office.js nulls history.pushState even outside Office.
 */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { localIsoDay, type Language } from '../core';
import { createOfficeAddinHost } from '../hosts/officejs';
import { TaskPane, detectLanguage, languageTag } from './index';
import { OutsideExcel } from './outside/OutsideExcel';

const localToday = () => localIsoDay(new Date());

function paneRoot(): Root {
  const root = document.getElementById('root');
  if (!root) throw new Error('taskpane.html has no <div id="root">');
  return createRoot(root);
}

function startInExcel(): void {
  const language = detectLanguage(Office.context?.displayLanguage);
  document.documentElement.lang = languageTag(language);
  const host = createOfficeAddinHost({ language, today: localToday });
  paneRoot().render(
    <StrictMode>
      <TaskPane host={host} language={language} today={localToday()} />
    </StrictMode>,
  );
}

/** Outside Excel: the file's bytes to the file host in a worker, loaded only when a file is chosen. */
async function openFile(bytes: Uint8Array, fileName: string, language: Language) {
  // Not the folder's index: the engine itself stays in the worker's bundle.
  const [{ openFileAddinSession }, { createWorkerFileRunner }, { startWorker }] = await Promise.all([
    import('../hosts/file-addin/session'),
    import('../hosts/file-addin/worker-runner'),
    import('../hosts/file-addin/start-worker'),
  ]);
  const runner = createWorkerFileRunner(startWorker);
  try {
    return await openFileAddinSession(bytes, fileName, { runner, language, today: localToday });
  } catch (e) {
    runner.dispose();
    throw e;
  }
}

function startOutsideExcel(): void {
  const language = detectLanguage(typeof navigator === 'undefined' ? undefined : navigator.language);
  document.documentElement.lang = languageTag(language);
  paneRoot().render(
    <StrictMode>
      <OutsideExcel language={language} today={localToday} open={(bytes, name) => openFile(bytes, name, language)} />
    </StrictMode>,
  );
}

if (typeof Office === 'undefined') startOutsideExcel();
else
  Office.onReady((info) => {
    if (info?.host) startInExcel();
    else startOutsideExcel();
  });
