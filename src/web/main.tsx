/**
 * The web page's entry point (dist/web.html): reads the browser's language and the local date,
 * starts the worker runner and renders the page. Nothing here or below talks to the network.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectLanguage } from '../ui';
import { createWorkerRunner } from './runner';
import { startWorker } from './start-worker';
import { localIsoDay } from '../core';
import { WebApp } from './WebApp';

const localToday = () => localIsoDay(new Date());

const root = document.getElementById('root');
if (!root) throw new Error('web.html has no <div id="root">');
createRoot(root).render(
  <StrictMode>
    <WebApp runner={createWorkerRunner(startWorker)} today={localToday()} language={detectLanguage(navigator.language)} />
  </StrictMode>,
);
