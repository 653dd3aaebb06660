/**
 * Writes assets/sample-ledger.xlsx, the demo ledger (`npm run demo` reads it with
 * --as-of 2026-11-30 --period 2026-11-01..2026-11-30). Deterministic: same bytes every run.
 *
 *   npx tsc -p tsconfig.node.json && node build/scripts/sample/make-sample-ledger.js
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeXlsx } from '../lib/xlsx-writer';
import { repoRoot } from '../lib/paths';
import { instructionsSheet, sampleLedgerSheet } from './sample-data';

/** About 300 disputes: the rule scenarios plus ordinary ones. */
export const SAMPLE_ROWS = 300;

export function makeSampleLedger(): Uint8Array {
  return writeXlsx({
    sheets: [sampleLedgerSheet({ rows: SAMPLE_ROWS, seed: 2026, scenarios: true }), instructionsSheet()],
    definedNames: [{ name: '_xlnm.Print_Titles', ref: '矛盾纠纷台账!$3:$4', localSheet: 0 }],
    creator: 'XX镇派出所',
    modified: '2026-11-30T08:00:00Z',
  });
}

if (require.main === module) {
  const root = repoRoot(__dirname);
  const out = path.join(root, 'assets', 'sample-ledger.xlsx');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const bytes = makeSampleLedger();
  fs.writeFileSync(out, bytes);
  console.log(`wrote ${path.relative(root, out)} (${bytes.length} bytes)`);
}
