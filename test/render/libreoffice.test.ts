import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_PRESET, parseIsoDay } from '../../src/core';
import { processWorkbook } from '../../src/hosts/xlsx';
import { LEVEL_FILLS } from '../../src/hosts/xlsx/report-writer';
import { toolSkipReason } from './tools';

const SAMPLE = path.resolve(__dirname, '../../assets/sample-ledger.xlsx');
const skip = toolSkipReason('soffice', 'libreoffice-calc') ?? toolSkipReason('pdftoppm', 'poppler-utils');

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
  it('and renders the ledger rows in red, yellow and green', () => {
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
      const page = spawnSync('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', pdf], { maxBuffer: 64 * 1024 * 1024 });
      expect(page.status).toBe(0);
      const counts = countColours(page.stdout, LEVEL_FILLS);
      // The first page shows the top of the ledger; the sample's first rows include every colour.
      const top = job.disputes.filter((d) => d.record.row <= 20).map((d) => d.triage.effective);
      expect(new Set(top)).toEqual(new Set(['red', 'yellow', 'green']));
      // A filled row at 40 dpi is several hundred pixels of its colour; an uncoloured page has none.
      expect(counts.red).toBeGreaterThan(200);
      expect(counts.yellow).toBeGreaterThan(200);
      expect(counts.green).toBeGreaterThan(200);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
