/**
 * Runs one fuzz case in a worker thread, so that a case that hangs can be stopped (the test
 * terminates the worker) and one that exhausts memory ends the worker, not the test.
 */
import { parentPort } from 'worker_threads';
import { DEFAULT_PRESET, LedgerWriteError, parseIsoDay, type CellValue, WorkbookError } from '../../src/core';
import { processWorkbook, readLedgerWorkbook, type DeflateCodec, type ZipLimits } from '../../src/hosts/xlsx';
import { withSheetSizes } from '../xlsx/sheet-sizes';
import { NODE_CODEC } from '../../src/cli/node-codec';
import { lateCodec } from '../xlsx/late-codec';
import { ThreadedDeflate } from '../../src/cli/threaded-codec';

export interface CaseRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  limits?: ZipLimits;
}

export type Outcome =
  | { kind: 'workbook'; code: string; message: string }
  | { kind: 'raw'; name: string; message: string; stack: string };

export interface CaseResult {
  id: number;
  read: { sheet: string; values: CellValue[][] } | Outcome;
  processed: { bytes: Uint8Array; writtenParts: string[]; disputes: number } | Outcome;
  /**
   * The same case with every worksheet part kept as bytes and read in pieces of about a row
   * (AsciiSheet, which a real run uses for sheets of 4 MB and more): it must end exactly as the
   * case does when each part is read whole.
   */
  inPieces: { read: CaseResult['read']; processed: CaseResult['processed'] };
  /**
   * The case in pieces again with the command's codecs: Node's zlib (`node`); the same with the
   * ledger sheet deflated behind the reports, a piece taken between every two of theirs
   * (`late`, lateCodec); and Node's zlib on a second thread, the sheet inflated ahead there
   * (Package.prefetch) and deflated behind the reports as the thread has room (`threaded`): the
   * three must end exactly alike.
   */
  ahead: { node: CaseResult['inPieces']; late: CaseResult['inPieces']; threaded: CaseResult['inPieces'] };
  /** The time of the case read and processed whole and in pieces (the codecs' runs are the same work again). */
  ms: number;
}

function outcome(e: unknown): Outcome {
  // LedgerWriteError is the core's named refusal of a sheet with no room for the add-in's columns.
  if (e instanceof WorkbookError || e instanceof LedgerWriteError) return { kind: 'workbook', code: e.code, message: e.message };
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'raw', name: err.name, message: err.message, stack: err.stack ?? '' };
}

function runCase(request: CaseRequest, codec?: DeflateCodec): Pick<CaseResult, 'read' | 'processed'> {
  const common = { fileName: request.fileName, language: 'zh' as const, ...(request.limits ? { limits: request.limits } : {}), ...(codec ? { codec } : {}) };
  let read: CaseResult['read'];
  try {
    const r = readLedgerWorkbook(request.bytes, common);
    read = { sheet: r.sheet, values: r.input.ledger.values };
  } catch (e) {
    read = outcome(e);
  }
  let processed: CaseResult['processed'];
  try {
    const r = processWorkbook(request.bytes, { ...common, asOf: parseIsoDay('2020-06-30')!, preset: DEFAULT_PRESET, mask: true });
    processed = { bytes: r.bytes, writtenParts: r.writtenParts, disputes: r.job.disputes.length };
  } catch (e) {
    processed = outcome(e);
  }
  return { read, processed };
}

/** The command's codec, made once for the worker's cases. */
let threaded: ThreadedDeflate | undefined;

parentPort!.on('message', (request: CaseRequest) => {
  const start = Date.now();
  const whole = runCase(request);
  const { inPieces, ahead, ms } = withSheetSizes({ minBytes: 0, pieceBytes: 64 }, () => {
    const inPieces = runCase(request);
    // What a case costs is the two readings above; the codecs' runs are the same work again.
    const ms = Date.now() - start;
    const ahead = {
      node: runCase(request, NODE_CODEC),
      late: runCase(request, lateCodec({ interleaved: true }).codec),
      threaded: runCase(request, (threaded ??= new ThreadedDeflate()).codec),
    };
    return { inPieces, ahead, ms };
  });
  const result: CaseResult = { id: request.id, ...whole, inPieces, ahead, ms };
  parentPort!.postMessage(result);
});
