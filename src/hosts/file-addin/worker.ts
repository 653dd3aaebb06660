/**
 * The pane's worker outside Excel: runs each operation it is sent on the bytes sent with it
 * (runFileOperation), posting progress, then the answer — new bytes transferred, not copied — or
 * the failure. One worker serves a session's operations, one at a time, in the order sent.
 */
import { closeNetwork } from '../xlsx/worker-network';
import { runFileOperation } from './operations';
import { sentFailure, type AnswerMessage, type CallMessage } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<CallMessage>) => void) | null;
  postMessage(message: AnswerMessage, transfer?: Transferable[]): void;
}

/** Handles one call; exported for tests. */
export function handleCall({ id, call }: CallMessage, post: (message: AnswerMessage, transfer?: Transferable[]) => void): void {
  try {
    const answer = runFileOperation(call, (progress) => post({ id, type: 'progress', progress }));
    if (!answer.bytes) return post({ id, type: 'done', value: answer.value });
    const bytes = answer.bytes.byteOffset === 0 && answer.bytes.byteLength === answer.bytes.buffer.byteLength ? answer.bytes : answer.bytes.slice();
    post({ id, type: 'done', value: answer.value, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    post({ id, type: 'failed', failure: sentFailure(error) });
  }
}

const scope = globalThis as unknown as WorkerScope;
if (typeof document === 'undefined' && typeof scope.postMessage === 'function') {
  closeNetwork(globalThis as unknown as Record<string, unknown>);
  scope.onmessage = (event) => handleCall(event.data, (message, transfer) => scope.postMessage(message, transfer ?? []));
}
