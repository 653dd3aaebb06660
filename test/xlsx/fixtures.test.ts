import * as fs from 'fs';
import * as path from 'path';
import { columnLetter, DEFAULT_PRESET, parseIsoDay, WorkbookError } from '../../src/core';
import { processWorkbook, type WorkbookJobOptions } from '../../src/hosts/xlsx';
import { validateParts, validationSkipReason } from '../support/ooxml';
import { ADDED_PARTS, cellsOf, diffPackages, EDITABLE_PARTS, partOf } from './preservation';

/**
 * Every fixture workbook (test/fixtures, see its README): the job must find the ledger the way a
 * person reading domain.md would, leave every part it does not own byte-identical, write parts that
 * validate, and change nothing more when run again.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures');

interface Expected {
  ledger?: false;
  sheet: string;
  headerRows: number[];
  fields: Record<string, string>;
  asOf: string;
  rows: { row: number; level: string; suggested?: string; because: string }[];
}

const files = fs.readdirSync(FIXTURES).filter((f) => /\.xls[xm]$/.test(f));
const expectations = files.map((file) => ({
  file,
  bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, file))),
  expected: JSON.parse(fs.readFileSync(path.join(FIXTURES, file.replace(/\.xls[xm]$/, '.expected.json')), 'utf8')) as Expected,
}));
const ledgers = expectations.filter((e) => e.expected.ledger !== false);
const notLedgers = expectations.filter((e) => e.expected.ledger === false);

const optionsFor = (file: string, asOf: string): WorkbookJobOptions => ({
  fileName: file,
  asOf: parseIsoDay(asOf)!,
  preset: DEFAULT_PRESET,
  language: 'zh',
  mask: true,
});

it('has fixtures to check, with an expectation beside each', () => {
  expect(ledgers.length).toBeGreaterThanOrEqual(7);
  expect(notLedgers.length).toBeGreaterThanOrEqual(3);
});

describe.each(ledgers)('$file', ({ file, bytes, expected }) => {
  const result = processWorkbook(bytes, optionsFor(file, expected.asOf));

  it('finds the ledger sheet, its header rows and its columns', () => {
    const { layout } = result.job;
    const fields = Object.fromEntries(Object.entries(layout.fields).map(([k, c]) => [k, columnLetter(c)]));
    const headerRows = Array.from({ length: layout.headerBottom - layout.headerTop + 1 }, (_, i) => layout.headerTop + 1 + i);
    expect({ sheet: layout.sheet, headerRows }).toEqual({ sheet: expected.sheet, headerRows: expected.headerRows });
    // A ledger with only a yes/no column may also report it as the status column: only extra entries for that are allowed.
    for (const [field, letter] of Object.entries(expected.fields)) expect([field, fields[field]]).toEqual([field, letter]);
    for (const [field, letter] of Object.entries(fields))
      if (!(field in expected.fields)) expect([field, letter]).toEqual(['status', expected.fields.resolvedFlag]);
  });

  it('gives each checked row the level domain.md\'s rules give', () => {
    const byRow = new Map(result.job.disputes.map((d) => [d.record.row, d.triage]));
    for (const row of expected.rows) {
      const triage = byRow.get(row.row);
      expect({ row: row.row, level: triage?.effective, because: row.because }).toEqual({ row: row.row, level: row.level, because: row.because });
      if (row.suggested) expect({ row: row.row, suggested: triage?.suggested }).toEqual({ row: row.row, suggested: row.suggested });
    }
  });

  it('leaves every part it does not own byte-identical, down to the compressed bytes', () => {
    const diff = diffPackages(bytes, result.bytes);
    expect(diff.removed).toEqual([]);
    expect(diff.recompressed).toEqual([]);
    expect(diff.changed.filter((p) => !EDITABLE_PARTS.test(p))).toEqual([]);
    expect(diff.added.filter((p) => !ADDED_PARTS.test(p))).toEqual([]);
  });

  it('keeps the user\'s cells and other worksheets as they were', () => {
    const diff = diffPackages(bytes, result.bytes);
    const changedSheets = diff.changed.filter((p) => p.startsWith('xl/worksheets/'));
    expect(changedSheets).toHaveLength(1);
    const before = cellsOf(partOf(bytes, changedSheets[0]));
    const after = cellsOf(partOf(result.bytes, changedSheets[0]));
    for (const [ref, xml] of before) expect([ref, after.get(ref)]).toEqual([ref, xml]);
  });

  it('keeps existing defined names, sheet order and the user\'s conditional formats and validations', () => {
    const wbBefore = partOf(bytes, 'xl/workbook.xml');
    const wbAfter = partOf(result.bytes, 'xl/workbook.xml');
    const names = (xml: string) => [...xml.matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
    for (const name of names(wbBefore)) expect(names(wbAfter)).toContain(name);
    const sheets = (xml: string) => [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets(wbAfter).slice(0, sheets(wbBefore).length)).toEqual(sheets(wbBefore));
    const ledgerPart = diffPackages(bytes, result.bytes).changed.find((p) => p.startsWith('xl/worksheets/'))!;
    const blocks = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}\\b[\\s\\S]*?</${tag}>`, 'g'))].map((m) => m[0]);
    const sheetBefore = partOf(bytes, ledgerPart);
    const sheetAfter = partOf(result.bytes, ledgerPart);
    for (const cf of blocks(sheetBefore, 'conditionalFormatting')) expect(sheetAfter).toContain(cf);
    for (const dv of blocks(sheetBefore, 'dataValidation')) expect(sheetAfter).toContain(dv);
    for (const ext of blocks(sheetBefore, 'extLst')) expect(sheetAfter).toContain(ext);
  });

  it('changes nothing further when run again on its own output', () => {
    const again = processWorkbook(result.bytes, optionsFor(file, expected.asOf));
    expect(diffPackages(result.bytes, again.bytes)).toEqual({ changed: [], added: [], removed: [], recompressed: [] });
  });

  const skip = validationSkipReason();
  (skip ? it.skip : it)(`writes only parts that validate against the ISO schemas${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const results = validateParts(result.writtenParts.map((p) => ({ path: p, xml: partOf(result.bytes, p) })));
    expect(results.filter((r) => !r.ok).map((r) => ({ path: r.path, errors: r.errors.slice(0, 5) }))).toEqual([]);
  });
});

describe.each(notLedgers)('$file is refused', ({ file, bytes }) => {
  it('with a message naming the file, and no output', () => {
    let error: unknown;
    try {
      processWorkbook(bytes, optionsFor(file, '2020-06-30'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(new RegExp(`“${file.replace('.', '\\.')}”|工作簿中没有找到矛盾纠纷台账`));
  });
});
