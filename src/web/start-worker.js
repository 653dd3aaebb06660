/* global Worker, URL */
// Plain JavaScript on purpose: webpack bundles the worker from this exact expression (a Worker of
// a URL relative to this module), and tsconfig.json, which type-checks src for jest with module
// commonjs, would refuse the module's own URL in a .ts file. Types: start-worker.d.ts.

/** The page's worker (worker.ts, bundled by webpack as web-worker.js), or null where it cannot start. */
export function startWorker() {
  try {
    return new Worker(/* webpackChunkName: "web-worker" */ new URL('./worker.ts', import.meta.url));
  } catch {
    // Chromium refuses workers to pages opened from file://; the page then works without one.
    return null;
  }
}
