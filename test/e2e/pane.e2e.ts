/**
 * The task pane (dist/taskpane.html) in chromium, outside Excel: served by scripts/preview.js,
 * with every non-loopback request blocked (Office.js is answered from node_modules). Checks that
 * nothing tried to leave the machine and that axe finds no serious or critical violation.
 *
 * Outside Excel Office.onReady reports no host, so the pane offers a file chooser and runs on the
 * in-browser workbook (src/hosts/inbrowser, Microsoft's Excel library from dist/officejs/): the
 * sample ledger is opened and triaged as of 2026-11-30 (the page's clock), and the result is
 * saved as docs/images/taskpane.png.
 */
import * as fs from 'fs';
import * as path from 'path';
import { OFFICE_JS_BASE, OFFICE_JS_TELEMETRY, ROOT, describeViolations, launchBrowser, openIsolatedPage, seriousAxeViolations, startPreviewServer, type Browser, type PreviewServer } from './browser';

describe('task pane outside Excel', () => {
  let server: PreviewServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startPreviewServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('offers a file chooser with the network cut off, and passes axe', async () => {
    const { page, network } = await openIsolatedPage(browser, { viewport: { width: 360, height: 720 } });
    const response = await page.goto(`${server.url}taskpane.html`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    // Outside Office, Office.onReady resolves with no host; the pane's own handler runs then.
    const info = await page.evaluate(() => (window as unknown as { Office: { onReady(): Promise<{ host: unknown; platform: unknown }> } }).Office.onReady());
    expect(info.host).toBeNull();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);

    const text = await page.evaluate(() => document.body.innerText.trim() || `(nothing visible; #root has ${document.getElementById('root')?.childElementCount ?? 0} children)`);
    console.log(`task pane outside Excel shows:\n${text}\n\nserved locally: ${network.servedLocally.join(', ')}\nblocked: ${network.blocked.join(', ') || 'none'}\nerrors: ${network.errors.join('\n') || 'none'}`);

    expect(network.servedLocally).toContain(`${OFFICE_JS_BASE}office.js`);
    for (const url of network.servedLocally) expect(url.startsWith(OFFICE_JS_BASE)).toBe(true);
    // Office.js (Microsoft's o15apptofilemappingtable.js) tries to open its telemetry frame; it is
    // blocked here, and nothing else may be attempted.
    expect(network.blocked.filter((url) => url.split(/[?#]/)[0] !== OFFICE_JS_TELEMETRY)).toEqual([]);

    const violations = await seriousAxeViolations(page);
    expect(describeViolations(violations)).toBe('');

  });

  it('opens the sample ledger in the in-browser workbook and triages it: 红 14, 黄 28, 绿 258', async () => {
    const { page, network } = await openIsolatedPage(browser, { viewport: { width: 360, height: 720 } });
    // The pane's "today" is the computer's date: make it 2026-11-30 in Beijing.
    await page.clock.install({ time: new Date('2026-11-30T09:00:00+08:00') });
    await page.goto(`${server.url}taskpane.html`, { waitUntil: 'load' });
    await page.getByLabel('选择台账文件 / Open a ledger file').setInputFiles(path.join(ROOT, 'assets', 'sample-ledger.xlsx'));
    await page.getByText('已打开 sample-ledger.xlsx').waitFor({ timeout: 30_000 });
    await page.getByText('第 3、4 行').waitFor();

    await page.getByRole('tab', { name: '分级' }).click();
    await page.getByRole('button', { name: '一键分级上色' }).click();
    await page.getByText('分级上色完成').first().waitFor({ timeout: 60_000 });
    const text = await page.evaluate(() => document.body.innerText);
    console.log(`task pane after triage:\n${text}`);
    expect(text).toContain('红 14');
    expect(text).toContain('黄 28');
    expect(text).toContain('绿 258');
    expect(text).toContain('共 300 件纠纷');
    expect(text).toMatch(/今日到期回访\s*2 件/);
    expect(text).toMatch(/回访已逾期\s*125 件/);
    expect(text).toMatch(/无法读取的行\s*3 行/);

    expect(network.blocked.filter((url) => url.split(/[?#]/)[0] !== OFFICE_JS_TELEMETRY)).toEqual([]);
    for (const url of network.servedLocally) expect(url.startsWith(OFFICE_JS_BASE)).toBe(true);
    expect(network.errors).toEqual([]);

    expect(describeViolations(await seriousAxeViolations(page))).toBe('');
    fs.mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'docs', 'images', 'taskpane.png'), fullPage: true });
  });
});
