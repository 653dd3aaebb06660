import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { DEFAULT_PRESET, parseIsoDay, WorkbookError } from '../../src/core';
import { processWorkbook, readStateRows } from '../../src/hosts/xlsx';
import { DEFAULT_ZIP_LIMITS, readEntry, readZip, writeZip, ZipFormatError, type LoadBytes } from '../../src/hosts/xlsx/zip';
import { NODE_CODEC } from '../../src/cli/node-codec';
import { Package } from '../../src/hosts/xlsx/package';
import { makeBigLedger } from '../../scripts/sample/make-big-ledger';
import { partsOf, writeRawZip } from '../fuzz/zip-tools';
import { OPERATORS, prng, type Fixture } from '../fuzz/mutations';

/**
 * A package read from a file only where the reader looks (LoadBytes): the command reads a previous
 * output's state sheet so. Whatever the file, the reader must see what it sees with the whole file
 * in memory — the same parts, the same refusals — while bringing in only what it reads.
 */

/** The file as a buffer of zeros that `load` fills from `file`, byte for byte, counting the bytes brought in. */
function onDemand(file: Uint8Array): { bytes: Uint8Array; load: LoadBytes; loaded: () => number } {
  const bytes = new Uint8Array(file.length);
  const seen = new Uint8Array(file.length);
  const load: LoadBytes = (offset, length) => {
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset + length).toBeLessThanOrEqual(file.length);
    bytes.set(file.subarray(offset, offset + length), offset);
    seen.fill(1, offset, offset + length);
  };
  return { bytes, load, loaded: () => seen.reduce((n, b) => n + b, 0) };
}

/** Where two byte strings first differ (a length counts), or -1: a failure says where, not a diff of megabytes. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

const options = { asOf: parseIsoDay('2026-11-30')!, preset: DEFAULT_PRESET, language: 'zh' as const, mask: true };
const FIXTURES = path.resolve(__dirname, '../fixtures');

/** The fixtures' workbooks, and what the job makes of those it can read (outputs with a state sheet). */
function workbooks(): { file: string; bytes: Uint8Array }[] {
  const inputs = [
    ...fs.readdirSync(FIXTURES).filter((f) => /\.xls[xm]$/.test(f)).map((f) => path.join(FIXTURES, f)),
    ...fs.readdirSync(path.join(FIXTURES, 'meeting')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FIXTURES, 'meeting', f)),
  ]
    .sort()
    .map((file) => ({ file: path.relative(FIXTURES, file), bytes: new Uint8Array(fs.readFileSync(file)) }));
  const outputs = inputs.flatMap(({ file, bytes }) => {
    try {
      return [{ file: `${file} → output`, bytes: processWorkbook(bytes, { ...options, fileName: file }).bytes }];
    } catch {
      return []; // encrypted, corrupt, no ledger
    }
  });
  const output = outputs[0].bytes;
  // Larger than the 64 KiB at the end the reader looks at first: its parts and headers lie beyond it.
  const large = processWorkbook(makeBigLedger(3000), { ...options, fileName: 'big.xlsx' }).bytes;
  // A central directory larger than that window, so it is not brought in with the end record.
  const manyParts = writeRawZip([...partsOf(output), ...Array.from({ length: 2000 }, (_, i) => ({ name: `customXml/item${i}.xml`, data: new TextEncoder().encode(`<i n="${i}"/>`) }))]);
  return [
    ...inputs,
    ...outputs,
    { file: '3,000-row ledger → output', bytes: large },
    { file: `${outputs[0].file}, zip64`, bytes: writeRawZip(partsOf(output), { zip64: true }) },
    { file: `${outputs[0].file}, data descriptors`, bytes: writeRawZip(partsOf(output), { descriptor: true }) },
    { file: `${outputs[0].file} and 2,000 more parts`, bytes: manyParts },
    { file: '3,000-row ledger → output, data descriptors', bytes: writeRawZip(partsOf(large), { descriptor: true }) },
  ];
}

/** What reading the state rows comes to: the rows, or the refusal's code. */
function stateRowsOrRefusal(bytes: Uint8Array, load?: LoadBytes): unknown {
  try {
    return { rows: readStateRows(bytes, { fileName: 'x.xlsx', language: 'en', codec: NODE_CODEC, load }) };
  } catch (e) {
    if (e instanceof WorkbookError) return { refused: e.code, message: e.message };
    throw e;
  }
}

describe('a package read only where the reader looks', () => {
  const all = workbooks();

  it('has workbooks from every source and outputs holding a state sheet to read', () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    const outputs = all.filter((w) => w.file.endsWith('→ output'));
    expect(outputs.length).toBeGreaterThanOrEqual(8);
    for (const w of outputs) expect((stateRowsOrRefusal(w.bytes) as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    expect(Math.max(...all.map((w) => w.bytes.length))).toBeGreaterThan(4 * 65536);
  });

  it.each(all.map((w) => [w.file, w.bytes] as const))('%s: every part read is the part read from the whole file', (_file, file) => {
    let whole: ReturnType<typeof readZip>;
    try {
      whole = readZip(file);
    } catch (e) {
      // Refused the same way, having looked at the same places.
      const { bytes, load } = onDemand(file);
      expect(() => readZip(bytes, load)).toThrow((e as ZipFormatError).message);
      return;
    }
    const { bytes, load } = onDemand(file);
    const parts = readZip(bytes, load);
    expect(parts.map((p) => p.name)).toEqual(whole.map((p) => p.name));
    parts.forEach((part, i) => expect({ part: part.name, differsAt: firstDifference(readEntry(part, NODE_CODEC), readEntry(whole[i], NODE_CODEC)) }).toEqual({ part: part.name, differsAt: -1 }));
  });

  it.each(all.map((w) => [w.file, w.bytes] as const))('%s: copied part for part, it is the same file as copied from the whole', (_file, file) => {
    let whole: ReturnType<typeof readZip>;
    try {
      whole = readZip(file);
    } catch {
      return; // no package to copy (the test above compares the refusals)
    }
    const { bytes, load } = onDemand(file);
    // Nothing read but the directory: each record is brought in as it is copied.
    const copied = writeZip(readZip(bytes, load).map((copy) => ({ copy })));
    expect(firstDifference(copied, writeZip(whole.map((copy) => ({ copy }))))).toBe(-1);
  });

  it("reads a previous output's state sheet from a small share of the file", () => {
    const output = all.find((w) => w.file === '3,000-row ledger → output')!.bytes;
    const { bytes, load, loaded } = onDemand(output);
    const rows = stateRowsOrRefusal(bytes, load);
    expect(rows).toEqual(stateRowsOrRefusal(output));
    expect((rows as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    expect(loaded()).toBeLessThan(output.length / 4);
    // The ledger sheet, the largest part, was not brought in.
    const ledger = readZip(output).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(unzipSync(output)['xl/worksheets/sheet1.xml'].length).toBeGreaterThan(output.length);
    expect(loaded()).toBeLessThan(output.length - ledger.compressedSize);
  });

  it('refuses a part too large to read without reading it from the file', () => {
    const output = all.find((w) => w.file === '3,000-row ledger → output')!.bytes;
    const { bytes, load, loaded } = onDemand(output);
    const ledger = readZip(bytes, load).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const before = loaded();
    expect(() => readEntry(ledger, NODE_CODEC, { ...DEFAULT_ZIP_LIMITS, maxEntrySize: ledger.size - 1 })).toThrow(expect.objectContaining({ reason: 'tooLarge' }));
    expect(loaded()).toBe(before);
  });

  it('reads the top rows of every sheet of a large output as from the whole file', () => {
    const output = all.find((w) => w.file === '3,000-row ledger → output')!.bytes;
    const whole = new Package(readZip(output), NODE_CODEC);
    const { bytes, load } = onDemand(output);
    const sparse = new Package(readZip(bytes, load), NODE_CODEC);
    const sheets = whole.names().filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThanOrEqual(3);
    for (const sheet of sheets) expect(sparse.textOfRows(sheet, 5)).toBe(whole.textOfRows(sheet, 5));
  });

  it.each([0, 1, 5, 999, 2999, 3004, 10000])('reads the top %i rows of a 3,000-row ledger as the whole text cut before the next row', (rows) => {
    const output = all.find((w) => w.file === '3,000-row ledger → output')!.bytes;
    const pkg = new Package(readZip(output), NODE_CODEC);
    const name = 'xl/worksheets/sheet1.xml';
    const whole = pkg.text(name);
    // Where the (rows + 1)-th row starts, found by hand in the whole text.
    let at = -1;
    for (let n = 0, from = 0; n <= rows; n++, from = at + 1) if ((at = whole.indexOf('<row ', from)) < 0) break;
    expect(pkg.textOfRows(name, rows)).toBe(at < 0 ? whole : `${whole.slice(0, at)}</sheetData></worksheet>`);
  });

  it('refuses what the whole file is refused for, and reads the same rows from the rest (seeded mutations of outputs)', () => {
    const outputs = all.filter((w) => w.file.includes('→ output'));
    const rng = prng(20261206);
    const operators = Object.values(OPERATORS);
    let refused = 0;
    for (let i = 0; i < 150; i++) {
      const { file, bytes } = outputs[i % outputs.length];
      const files = unzipSync(bytes);
      const fixture: Fixture = {
        file,
        bytes,
        sheetPart: 'xl/worksheets/sheet1.xml',
        readParts: Object.keys(files).filter((n) => !/\.rels$|drawing|chart/.test(n) || n === '_rels/.rels' || n === 'xl/_rels/workbook.xml.rels'),
      };
      const mutant = operators[i % operators.length](rng, fixture);
      const expected = stateRowsOrRefusal(mutant.bytes);
      const { bytes: sparse, load } = onDemand(mutant.bytes);
      expect({ case: mutant.label, outcome: stateRowsOrRefusal(sparse, load) }).toEqual({ case: mutant.label, outcome: expected });
      if ((expected as { refused?: string }).refused) refused++;
    }
    // Both ways, many mutants were refused and many read.
    expect(refused).toBeGreaterThan(20);
    expect(refused).toBeLessThan(140);
  });
});
