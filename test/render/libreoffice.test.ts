import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_PRESET, parseIsoDay } from '../../src/core';
import { processWorkbook } from '../../src/hosts/xlsx';
import { LEVEL_FILLS } from '../../src/core';
import { toolSkipReason } from './tools';

const SAMPLE = path.resolve(__dirname, '../../assets/sample-ledger.xlsx');
const skip = toolSkipReason('soffice', 'libreoffice-calc') ?? toolSkipReason('pdftoppm', 'poppler-utils') ?? toolSkipReason('pdftotext', 'poppler-utils');

/** Pixels of page 1 by colour, from a binary PPM (P6) that pdftoppm writes. */
function countColours(ppm: Buffer, colours: Record<string, string>): Record<string, number> {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a PPM image');
  const start = header[0].length;
  const wanted = Object.entries(colours).map(([name, argb]) => [name, parseInt(argb.slice(2, 4), 16), parseInt(argb.slice(4, 6), 16), parseInt(argb.slice(6, 8), 16)] as const);
  const counts: Record<string, number> = Object.fromEntries(wanted.map(([n]) => [n, 0]));
  for (let i = start; i + 2 < ppm.length; i += 3) {
    for (const [name, r, g, b] of wanted)
      if (Math.abs(ppm[i] - r) <= 6 && Math.abs(ppm[i + 1] - g) <= 6 && Math.abs(ppm[i + 2] - b) <= 6) counts[name]++;
  }
  return counts;
}

(skip ? describe.skip : describe)(`LibreOffice opens the demo output${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('and renders each ledger row in the colour of its level', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-render-'));
    try {
      const { bytes, job } = processWorkbook(fs.readFileSync(SAMPLE), {
        fileName: 'sample-ledger.xlsx',
        asOf: parseIsoDay('2026-11-30')!,
        period: { from: parseIsoDay('2026-11-01')!, to: parseIsoDay('2026-11-30')! },
        preset: DEFAULT_PRESET,
        language: 'zh',
        mask: true,
      });
      const file = path.join(dir, 'demo.xlsx');
      fs.writeFileSync(file, bytes);
      const convert = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
        { encoding: 'utf8', timeout: 180_000 },
      );
      expect(convert.status).toBe(0);
      const pdf = path.join(dir, 'demo.pdf');
      expect(fs.existsSync(pdf)).toBe(true);
      // The ledger sheet prints first; its pages end where the 回访清单 sheet begins.
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
      const pages = text.split('\f');
      const ledgerPages = pages.findIndex((p) => p.includes('回访清单（截至'));
      expect(ledgerPages).toBeGreaterThan(0);
      const counts = { red: 0, yellow: 0, green: 0 };
      for (let n = 1; n <= ledgerPages; n++) {
        const page = spawnSync('pdftoppm', ['-r', '30', '-f', String(n), '-l', String(n), pdf], { maxBuffer: 64 * 1024 * 1024 });
        expect(page.status).toBe(0);
        const c = countColours(page.stdout, LEVEL_FILLS);
        counts.red += c.red;
        counts.yellow += c.yellow;
        counts.green += c.green;
      }
      // Each colour's area follows how many rows have that level (the sample has all three).
      const rows = { red: 0, yellow: 0, green: 0 };
      for (const d of job.disputes) rows[d.triage.effective]++;
      expect(Math.min(rows.red, rows.yellow, rows.green)).toBeGreaterThan(0);
      for (const level of ['red', 'yellow', 'green'] as const) expect({ level, coloured: counts[level] > rows[level] * 20 }).toEqual({ level, coloured: true });
      const order = (o: Record<string, number>) => Object.keys(o).sort((a, b) => o[a] - o[b]);
      expect(order(counts)).toEqual(order(rows));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
