/**
 * The task pane (dist/taskpane.html) in chromium, outside Excel: served by scripts/preview.js,
 * with every non-loopback request blocked (Office.js is answered from node_modules). Checks that
 * nothing tried to leave the machine, that axe finds no serious or critical violation, and saves
 * docs/images/taskpane.png.
 *
 * Outside Excel Office.onReady reports no host, so what shows is what the pane does then.
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

  it('loads with the network cut off, passes axe, and is captured', async () => {
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

    fs.mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'docs', 'images', 'taskpane.png'), fullPage: true });
  });
});
