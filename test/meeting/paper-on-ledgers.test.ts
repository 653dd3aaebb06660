import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_PRESET, parseIsoDay, parsePeriod } from '../../src/core';
import { processWorkbook } from '../../src/hosts/xlsx';
import { readSheetValues, readZip } from '../support/ooxml';

// What a station chief checks on the paper, on every ledger the repository holds, read back with
// the tests' own package reader: the title names the unit, every overdue red is in the overdue
// list under the ledger's own 序号, the ledger's punctuation is kept, and the charts are there.
const LEDGERS = [
  ...['aliases', 'excel-everything', 'header-not-row1', 'libreoffice-saved', 'mac-1904', 'wps-ledger'].map((n) => `test/fixtures/${n}.xlsx`),
  'test/fixtures/excel-macros.xlsm',
  'assets/sample-ledger.xlsx',
  ...['police', 'justice', 'court'].map((n) => `test/fixtures/meeting/${n}.xlsx`),
];
const ROOT = path.resolve(__dirname, '../..');

describe.each(LEDGERS)('the meeting paper of %s', (file) => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, file)));
  const { job, bytes: out } = processWorkbook(bytes, {
    fileName: path.basename(file),
    asOf: parseIsoDay('2026-11-30')!,
    period: parsePeriod('2026-11')!,
    preset: DEFAULT_PRESET,
    language: 'zh',
    mask: true,
  });
  const sheet = readSheetValues(out, '联席会议汇总');
  const rows = new Map<number, string[]>();
  for (const [ref, value] of sheet.cells) {
    const row = Number(/\d+$/.exec(ref)![0]);
    rows.set(row, [...(rows.get(row) ?? []), String(value)]);
  }
  const lines = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, cells]) => cells);
  const title = String(sheet.cells.get('A1'));

  it('names the unit in the title', () => {
    expect(job.unit).not.toBe('');
    expect(title.startsWith(job.unit)).toBe(true);
    expect(title).toMatch(/联席会议/);
  });

  it('lists every overdue red under the ledger’s own 序号', () => {
    const start = lines.findIndex((cells) => cells[0]?.includes('逾期未回访（'));
    const end = lines.findIndex((cells) => cells[0]?.includes('较上次会议变化'));
    const section = lines.slice(start, end);
    const listed = section.map((cells) => cells[0]);
    const reds = job.disputes.filter((d) => d.triage.effective === 'red' && d.schedule.overdueDays > 0);
    // The count line says how many reds are overdue, and each is listed.
    expect(section[1].join('')).toContain(`红色${reds.length}件`);
    for (const d of reds) {
      const serial = (d.record.text.serial ?? '').trim() || `第${d.record.row}行`;
      expect(listed.some((first) => first.split('、').includes(serial))).toBe(true);
    }
  });

  it('keeps the ledger’s own punctuation where the ledger writes Chinese punctuation', () => {
    const written = job.disputes.filter((d) => /[，：（）]/.test(d.record.written?.description ?? ''));
    const printed = [...sheet.cells.values()].map(String).join('\n');
    if (written.length > 0) expect(printed).toMatch(/[，：（）]/);
    expect(printed).not.toMatch(/[\u4e00-\u9fff],[\u4e00-\u9fff]/);
  });

  it('draws native charts on the summary sheet', () => {
    const parts = [...readZip(out).keys()];
    expect(parts.some((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toBe(true);
    expect(job.plan.reports.find((r) => r.name === '联席会议汇总')!.charts!.length).toBeGreaterThanOrEqual(2);
  });
});
