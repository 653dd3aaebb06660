/// <reference types="office-js" />
/**
 * The task pane's entry point: the only place that talks to Office directly. It waits for
 * Office.js, reads the display language and the local date, builds the Office.js host and
 * hands all three to the pane, whose components never read Office or the clock.
 *
 * Outside Excel (Office.onReady reports no host, or office.js could not be loaded at all) the pane
 * asks for a ledger file and runs on an in-browser workbook instead: the same Office.js host over
 * Microsoft's Excel library, answered by an in-memory copy of the file (src/hosts/inbrowser).
 * No URL routing: office.js nulls history.pushState even outside Office.
 */
import { StrictMode, useState, type ChangeEvent } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { AddinHost } from '../addin/host';
import type { Language } from '../core';
import { createOfficeAddinHost } from '../hosts/officejs';
import { TaskPane, detectLanguage } from './index';

/** Today on this computer, as YYYY-MM-DD (local time: a revisit "today" is the user's today). */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function paneRoot(): Root {
  const root = document.getElementById('root');
  if (!root) throw new Error('taskpane.html has no <div id="root">');
  return createRoot(root);
}

function startInExcel(): void {
  const language = detectLanguage(Office.context?.displayLanguage);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  const host = createOfficeAddinHost({ language, today: localToday });
  paneRoot().render(
    <StrictMode>
      <TaskPane host={host} language={language} today={localToday()} />
    </StrictMode>,
  );
}

const OUTSIDE_TEXT = {
  zh: {
    choose: '选择台账文件 / Open a ledger file',
    intro: '当前不在 Excel 中。选择一个台账文件（.xlsx 或 .xlsm），即可在浏览器中试用三色台账；文件只在本页内存中处理，不会上传，也不会改动原文件。',
    opening: (name: string) => `正在打开 ${name}…`,
    opened: (name: string) => `已打开 ${name}（浏览器内存中的副本）`,
    failed: (message: string) => `无法打开：${message}`,
  },
  en: {
    choose: '选择台账文件 / Open a ledger file',
    intro: 'This page is not running in Excel. Choose a ledger file (.xlsx or .xlsm) to try Tricolor Ledger in the browser: the file is handled in this page’s memory only, never uploaded, and the file itself is not changed.',
    opening: (name: string) => `Opening ${name}…`,
    opened: (name: string) => `${name} is open (a copy in this page’s memory)`,
    failed: (message: string) => `Could not open the file: ${message}`,
  },
};

type Opened = { key: number; host: AddinHost; name: string };

/** The pane outside Excel: a file chooser, then the normal pane on the in-browser workbook. */
function OutsideExcel({ language }: { language: Language }) {
  const text = OUTSIDE_TEXT[language];
  const [opened, setOpened] = useState<Opened | null>(null);
  const [status, setStatus] = useState<{ kind: 'busy' | 'error'; message: string } | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setStatus({ kind: 'busy', message: text.opening(file.name) });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { startInBrowserExcel } = await import('../hosts/inbrowser');
      const session = await startInBrowserExcel(bytes, file.name, { language, today: localToday });
      setOpened((previous) => ({ key: (previous?.key ?? 0) + 1, host: session.host, name: file.name }));
      setStatus(null);
    } catch (e) {
      setStatus({ kind: 'error', message: text.failed(e instanceof Error ? e.message : String(e)) });
    }
  };

  return (
    <>
      <div style={{ fontFamily: 'system-ui, sans-serif', fontSize: 13, lineHeight: 1.5, padding: '8px 12px', borderBottom: '1px solid #e0e0e0' }}>
        {!opened && <p style={{ margin: '0 0 8px' }}>{text.intro}</p>}
        <label htmlFor="tricolor-ledger-file" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
          {text.choose}
        </label>
        <input id="tricolor-ledger-file" type="file" accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12" onChange={choose} />
        {status?.kind === 'busy' && <p role="status" style={{ margin: '4px 0 0' }}>{status.message}</p>}
        {status?.kind === 'error' && (
          <p role="alert" style={{ margin: '4px 0 0', color: '#a4262c' }}>
            {status.message}
          </p>
        )}
        {opened && !status && <p role="status" style={{ margin: '4px 0 0' }}>{text.opened(opened.name)}</p>}
      </div>
      {opened && <TaskPane key={opened.key} host={opened.host} language={language} today={localToday()} />}
    </>
  );
}

function startOutsideExcel(): void {
  const language = detectLanguage(typeof navigator === 'undefined' ? undefined : navigator.language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  paneRoot().render(
    <StrictMode>
      <OutsideExcel language={language} />
    </StrictMode>,
  );
}

if (typeof Office === 'undefined') startOutsideExcel();
else
  Office.onReady((info) => {
    if (info?.host) startInExcel();
    else startOutsideExcel();
  });
