/** The pane's worker outside Excel (worker.ts, bundled by webpack as pane-worker.js), or null where it cannot start. */
export declare function startWorker(): Worker | null;
