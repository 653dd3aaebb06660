import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_PRESET, parseIsoDay, type ReportSheet } from '../../src/core';
import { processWorkbook, writeReportWorkbook } from '../../src/hosts/xlsx';
import { LEVEL_FILLS } from '../../src/core';
import { COLUMN_TITLE, LEVEL_ROWS, PIE_COLOURS, PIE_TITLE, SERIES_COLOURS, summaryWithCharts, TYPE_ROWS } from '../xlsx/report-sheets';
import { toolSkipReason } from './tools';

const skip =
  toolSkipReason('soffice', 'libreoffice-calc') ?? toolSkipReason('pdftotext', 'poppler-utils') ?? toolSkipReason('pdfinfo', 'poppler-utils') ?? toolSkipReason('pdftoppm', 'poppler-utils');
const STATE = { sheet: '_tricolor', rows: [['三色台账快照']] };

/** Converts a workbook to PDF with LibreOffice headless, as a user printing it from Calc would get it. */
function toPdf(bytes: Uint8Array, dir: string, name: string): string {
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, bytes);
  const convert = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(convert.status).toBe(0);
  return path.join(dir, `${name}.pdf`);
}

/** Text of each page. */
function pages(pdf: string): string[] {
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
  return text.split('\f').slice(0, -1);
}

/** Page sizes in points, e.g. '841.89 x 595.304'. */
function pageSizes(pdf: string, count: number): string[] {
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' }).stdout;
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts/gm)].map((m) => m[1]);
}

/** Pixels of page `n` within ±tolerance of each RRGGBB colour, from the binary PPM pdftoppm writes. */
function colourPixels(pdf: string, n: number, colours: Record<string, string>, tolerance = 8): Record<string, number> {
  const page = spawnSync('pdftoppm', ['-r', '50', '-f', String(n), '-l', String(n), pdf], { maxBuffer: 64 * 1024 * 1024 });
  const ppm = page.stdout as Buffer;
  const header = /^P6\s+\d+\s+\d+\s+255\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a PPM image');
  const wanted = Object.entries(colours).map(([name, rgb]) => [name, ...[0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16))] as const);
  const counts: Record<string, number> = Object.fromEntries(wanted.map(([name]) => [name, 0]));
  for (let i = header[0].length; i + 2 < ppm.length; i += 3)
    for (const [name, r, g, b] of wanted)
      if (Math.abs(ppm[i] - r) <= tolerance && Math.abs(ppm[i + 1] - g) <= tolerance && Math.abs(ppm[i + 2] - b) <= tolerance) counts[name]++;
  return counts;
}

const occurrences = (text: string, word: string) => text.split(word).length - 1;
const A4_LANDSCAPE = /^(841\.8\d?) x (595\.\d+)$/;

(skip ? describe.skip : describe)(`LibreOffice prints a report workbook${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-charts-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('draws the pie and the column chart beside their tables on one A4 landscape page, titles and labels as text, in their colours', () => {
    const pdf = toPdf(writeReportWorkbook([summaryWithCharts()], STATE), dir, 'charts');
    const [page, ...rest] = pages(pdf);
    expect(rest).toEqual([]);
    expect(pageSizes(pdf, 1)[0]).toMatch(A4_LANDSCAPE);
    // Titles exist only in the charts; each label is printed once in its table and once more by its chart
    // (the pie's legend names the levels, the column chart's axis the types, its legend the series).
    expect([occurrences(page, PIE_TITLE), occurrences(page, COLUMN_TITLE)]).toEqual([1, 1]);
    for (const label of [...LEVEL_ROWS.map(([l]) => l), ...TYPE_ROWS.map(([t]) => t), '已化解'])
      expect({ label, printed: occurrences(page, label) }).toEqual({ label, printed: 2 });
    const pixels = colourPixels(pdf, 1, {
      red: PIE_COLOURS[0],
      amber: PIE_COLOURS[1],
      green: PIE_COLOURS[2],
      count: SERIES_COLOURS[0],
      resolved: SERIES_COLOURS[1],
    });
    // Slices in proportion to 4 : 9 : 23, columns to 36 : 21 in all.
    expect(pixels.red).toBeGreaterThan(100);
    expect(pixels.red < pixels.amber && pixels.amber < pixels.green).toBe(true);
    expect(pixels.resolved).toBeGreaterThan(100);
    expect(pixels.resolved < pixels.count).toBe(true);
  });

  it('starts a new page at each row break, whether or not the sheet is fitted to the page width', () => {
    const rows = Array.from({ length: 30 }, (_, r) => [{ value: `第${r + 1}行`, style: 'text' as const }]);
    const sheet = (name: string, fitToWidth: boolean): ReportSheet => ({
      name,
      columnWidths: [20],
      rows,
      merges: [],
      print: { landscape: true, fitToWidth },
      rowBreaks: [10, 20],
    });
    const pdf = toPdf(writeReportWorkbook([sheet('适合页宽', true), sheet('原大小', false)], STATE), dir, 'breaks');
    const firstRowOf = (text: string) => Number(/第(\d+)行/.exec(text)?.[1]);
    const lastRowOf = (text: string) => Number([...text.matchAll(/第(\d+)行/g)].pop()?.[1]);
    // 0-based rows 10 and 20 start pages: the user's rows 11 and 21.
    expect(pages(pdf).map((p) => [firstRowOf(p), lastRowOf(p)])).toEqual([
      [1, 10], [11, 20], [21, 30],
      [1, 10], [11, 20], [21, 30],
    ]);
    expect(pageSizes(pdf, 6).every((s) => A4_LANDSCAPE.test(s))).toBe(true);
  });

  it('shows overdue revisit dates in dark red on the row colour (the overdue rules come first)', () => {
    // Revisits of 2020 are overdue by any clock LibreOffice's TODAY() reads.
    const { bytes, job } = processWorkbook(fs.readFileSync(path.resolve(__dirname, '../fixtures/libreoffice-saved.xlsx')), {
      fileName: 'libreoffice-saved.xlsx',
      asOf: parseIsoDay('2020-06-30')!,
      preset: DEFAULT_PRESET,
      language: 'zh',
      mask: true,
    });
    expect(job.disputes.filter((d) => d.schedule.nextRevisit !== null).length).toBeGreaterThan(5);
    const pdf = toPdf(bytes, dir, 'overdue');
    const ledgerPages = pages(pdf).findIndex((p) => p.includes('回访清单（截至'));
    expect(ledgerPages).toBeGreaterThan(0);
    const total = { darkRed: 0, red: 0, yellow: 0, green: 0 };
    for (let n = 1; n <= ledgerPages; n++) {
      const c = colourPixels(pdf, n, { darkRed: 'C00000', red: LEVEL_FILLS.red.slice(2), yellow: LEVEL_FILLS.yellow.slice(2), green: LEVEL_FILLS.green.slice(2) }, 30);
      for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += c[k];
    }
    expect(total.darkRed).toBeGreaterThan(20);
    expect(Math.min(total.red, total.yellow, total.green)).toBeGreaterThan(0);
  });
});
