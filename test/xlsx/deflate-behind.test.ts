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
import { processWorkbook, withPackage, type DeflateCodec } from '../../src/hosts/xlsx';
import { withSheetSizes } from './sheet-sizes';
import { NODE_CODEC } from '../../src/cli/node-codec';
import { makeBigLedger } from '../../scripts/sample/make-big-ledger';
import { lateCodec } from './late-codec';

const FIXTURES = path.join(__dirname, '../fixtures');
const SHEET = 'xl/worksheets/sheet1.xml';
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

  /**
   * The run's end with the ledger sheet deflated at once, taken only as the package settles, and
   * taken a piece at a time between the reports' pieces; and how many parts went behind.
   */
  function threeWays(file: string) {
    const bytes = fs.readFileSync(path.join(FIXTURES, file));
    // Every worksheet part kept as bytes and rewritten from them (a real run: 4 MB and more).
    return withSheetSizes({ minBytes: 0 }, () => {
      const last = lateCodec();
      const between = lateCodec({ interleaved: true });
      return { atOnce: run(bytes, NODE_CODEC), last: run(bytes, last.codec), between: run(bytes, between.codec), behind: last.behindParts() };
    });
  }

  it.each(workbooks)('ends %s as it does with the sheet deflated at once, its pieces taken last or between the reports’', (file) => {
    const { atOnce, last, between, behind } = threeWays(file);
    expect(last).toEqual(atOnce);
    expect(between).toEqual(atOnce);
    // At most the ledger sheet goes behind (one with comments or CDATA in it is rewritten as text, at once).
    expect(behind).toBeLessThanOrEqual(1);
  });

  it.each(['wps-ledger.xlsx', 'libreoffice-saved.xlsx', 'mac-1904.xlsx'])('deflates the ledger sheet of %s behind', (file) => {
    expect(threeWays(file).behind).toBe(1);
  });

  it('ends a ledger whose sheet is several pieces as it does with the sheet deflated at once, its pieces taken between the reports’', () => {
    const bytes = makeBigLedger(5_000);
    withSheetSizes({ minBytes: 0 }, () => {
      const between = lateCodec({ interleaved: true });
      const atOnce = run(bytes, NODE_CODEC);
      expect(typeof atOnce).not.toBe('string');
      expect(run(bytes, between.codec)).toEqual(atOnce);
      // Some of the sheet's pieces were taken while the reports were written, some after.
      expect(between.takenBetween()).toBeGreaterThan(0);
      expect(between.takenBetween()).toBeLessThan(between.takenInAll());
    });
  });

  it('lets go of a sheet left behind when the job fails before the package is put together', () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'wps-ledger.xlsx'));
    const late = lateCodec();
    withSheetSizes({ minBytes: 0 }, () =>
      expect(() =>
        withPackage(bytes, { fileName: 'ledger.xlsx', language: 'zh', codec: late.codec }, (pkg) => {
          pkg.sheetSource(SHEET);
          pkg.writeSplice(SHEET, []);
          throw new Error('the reports could not be written');
        }),
      ).toThrow('the reports could not be written'),
    );
    expect([late.behindParts(), late.abandoned()]).toEqual([1, 1]);
  });
});
