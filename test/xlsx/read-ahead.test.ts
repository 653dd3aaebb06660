/**
 * The ledger sheet inflated ahead on the codec's second thread while the shared strings are read
 * (Package.prefetch, DeflateCodec.inflateAhead): a run must end exactly as it does when the job
 * inflates the sheet itself — the same file written, byte for byte, or the same refusal — and a
 * damaged sheet must be refused in the same words.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_PRESET, parseIsoDay } from '../../src/core';
import { processWorkbook, type DeflateCodec, type ZipLimits } from '../../src/hosts/xlsx';
import { withSheetSizes } from './sheet-sizes';
import { NODE_CODEC } from '../../src/cli/node-codec';
import { ThreadedDeflate } from '../../src/cli/threaded-codec';
import { writeXlsx } from '../../scripts/lib/xlsx-writer';
import { crcOf, partsOf, writeRawZip, type RawEntry } from '../fuzz/zip-tools';
import { SMALL_LEDGER_MERGES, SMALL_LEDGER_ROWS, smallLedger } from './small-ledger';

const FIXTURES = path.join(__dirname, '../fixtures');
const SHEET = 'xl/worksheets/sheet1.xml';
const threaded = new ThreadedDeflate();
afterAll(() => threaded.close());

/** The run's output, or its message; and which parts the codec was asked to inflate ahead, and which on the job's thread. */
function run(bytes: Uint8Array, codec: DeflateCodec, limits?: ZipLimits) {
  const ahead: number[] = [];
  const here: number[] = [];
  const watched: DeflateCodec = {
    ...codec,
    inflate: (data, size) => {
      here.push(size);
      return codec.inflate(data, size);
    },
    ...(codec.inflateAhead
      ? {
          inflateAhead: (data, size) => {
            ahead.push(size);
            return codec.inflateAhead!(data, size);
          },
        }
      : {}),
  };
  // Every worksheet part is large enough to be inflated ahead (a real run: 4 MB and more).
  return withSheetSizes({ minBytes: 0 }, () => {
    const options = { fileName: 'ledger.xlsx', language: 'zh' as const, asOf: parseIsoDay('2026-11-30')!, preset: DEFAULT_PRESET, mask: true, codec: watched, ...(limits ? { limits } : {}) };
    let outcome: Buffer | string;
    try {
      outcome = Buffer.from(processWorkbook(bytes, options).bytes);
    } catch (e) {
      outcome = String((e as Error).message);
    }
    return { outcome, ahead, here };
  });
}

describe('the ledger sheet inflated ahead on a second thread', () => {
  const workbooks = fs.readdirSync(FIXTURES).filter((f) => /\.xls[xm]$/.test(f));

  it.each(workbooks)('%s: the same file (or refusal) as when the job inflates it itself', (file) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
    expect(run(bytes, threaded.codec).outcome).toEqual(run(bytes, NODE_CODEC).outcome);
  });

  it('inflates the ledger sheet there, not on the job’s thread', () => {
    const bytes = smallLedger();
    const sheetSize = partsOf(bytes).find((p) => p.name === SHEET)!.data.length;
    const { outcome, ahead, here } = run(bytes, threaded.codec);
    expect(outcome).toBeInstanceOf(Buffer);
    expect(ahead).toEqual([sheetSize]);
    expect(here).not.toContain(sheetSize);
  });

  const damaged: [string, (sheet: RawEntry) => Partial<RawEntry>, RegExp][] = [
    ['its CRC off by one bit', (p) => ({ crc: (crcOf(p.data) ^ 1) >>> 0 }), /sheet1\.xml 校验不符/],
    ['a digit changed after its CRC was taken', (p) => ({ data: p.data.map((b, i) => (i === p.data.lastIndexOf(0x37) ? 0x38 : b)), crc: crcOf(p.data) }), /sheet1\.xml 校验不符/],
    ['its deflate stream damaged', (p) => ({ compressed: new Uint8Array(64).fill(0xff), size: p.data.length }), /sheet1\.xml/],
    ['more bytes than it declares', (p) => ({ size: p.data.length - 1 }), /sheet1\.xml/],
    ['fewer bytes than it declares', (p) => ({ size: p.data.length + 1 }), /sheet1\.xml/],
  ];
  it.each(damaged)('refuses a ledger sheet with %s in the same words', (_name, damage, named) => {
    const entries = partsOf(smallLedger()).map((p) => (p.name === SHEET ? { ...p, ...damage(p) } : p));
    const bytes = writeRawZip(entries);
    const ahead = run(bytes, threaded.codec);
    expect(ahead.ahead).toHaveLength(1);
    expect(ahead.outcome).toEqual(run(bytes, NODE_CODEC).outcome);
    expect(ahead.outcome).toMatch(named);
  });

  // The shared strings are read while the sheet inflates, before any cell needs them: they must
  // still be counted against the limit on all parts read where a cell first needs them (or never,
  // when none does), so that every limit refuses at the same part, in the same words.
  const inlineLedger = writeXlsx({
    sheets: [
      { name: '台账', rows: SMALL_LEDGER_ROWS.map((row) => row.map((v) => (typeof v === 'string' ? { v, inline: true } : v))), merges: SMALL_LEDGER_MERGES },
      { name: '说明', rows: [['本表由综治办填写，每月汇总一次。']] },
    ],
  });
  // A hostile package whose shared-strings relationship points at the ledger sheet itself: read
  // ahead as shared strings, the sheet must still be counted when it is read as a sheet.
  const sheetAsSharedStrings = writeRawZip(
    partsOf(inlineLedger).map((p) =>
      p.name === 'xl/_rels/workbook.xml.rels' ? { ...p, data: new TextEncoder().encode(new TextDecoder().decode(p.data).replace('Target="sharedStrings.xml"', 'Target="worksheets/sheet1.xml"')) } : p,
    ),
  );
  it.each([
    ['its cells in the shared strings', smallLedger(), ['读到 xl/sharedStrings.xml', '读到 xl/worksheets/sheet1.xml', 'written']],
    ['its cells inline, the shared strings only another sheet’s', inlineLedger, ['读到 xl/sharedStrings.xml', '读到 xl/worksheets/sheet1.xml', 'written']],
    // Read as shared strings (for the other sheet's cell), the sheet is no list of them: refused, once every part fits.
    ['its cells inline, the shared strings’ relationship pointing at it', sheetAsSharedStrings, ['读到 xl/worksheets/sheet1.xml', 'sheet1.xml 第 57 个字符处的 <worksheet']],
  ])('refuses at the same part under every limit on all parts read (a ledger with %s)', (_name, bytes, seen) => {
    // Parts are read more than once (a sheet's top rows, then its rows to the end): the job reads more than the package holds.
    const total = 3 * partsOf(bytes).reduce((n, p) => n + p.data.length, 0);
    const outcomes = new Set<string>();
    // Every 211 bytes up to the first limit that lets the file be written (any larger one does too), or to the end.
    for (let limit = 0; limit <= total && !outcomes.has('written'); limit += 211) {
      const limits = { maxEntrySize: total, maxTotalSize: limit };
      const node = run(bytes, NODE_CODEC, limits).outcome;
      expect(run(bytes, threaded.codec, limits).outcome).toEqual(node);
      outcomes.add(typeof node === 'string' ? node : 'written');
    }
    // Refused at several parts in turn, the ledger sheet (and the shared strings) among them, then written (or refused for what it is).
    for (const outcome of seen) expect([...outcomes].some((o) => o.includes(outcome))).toBe(true);
  });
});
