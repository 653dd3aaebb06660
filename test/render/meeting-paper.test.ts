import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_PRESET, parseIsoDay, parsePeriod, runMeetingJob, type ReportSheet } from '../../src/core';
import { readLedgerWorkbook, writeReportWorkbook } from '../../src/hosts/xlsx';
import { readZip, validatePackage, validationSkipReason } from '../support/ooxml';
import { toolSkipReason } from './tools';

// The joint meeting of the three fixture units, printed as a clerk would print it from Calc.
const FIXTURES = path.join(__dirname, '../fixtures/meeting');
const FILES = ['police.xlsx', 'justice.xlsx', 'court.xlsx'];
const skipRender = toolSkipReason('soffice', 'libreoffice-calc') ?? toolSkipReason('pdftotext', 'poppler-utils') ?? toolSkipReason('pdfinfo', 'poppler-utils');
const skipSchemas = validationSkipReason();

function meetingWorkbook(): { bytes: Uint8Array; reports: ReportSheet[] } {
  const ledgers = FILES.map((file) => ({
    file,
    input: readLedgerWorkbook(new Uint8Array(fs.readFileSync(path.join(FIXTURES, file))), { fileName: file, language: 'zh' }).input,
  }));
  const job = runMeetingJob(ledgers, {
    asOf: parseIsoDay('2026-11-30')!,
    period: parsePeriod('2026-11')!,
    preset: DEFAULT_PRESET,
    language: 'zh',
    mask: true,
  });
  return { bytes: writeReportWorkbook(job.plan.reports, job.plan.state), reports: job.plan.reports };
}

const { bytes, reports } = meetingWorkbook();
const summary = reports.find((r) => r.name === '联席会议汇总')!;
const dueList = reports.find((r) => r.name === '回访清单')!;

describe('the meeting workbook’s charts', () => {
  it('are chart parts drawn on the summary sheet', () => {
    const parts = [...readZip(bytes).keys()];
    expect(parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(summary.charts!.length);
    expect(summary.charts!.map((c) => c.title)).toEqual(['本期登记纠纷（按预警等级）', '本期登记纠纷（按单位）']);
    expect(parts.filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(1);
  });

  (skipSchemas ? it.skip : it)(`validate, with every other part, against the ISO schemas${skipSchemas ? ` (skipped: ${skipSchemas})` : ''}`, () => {
    const results = validatePackage(bytes);
    expect(results.filter((r) => /chart|drawing/.test(r.path)).every((r) => r.schema !== null)).toBe(true);
    expect(results.filter((r) => !r.ok).map((r) => ({ path: r.path, errors: r.errors.slice(0, 3) }))).toEqual([]);
  });
});

(skipRender ? describe.skip : describe)(`LibreOffice prints the meeting paper${skipRender ? ` (skipped: ${skipRender})` : ''}`, () => {
  let dir: string;
  let pages: string[];
  /** Per page, the text of each printed cell column (see textColumns). */
  let columns: string[][];
  let sizes: string[];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-paper-'));
    const file = path.join(dir, 'meeting.xlsx');
    fs.writeFileSync(file, bytes);
    const convert = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(convert.status).toBe(0);
    const pdf = path.join(dir, 'meeting.pdf');
    pages = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout.split('\f').slice(0, -1);
    columns = textColumns(spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout);
    const info = spawnSync('pdfinfo', ['-f', '1', '-l', String(pages.length), pdf], { encoding: 'utf8' }).stdout;
    sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints every page on A4 landscape', () => {
    expect(pages.length).toBeGreaterThan(2);
    expect(new Set(sizes)).toEqual(new Set(['842x595']));
  });

  it.each([
    ['联席会议汇总', () => summary],
    ['回访清单', () => dueList],
  ])('prints every text cell of %s whole: no label or line is cut', (_name, sheet) => {
    const printed = columns.flat().join('\u0000');
    // pdftotext splits a line at spaces ("会议时间：… 会议地点：…"): each part must print whole.
    const missing = sheet()
      .rows.flat()
      .flatMap((cell) => (typeof cell.value === 'string' ? cell.value.split(/\s+/) : []))
      .filter((part) => part !== '' && !printed.includes(part));
    expect(missing).toEqual([]);
  });

  it('draws the charts: their titles are printed, and only the charts print them', () => {
    const printed = pages.join('\n');
    for (const chart of summary.charts!) expect({ title: chart.title, times: printed.split(chart.title).length - 1 }).toEqual({ title: chart.title, times: 1 });
  });

  it('starts each responsible person’s revisit list on a new page', () => {
    const headings = dueList.rows.filter((row) => row[0]?.style === 'subtitle' && String(row[0].value).includes('责任人/单位：')).map((row) => String(row[0].value));
    expect(headings.length).toBeGreaterThan(3);
    const onPage = (heading: string, page: string[]) => heading.split(/\s+/).every((part) => page.some((c) => c.includes(part)));
    const pagesWith = headings.map((h) => columns.map((page, i) => (onPage(h, page) ? i : -1)).filter((i) => i >= 0));
    // Each heading is on exactly one page, and no page holds two.
    expect(pagesWith.every((p) => p.length === 1)).toBe(true);
    expect(new Set(pagesWith.flat()).size).toBe(headings.length);
  });
});

/**
 * A wrapped cell prints as runs of text stacked right under one another within its column, while
 * pdftotext's reading order (and even its lines) mix neighbouring cells. So each page's words are
 * chained: a word continues the chain whose last word it sits right under and overlaps most
 * sideways. A cell printed whole is then a substring of one chain's text.
 */
function textColumns(bboxHtml: string): string[][] {
  const out: string[][] = [];
  for (const page of bboxHtml.split(/<page /).slice(1)) {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: decode(m[5]) }))
      .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    // Words touching on one line are one run (pdftotext splits 2026年 into 2026 and 年); cells are further apart.
    const lines: typeof words = [];
    for (const w of [...words].sort((a, b) => a.x0 - b.x0)) {
      const run = lines.find((l) => Math.abs(l.y1 - w.y1) < 1 && w.x0 - l.x1 < 2 && w.x0 >= l.x1 - 1);
      if (run) Object.assign(run, { x1: w.x1, y0: Math.min(run.y0, w.y0), text: run.text + w.text });
      else lines.push({ ...w });
    }
    lines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    // A chain is extended by the line under its last line that overlaps that line most.
    const chains: { x0: number; x1: number; y1: number; text: string }[] = [];
    for (const line of lines) {
      const height = line.y1 - line.y0;
      const overlap = (c: (typeof chains)[number]) => Math.min(line.x1, c.x1) - Math.max(line.x0, c.x0);
      const below = chains.filter((c) => overlap(c) > 0 && line.y0 >= c.y1 - height / 2 && line.y0 <= c.y1 + height);
      const chain = below.sort((a, b) => overlap(b) - overlap(a))[0];
      if (chain) Object.assign(chain, { x0: line.x0, x1: line.x1, y1: line.y1, text: chain.text + line.text });
      else chains.push({ x0: line.x0, x1: line.x1, y1: line.y1, text: line.text });
    }
    out.push(chains.map((c) => c.text));
  }
  return out;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, '');
}
