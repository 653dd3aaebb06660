/// <reference types="office-js" />
import { createOfficeAddinHost, FIRST_GUESS_BYTES_PER_CELL, MAX_READ_CELLS, READ_BUDGET_BYTES } from '../../../src/hosts/officejs';
import { createExcelHost, FakeWorkbook, EXCEL_WEB_PAYLOAD_LIMIT } from '../harness';
import { bigLedger } from './ledger';

/**
 * Round trips and request sizes for big ledgers through Microsoft's library: the number of syncs
 * may grow only by the blocks big reads and writes are cut into, and no request may pass 4 MB
 * (Excel on the web refuses 5 MB). The README quotes these numbers.
 */
const FOUR_MB = 4 * 1024 * 1024;

async function triage(rows: number) {
  const values = bigLedger(rows);
  const workbook = FakeWorkbook.fromSheets([{ name: '台账', values }]);
  const excel = createExcelHost(workbook, { maxRequestBytes: FOUR_MB, maxResponseBytes: EXCEL_WEB_PAYLOAD_LIMIT });
  try {
    const report = await createOfficeAddinHost({ today: () => '2026-11-30', language: 'zh' }).triage();
    const requests = excel.stats.requests.filter((r) => r.kind === 'sync');
    // A read block answers hundreds of kilobytes, anything else a few. (Reads are not told apart by
    // the write flag: the library flags a request asking for merged areas as a write.)
    const isReadBlock = (r: (typeof requests)[number]) => r.responseBytes > 100_000;
    // The first block of a sheet is sized by a guess of bytes per cell, the others by what it read
    // (here far under the budget, so MAX_READ_CELLS decides).
    const cols = values[0].length;
    const firstBlock = Math.min(Math.floor(MAX_READ_CELLS / cols), Math.floor(READ_BUDGET_BYTES / (cols * FIRST_GUESS_BYTES_PER_CELL)));
    return {
      report,
      syncs: excel.stats.syncs,
      largestRequest: Math.max(...requests.map((r) => r.bytes)),
      largestResponse: Math.max(...requests.map((r) => r.responseBytes)),
      expectedReadBlocks: 1 + Math.ceil((rows + 1 - firstBlock) / Math.floor(MAX_READ_CELLS / cols)),
      readBlocks: requests.filter(isReadBlock).length,
      writeSyncs: requests.filter((r) => r.write && !isReadBlock(r)).length,
    };
  } finally {
    excel.dispose();
  }
}

describe('triage of big ledgers', () => {
  let small: Awaited<ReturnType<typeof triage>>;
  let big: Awaited<ReturnType<typeof triage>>;
  beforeAll(async () => {
    small = await triage(20_000);
    big = await triage(100_000);
  }, 300_000);

  it('reads every dispute', () => {
    expect(small.report.counts.disputes).toBe(20_000);
    expect(big.report.counts.disputes).toBe(100_000);
  });

  it('keeps every request under 4 MB and every response under Excel on the web\'s 5 MB', () => {
    expect(small.largestRequest).toBeLessThan(FOUR_MB);
    expect(big.largestRequest).toBeLessThan(FOUR_MB);
    expect(big.largestResponse).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
  });

  it('adds round trips only for the extra blocks of a bigger ledger', () => {
    const extraReads = big.readBlocks - small.readBlocks;
    const extraWrites = big.writeSyncs - small.writeSyncs;
    expect(big.syncs - small.syncs).toBe(extraReads + extraWrites);
    // 100,000 rows × 10 columns are read in 21 blocks: 3,276 rows (2 MB at a guessed 64 bytes a
    // cell), then 5,000 rows each (20,000 rows: 5); the rest of a run — settings, detection, header,
    // formats, dropdown — is a fixed handful of syncs.
    expect([small.readBlocks, big.readBlocks]).toEqual([small.expectedReadBlocks, big.expectedReadBlocks]);
    expect([small.readBlocks, big.readBlocks]).toEqual([5, 21]);
    expect(small.syncs - small.readBlocks - small.writeSyncs).toBe(big.syncs - big.readBlocks - big.writeSyncs);
  });
});
