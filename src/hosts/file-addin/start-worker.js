/* global Worker, URL */
// Plain JavaScript on purpose, as src/web/start-worker.js: webpack bundles the worker from this
// exact expression, and tsconfig.json (module commonjs, for jest) would refuse import.meta in a .ts file.

/** The pane's worker outside Excel (worker.ts, bundled by webpack as pane-worker.js), or null where it cannot start. */
export function startWorker() {
  try {
    return new Worker(/* webpackChunkName: "pane-worker" */ new URL('./worker.ts', import.meta.url));
  } catch {
    // Chromium refuses workers to pages opened from file://; the operations then run in the page.
    return null;
  }
}
