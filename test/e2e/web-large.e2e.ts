/**
 * A 100,000-row ledger in the offline web page (served, so the work runs in its worker): the page
 * must stay responsive while the file is inspected and processed. Chromium's Long Tasks API
 * reports every main-thread task over 50 ms; none may reach 200 ms from the moment the file is
 * chosen until the result and its download link are on screen. The progress shown on the way and
 * the counts at the end are checked too.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeBigLedger } from '../../scripts/sample/make-big-ledger';
import { launchBrowser, openIsolatedPage, startPreviewServer, type Browser, type PreviewServer } from './browser';

const ROWS = 100_000;
const LONGEST_TASK_ALLOWED_MS = 200;

/** Installed before the page's own scripts: records long tasks (buffered ones included) from the start. */
function recordLongTasks(): void {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

describe('offline web page, 100,000 rows', () => {
  let server: PreviewServer;
  let browser: Browser;
  let dir: string;
  let ledger: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-e2e-large-'));
    ledger = path.join(dir, 'ledger-100k.xlsx');
    fs.writeFileSync(ledger, makeBigLedger(ROWS));
    server = await startPreviewServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`processes it with no main-thread task over ${LONGEST_TASK_ALLOWED_MS} ms, showing progress`, async () => {
    const { page, network } = await openIsolatedPage(browser);
    await page.addInitScript(recordLongTasks);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${server.url}web.html`, { waitUntil: 'load' });
    await page.getByRole('button', { name: '选择台账文件…' }).waitFor();
    // The measurement can see a long task: a deliberate 250 ms one is recorded (else a browser
    // without the Long Tasks API would pass this test by measuring nothing).
    const calibration = await page.evaluate(async () => {
      const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
      const before = tasks.length;
      // In a task of the page's own (a script evaluated from outside is not one).
      setTimeout(() => {
        const from = performance.now();
        while (performance.now() - from < 250) {
          // busy on purpose
        }
      }, 0);
      // Entries reach the observer a little later, in a task of their own.
      for (let waited = 0; tasks.length === before && waited < 3000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      return tasks.slice(before).map((t) => t.duration);
    });
    expect(Math.max(0, ...calibration)).toBeGreaterThanOrEqual(250);
    // Loading the page itself is not "processing": only tasks from here on count.
    const startedAt = await page.evaluate(() => performance.now());

    await page.getByLabel('台账文件（.xlsx 或 .xlsm）').setInputFiles(ledger);
    await page.getByText('矛盾纠纷台账').first().waitFor({ timeout: 120_000 });
    await page.getByLabel('截至日期').fill('2026-11-30');
    const runAt = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: '开始处理' }).click();
    // Progress is shown while the worker reads, triages and writes.
    await page.getByRole('progressbar').first().waitFor({ timeout: 10_000 });
    await page.getByRole('link', { name: /下载处理后的工作簿/ }).or(page.getByRole('button', { name: /下载处理后的工作簿/ })).waitFor({ timeout: 300_000 });
    // The preview mounts its 200 rows in steps: the window measured ends when the last is on screen.
    await page.waitForFunction(() => document.querySelector('table[aria-label="“矛盾纠纷台账”预览，按等级着色"] tbody')?.childElementCount === 200, undefined, { timeout: 30_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const endedAt = await page.evaluate(() => performance.now());

    const tasks = (await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks)).filter((t) => t.start >= startedAt);
    const longest = Math.max(0, ...tasks.map((t) => t.duration));
    const text = await page.evaluate(() => document.body.innerText);
    console.log(
      `100,000 rows in the web page: ${((endedAt - startedAt) / 1000).toFixed(1)} s from choosing the file to the result ` +
        `(found the ledger in ${((runAt - startedAt) / 1000).toFixed(1)} s, then processed it in ${((endedAt - runAt) / 1000).toFixed(1)} s); ` +
        `${tasks.length} main-thread tasks over 50 ms, longest ${longest.toFixed(0)} ms` +
        (tasks.length ? ` (${tasks.map((t) => `${t.duration.toFixed(0)} ms at +${((t.start - startedAt) / 1000).toFixed(1)} s`).join(', ')})` : ''),
    );

    expect(workers).toContain(`${server.url}web-worker.js`);
    expect(text).toContain(`共 ${ROWS} 件纠纷`);
    expect(longest).toBeLessThan(LONGEST_TASK_ALLOWED_MS);
    expect(network.blocked).toEqual([]);
    expect(network.errors).toEqual([]);
    await page.close();
  });
});
