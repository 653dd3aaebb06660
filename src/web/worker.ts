/**
 * The web page's worker: reads the file it is sent and runs inspectWorkbook or runJob on it (or
 * runMeeting on several units' files), posting progress, then the result (the workbook as a Blob,
 * made here rather than on the page's thread) or a failure.
 * One worker serves one request; the page starts a new one for the next and can end it at any time.
 */
import { failureOf, inspectWorkbook, runJob, runMeeting, type MeetingInputFile } from './run-job';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { closeNetwork } from '../hosts/xlsx/worker-network';
import { checkMeetingFilesSize, checkWorkbookFileSize } from '../core';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

// The worker takes its own means of connection away (the file host's, shared with the pane's worker).
export { closeNetwork, NETWORK_APIS } from '../hosts/xlsx/worker-network';

/**
 * Handles one request; exported for tests and for the in-page fallback. `cancelled` is asked once
 * the file is read: in the page, a job cancelled meanwhile is not started (the job itself cannot be
 * interrupted once it runs; in a worker, cancelling ends the worker).
 */
export async function handleRequest(
  request: WorkerRequest,
  post: (message: WorkerResponse) => void,
  cancelled: () => boolean = () => false,
): Promise<void> {
  try {
    if (request.type === 'meeting') {
      const files: MeetingInputFile[] = [];
      // Every unit's file is held at once: each and all together are refused by size, unread.
      checkMeetingFilesSize(request.files.map((f) => ({ bytes: f.file.size, file: f.fileName })), request.options.language);
      for (const [index, f] of request.files.entries()) {
        post({ type: 'progress', stage: 'load', file: { name: f.fileName, index, count: request.files.length } });
        files.push({ bytes: new Uint8Array(await f.file.arrayBuffer()), fileName: f.fileName, unit: f.unit, sheet: f.sheet });
        if (cancelled()) return;
      }
      const result = runMeeting(files, request.options, (stage, file) => post({ type: 'progress', stage, ...(file ? { file } : {}) }));
      post({ type: 'meetingDone', file: workbookBlob(result.bytes, result.summary.mimeType), summary: result.summary });
      return;
    }
    post({ type: 'progress', stage: 'load' });
    // A file past what any host opens is refused by its size: reading it whole could end the tab.
    const named = request.type === 'inspect' ? request : request.options;
    checkWorkbookFileSize(request.file.size, named.fileName, named.language);
    const bytes = new Uint8Array(await request.file.arrayBuffer());
    if (cancelled()) return;
    if (request.type === 'inspect') {
      post({ type: 'inspected', info: inspectWorkbook(bytes, request) });
      return;
    }
    const result = runJob(bytes, request.options, (stage) => post({ type: 'progress', stage }));
    post({ type: 'done', file: workbookBlob(result.bytes, result.summary.mimeType), summary: result.summary });
  } catch (error) {
    post({ type: 'failed', failure: failureOf(error) });
  }
}

/** The output as a Blob: made here, in the worker (or, in the page's fallback, on its thread). */
function workbookBlob(bytes: Uint8Array, type: string): Blob {
  // The engine's output is a plain ArrayBuffer view (never shared memory).
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
}

if (typeof document === 'undefined' && typeof scope.postMessage === 'function') {
  closeNetwork(globalThis as unknown as Record<string, unknown>);
  scope.onmessage = (event) => {
    void handleRequest(event.data, (message) => scope.postMessage(message));
  };
}
