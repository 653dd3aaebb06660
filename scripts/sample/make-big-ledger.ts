/**
 * Big ledgers for benchmarks: the demo layout (title, 填报 line, 2-row merged header, 20 columns)
 * with any number of ordinary disputes.
 *
 *   npx tsc -p tsconfig.node.json && node build/scripts/sample/make-big-ledger.js [rows]
 *
 * writes bench-output/ledger-<rows/1000>k.xlsx (100,000 rows by default).
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeXlsx } from '../lib/xlsx-writer';
import { repoRoot } from '../lib/paths';
import { sampleLedgerSheet } from './sample-data';

/**
 * An .xlsx ledger with `rows` disputes. Deterministic for a given row count and share. `openShare`
 * is the share of disputes over 30 days old still open (3% by default; most open ones are due for
 * a revisit, so a high share makes the due-list and the meeting's lists run to tens of thousands).
 */
export function makeBigLedger(rows: number, openShare?: number): Uint8Array {
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`makeBigLedger: rows must be a positive integer, got ${rows}`);
  return writeXlsx({
    sheets: [sampleLedgerSheet({ rows, seed: 100000 + rows, scenarios: false, openShare })],
    // Level 1 deflate: several times faster than 6 for tens of MB of XML, at a slightly larger file.
    compression: 1,
    modified: '2026-11-30T08:00:00Z',
  });
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 100000);
  const root = repoRoot(__dirname);
  const out = path.join(root, 'bench-output', `ledger-${rows >= 1000 ? `${rows / 1000}k` : rows}.xlsx`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const started = process.hrtime.bigint();
  const bytes = makeBigLedger(rows);
  fs.writeFileSync(out, bytes);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`wrote ${path.relative(root, out)} (${rows} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MiB) in ${(ms / 1000).toFixed(1)} s`);
}
