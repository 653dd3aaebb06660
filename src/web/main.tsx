/**
 * The web page's entry point (dist/web.html): reads the browser's language and the local date,
 * starts the worker runner and renders the page. Nothing here or below talks to the network.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectLanguage } from '../ui';
import { createWorkerRunner } from './runner';
import { startWorker } from './start-worker';
import { WebApp } from './WebApp';

/** Today on this computer, as YYYY-MM-DD (local time: "today" is the user's today). */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const root = document.getElementById('root');
if (!root) throw new Error('web.html has no <div id="root">');
createRoot(root).render(
  <StrictMode>
    <WebApp runner={createWorkerRunner(startWorker)} today={localToday()} language={detectLanguage(navigator.language)} />
  </StrictMode>,
);
