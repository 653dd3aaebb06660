/** The page's worker (worker.ts, bundled by webpack as web-worker.js), or null where it cannot start. */
export declare function startWorker(): Worker | null;
