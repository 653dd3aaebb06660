/**
 * The offline web page (dist/web.html) in chromium with the network cut off: open the sample
 * ledger (through the file chooser when served, dropped on the page when opened from disk),
 * process it as of 2026-11-30 for the November meeting, check the counts the page shows and the
 * colour of every preview row, download the result, read it back with the file host and compare
 * it part by part with what `tricolor run` writes for the same options. Axe scan; docs/images/web.png.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { main, type Io } from '../../src/cli/main';
import { DEFAULT_PRESET, parseIsoDay, type Level } from '../../src/core';
import { processWorkbook, readEntry, readZip } from '../../src/hosts/xlsx';
import { readSharedStrings, readSheetXml } from '../../src/hosts/xlsx/sheet-reader';
import { LEVEL_BACKGROUND } from '../../src/web/components/styles';
import type { Page } from 'playwright-core';
import { ROOT, describeViolations, openIsolatedPage, seriousAxeViolations } from './browser';
import { packageParts, servedPageSuite } from './served-page';
import { SAMPLE, expectSampleTriage } from './sample';

const AS_OF = '2026-11-30';
const PERIOD = { from: '2026-11-01', to: '2026-11-30' };

/** What `tricolor run SAMPLE --as-of … --period … --out X --force` writes. */
function commandOutput(dir: string): Uint8Array {
  const out = path.join(dir, 'cli.tricolor.xlsx');
  const err: string[] = [];
  const io: Io = { stdout: () => undefined, stderr: (s) => err.push(s), today: () => AS_OF };
  const code = main(['run', SAMPLE, '--as-of', AS_OF, '--period', `${PERIOD.from}..${PERIOD.to}`, '--out', out, '--force'], io);
  if (code !== 0) throw new Error(`tricolor run failed (${code}): ${err.join('')}`);
  return new Uint8Array(fs.readFileSync(out));
}

/** The preview's rows as the page draws them: sheet row, the level in words, the row's background. */
interface DrawnRow {
  row: number;
  levelText: string;
  background: string;
}

const LEVEL_WORDS: Record<string, Level> = { 红: 'red', 黄: 'yellow', 绿: 'green' };

/** '#FFC7CE' as getComputedStyle gives it: 'rgb(255, 199, 206)'. */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/**
 * The level the downloaded workbook holds for each row: its 建议等级 cell as written ('绿（已化解）'
 * counts as green), read with the file host's own sheet reader. (The sample has no manual levels,
 * so the suggested level is the one that colours the row.)
 */
function writtenLevels(bytes: Uint8Array, sheet: string): Map<number, Level> {
  const entries = new Map(readZip(bytes).map((e) => [e.name, e]));
  const text = (name: string) => new TextDecoder().decode(readEntry(entries.get(name)!));
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="(rId\\d+)"`).exec(text('xl/workbook.xml'))?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(text('xl/_rels/workbook.xml.rels'))?.[1];
  if (!rid || !target) throw new Error(`no sheet ${sheet} in the download`);
  const grid = readSheetXml(text(`xl/${target.replace(/^\/?xl\//, '')}`), { name: sheet, sharedStrings: () => readSharedStrings(text('xl/sharedStrings.xml')), formatOf: () => null, date1904: false });
  const headerRow = grid.values.findIndex((r) => r.includes('建议等级'));
  const column = grid.values[headerRow].indexOf('建议等级');
  const levels = new Map<number, Level>();
  grid.values.forEach((r, i) => {
    const level = LEVEL_WORDS[String(r[column] ?? '').charAt(0)];
    if (i > headerRow && level) levels.set(i + 1, level);
  });
  return levels;
}

/** The downloaded workbook processed again by the file host with the same options. */
function fileHostRerun(bytes: Uint8Array) {
  const asOf = parseIsoDay(AS_OF);
  const from = parseIsoDay(PERIOD.from);
  const to = parseIsoDay(PERIOD.to);
  if (asOf === null || from === null || to === null) throw new Error('bad test dates');
  const again = processWorkbook(bytes, { fileName: 'sample-ledger.tricolor.xlsx', asOf, period: { from, to }, preset: DEFAULT_PRESET, language: 'zh', mask: true });
  return { counts: again.job.counts, bytes: again.bytes };
}

/**
 * Drags `file` from "the desktop" onto the page and drops it there: the browser's own drag events
 * with a DataTransfer holding the file, as the operating system hands it over.
 */
async function dropFile(page: Page, file: string): Promise<void> {
  const base64 = fs.readFileSync(file).toString('base64');
  await page.evaluate(
    ({ name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      const target = document.querySelector('main') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name: path.basename(file), base64 },
  );
}

describe('offline web page', () => {
  const suite = servedPageSuite('tricolor-e2e-web-');

  /**
   * Opens `url`, processes the sample ledger with the command's options, checks the counts, and
   * returns the page (still open) with the downloaded workbook's parts.
   */
  async function processSample(url: string, saveAs: string, open: 'chooser' | 'drop') {
    const opened = await openIsolatedPage(suite.browser);
    const { page } = opened;
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const workerCsp: (string | undefined)[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/web-worker.js')) workerCsp.push(response.headers()['content-security-policy']);
    });
    await page.goto(url, { waitUntil: 'load' });
    if (open === 'chooser') await page.getByLabel('台账文件（.xlsx 或 .xlsm）').setInputFiles(SAMPLE);
    else await dropFile(page, SAMPLE);
    await page.getByText('矛盾纠纷台账').first().waitFor();
    await page.getByLabel('截至日期').fill(AS_OF);
    await page.getByLabel('联席会议起始日期').fill(PERIOD.from);
    await page.getByLabel('联席会议截止日期').fill(PERIOD.to);
    await page.getByRole('button', { name: '开始处理' }).click();

    const download = page.getByRole('link', { name: /下载处理后的工作簿/ }).or(page.getByRole('button', { name: /下载处理后的工作簿/ }));
    await download.waitFor({ timeout: 60_000 });
    const text = await page.evaluate(() => document.body.innerText);
    await page.waitForFunction(() => document.querySelector('table[aria-label="“矛盾纠纷台账”预览，按等级着色"] tbody')?.childElementCount === 200);
    const drawn: DrawnRow[] = await page.evaluate(() =>
      Array.from(document.querySelectorAll('table[aria-label="“矛盾纠纷台账”预览，按等级着色"] tbody tr'), (tr) => ({
        row: Number(tr.querySelector('th')?.textContent),
        levelText: tr.querySelector('td')?.textContent ?? '',
        background: getComputedStyle(tr).backgroundColor,
      })),
    );
    expectSampleTriage(text);
    // November's meeting, counted from the sample by hand: rows 249–304 are registered in November
    // (56), of which 10 已化解 and 4 已销号 (14); open on the 30th: 化解中 39 + 未化解 18 + blank 3 (60).
    expect(text).toMatch(/排查数（登记件数）\s*56 件/);
    expect(text).toMatch(/成功数（已化解）\s*14 件/);
    expect(text).toMatch(/在办\s*60 件/);

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('sample-ledger.tricolor.xlsx');
    const saved = path.join(suite.dir, saveAs);
    await file.saveAs(saved);
    return { ...opened, text, workers, workerCsp, drawn, bytes: new Uint8Array(fs.readFileSync(saved)), parts: packageParts(new Uint8Array(fs.readFileSync(saved))) };
  }

  function expectCommandParts(web: { name: string; content: Buffer }[]) {
    const cli = packageParts(commandOutput(suite.dir));
    expect(web.map((p) => p.name)).toEqual(cli.map((p) => p.name));
    expect(web.filter((p, i) => !p.content.equals(cli[i].content)).map((p) => p.name)).toEqual([]);
  }

  it('served: processes the sample ledger offline (in its worker) and gives the command’s workbook', async () => {
    const { page, network, workers, workerCsp, drawn, bytes, parts: web } = await processSample(`${suite.server.url}web.html`, 'served.tricolor.xlsx', 'chooser');
    try {
      expect(workers).toContain(`${suite.server.url}web-worker.js`);
      // The worker is served with a policy that allows it no connection (see also the test below).
      expect(workerCsp.length).toBeGreaterThan(0);
      expect(workerCsp.every((csp) => csp === "default-src 'none'; script-src 'self'")).toBe(true);
      expectCommandParts(web);

      // The file host finds the same ledger and counts in the download, and a second run changes
      // nothing (running twice is running once).
      const again = fileHostRerun(bytes);
      expect(again.counts.byLevel).toEqual({ red: 15, yellow: 27, green: 258 });
      expect(packageParts(again.bytes)).toEqual(web);

      // The preview: the sample's first 200 table rows (sheet rows 5–204), each in its level's
      // colour, and that level is the 建议等级 written in the downloaded workbook for that row.
      expect(drawn.map((d) => d.row)).toEqual(Array.from({ length: 200 }, (_, i) => i + 5));
      const written = writtenLevels(bytes, '矛盾纠纷台账');
      expect(written.size).toBe(300);
      const wrong = drawn.filter((d) => {
        const level = LEVEL_WORDS[d.levelText];
        return !level || d.background !== rgb(LEVEL_BACKGROUND[level]) || written.get(d.row) !== level;
      });
      expect(wrong).toEqual([]);
      const shown = (level: Level) => drawn.filter((d) => LEVEL_WORDS[d.levelText] === level).length;
      expect([shown('red'), shown('yellow'), shown('green')].every((n) => n > 0)).toBe(true);
      expect(network.blocked).toEqual([]);
      expect(network.servedLocally).toEqual([]);
      expect(network.errors).toEqual([]);

      expect(describeViolations(await seriousAxeViolations(page))).toBe('');
      fs.mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, 'docs', 'images', 'web.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('the worker cannot connect anywhere, not even to the server it came from', async () => {
    const { page, network } = await openIsolatedPage(suite.browser);
    try {
      await page.goto(`${suite.server.url}web.html`, { waitUntil: 'load' });
      // A worker of the page's own, kept idle (the page's would end after one answer).
      const [worker] = await Promise.all([page.waitForEvent('worker'), page.evaluate(() => void new Worker('web-worker.js'))]);
      await worker.evaluate(async () => {
        while ((self as unknown as { onmessage: unknown }).onmessage === null) await new Promise((resolve) => setTimeout(resolve, 20));
      });
      const attempts = await worker.evaluate(async (target) => {
        const tryIt = async (send: () => Promise<unknown>) => {
          try {
            await send();
            return 'sent';
          } catch {
            return 'refused';
          }
        };
        const scope = self as unknown as { fetch?: typeof fetch; XMLHttpRequest?: typeof XMLHttpRequest };
        return {
          fetch: await tryIt(() => scope.fetch!(target)),
          xhr: await tryIt(
            () =>
              new Promise((resolve, reject) => {
                const xhr = new scope.XMLHttpRequest!();
                xhr.onload = resolve;
                xhr.onerror = reject;
                xhr.open('GET', target);
                xhr.send();
              }),
          ),
        };
      }, `${suite.server.url}web.html?from-worker`);
      expect(attempts).toEqual({ fetch: 'refused', xhr: 'refused' });
      expect(network.blocked).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('from disk (file://), the ledger dropped on the page: the job runs in the page (no worker) and gives the same workbook', async () => {
    const url = pathToFileURL(path.join(ROOT, 'dist', 'web.html')).href;
    const { page, network, workers, parts: web } = await processSample(url, 'file.tricolor.xlsx', 'drop');
    try {
      // Chromium refuses a worker to a file: page; the runner falls back to the page itself.
      expect(workers).toEqual([]);
      expectCommandParts(web);
      expect(network.blocked).toEqual([]);
      expect(network.servedLocally).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
