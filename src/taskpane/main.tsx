/// <reference types="office-js" />
/**
 * The task pane's entry point: the only place that talks to Office directly. It waits for
 * Office.js, reads the display language and the local date, builds the Office.js host and
 * hands all three to the pane, whose components never read Office or the clock.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficeAddinHost } from '../hosts/officejs';
import { TaskPane, detectLanguage } from './index';

/** Today on this computer, as YYYY-MM-DD (local time: a revisit "today" is the user's today). */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

Office.onReady(() => {
  const language = detectLanguage(Office.context?.displayLanguage);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  const host = createOfficeAddinHost({ language, today: localToday });
  const root = document.getElementById('root');
  if (!root) throw new Error('taskpane.html has no <div id="root">');
  createRoot(root).render(
    <StrictMode>
      <TaskPane host={host} language={language} today={localToday()} />
    </StrictMode>,
  );
});
