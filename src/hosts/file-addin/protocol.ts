/**
 * What the pane outside Excel and its worker say to each other: one operation per message, by id,
 * all plain data. The workbook's bytes go in with each call (copied: the page keeps its version
 * until the answer) and come back transferred when the operation wrote a new version.
 */
import { TricolorError, type MessageCode, type MessageParams, type Language } from '../../core';
import type { Progress } from '../../addin/host';
import type { FileCall } from './operations';

export interface CallMessage {
  id: number;
  call: FileCall;
}

/** A failure as it crosses postMessage: a TricolorError's code and params, or an unexpected error's text. */
export interface SentFailure {
  name: string;
  message: string;
  code?: MessageCode;
  params?: MessageParams;
}

export type AnswerMessage =
  | { id: number; type: 'progress'; progress: Progress }
  | { id: number; type: 'done'; value: unknown; bytes?: Uint8Array }
  | { id: number; type: 'failed'; failure: SentFailure };

export function sentFailure(error: unknown): SentFailure {
  if (error instanceof TricolorError) return { name: error.name, message: error.message, code: error.code, params: { ...error.params } };
  return { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
}

/** The failure again on the page: a TricolorError (same code, params and name) where it was one. */
export function receivedFailure(failure: SentFailure, language: Language): Error {
  const error = failure.code ? new TricolorError(failure.code, failure.params, language) : new Error(failure.message);
  error.name = failure.name;
  return error;
}
