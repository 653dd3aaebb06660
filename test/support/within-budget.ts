import * as path from 'path';
import { Worker } from 'worker_threads';
import { REQUIRE_TYPESCRIPT } from './ts-in-worker';

/**
 * One call to time, `times` times: `exportName` of the TypeScript module at `module` on `args` (a
 * JavaScript expression for an array, evaluated in the worker, where `require` loads modules);
 * or, given `work`, those statements, run with `require` and the module's exports as `mod`.
 */
export interface BudgetedCall {
  module: string;
  exportName?: string;
  args?: string;
  work?: string;
  times?: number;
}

/**
 * Whether a call returns (or throws) within `budgetMs`, run in a worker thread so that one that
 * does not can be stopped: jest cannot stop a synchronous test, and input that once ran for
 * minutes would otherwise pass, only slowly. The module is loaded (its TypeScript compiled as it is
 * required) before the clock starts. Resolves with how the calls ended: 'returned', 'threw: …' or
 * 'over budget'.
 */
export function callWithinBudget(call: BudgetedCall, budgetMs: number): Promise<string> {
  const bootstrap = `${REQUIRE_TYPESCRIPT}
    const { parentPort, workerData } = require('worker_threads');
    const mod = require(workerData.module);
    const args = workerData.work ? [] : new Function('require', 'return (' + workerData.args + ');')(require);
    const fn = workerData.work ? () => new Function('require', 'mod', workerData.work)(require, mod) : mod[workerData.exportName];
    parentPort.postMessage('ready');
    parentPort.once('message', () => {
      let ended = 'returned';
      try {
        for (let i = 0; i < workerData.times; i++) fn(...args);
      } catch (e) {
        ended = 'threw: ' + (e && e.message);
      }
      parentPort.postMessage(ended);
    });
  `;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { module: path.resolve(call.module), exportName: call.exportName, args: call.args, work: call.work, times: call.times ?? 1 },
  });
  return new Promise<string>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const end = (how: string) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(how);
    };
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    worker.on('message', (message: string) => {
      if (message !== 'ready') return end(message);
      timer = setTimeout(() => end('over budget'), budgetMs);
      worker.postMessage('go');
    });
  });
}
