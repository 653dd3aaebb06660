/**
 * The rewritten ledger sheet deflated behind the report sheets (DeflateOptions.behind): its pieces
 * come faster than the second thread compresses them, and are taken a few at a time while the
 * reports, which come slower, are written, the rest when the package settles. Whenever its pieces
 * are taken, the run must end as it does when they are taken at once: the same file, byte for
 * byte, or the same refusal.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_PRESET, parseIsoDay } from '../../src/core';
import { processWorkbook, type DeflateCodec } from '../../src/hosts/xlsx';
import { ASCII_SHEET_SIZES } from '../../src/hosts/xlsx/ascii-sheet';
import { NODE_CODEC } from '../../src/cli/node-codec';
import { lateCodec } from './late-codec';

const FIXTURES = path.join(__dirname, '../fixtures');
/** The file written, or the message of the refusal. */
function run(bytes: Uint8Array, codec: DeflateCodec): Buffer | string {
  try {
    return Buffer.from(processWorkbook(bytes, { fileName: 'ledger.xlsx', language: 'zh', asOf: parseIsoDay('2026-11-30')!, preset: DEFAULT_PRESET, mask: true, codec }).bytes);
  } catch (e) {
    return String((e as Error).message);
  }
}

describe('the ledger sheet deflated behind the report sheets', () => {
  const workbooks = fs.readdirSync(FIXTURES).filter((f) => /\.xls[xm]$/.test(f));

  /** The run's end with the ledger sheet deflated at once and as late as it may be, and how many parts went behind. */
  function bothWays(file: string) {
    const bytes = fs.readFileSync(path.join(FIXTURES, file));
    // Every worksheet part kept as bytes and rewritten from them (a real run: 4 MB and more).
    const saved = { ...ASCII_SHEET_SIZES };
    Object.assign(ASCII_SHEET_SIZES, { minBytes: 0 });
    try {
      const late = lateCodec();
      return { atOnce: run(bytes, NODE_CODEC), late: run(bytes, late.codec), behind: late.behindParts() };
    } finally {
      Object.assign(ASCII_SHEET_SIZES, saved);
    }
  }

  it.each(workbooks)('ends %s as it does with the sheet deflated at once, when its pieces are taken only as the package settles', (file) => {
    const { atOnce, late, behind } = bothWays(file);
    expect(late).toEqual(atOnce);
    // At most the ledger sheet goes behind (one with comments or CDATA in it is rewritten as text, at once).
    expect(behind).toBeLessThanOrEqual(1);
  });

  it.each(['wps-ledger.xlsx', 'libreoffice-saved.xlsx', 'aliases.xlsx'])('deflates the ledger sheet of %s behind', (file) => {
    expect(bothWays(file).behind).toBe(1);
  });
});
