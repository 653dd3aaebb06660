/**
 * The task pane (dist/taskpane.html) in chromium, outside Excel: served by scripts/preview.js,
 * with every non-loopback request blocked (Office.js is answered from node_modules, except in the
 * test of a computer without network, where it is blocked too). Every test checks that nothing
 * tried to leave the machine, that the page logged no error (without office.js: only chromium's line
 * for the failed office.js load), and that axe finds no serious or critical violation in the states
 * it reaches.
 *
 * Outside Excel Office.onReady reports no host (or, offline, office.js never loads and there is no
 * Office at all), so the pane offers a file chooser and runs on the file: the add-in host over the
 * .xlsx file host in a worker (src/hosts/file-addin, dist/pane-worker.js), and the changed workbook
 * can be downloaded. The
 * page's clock is 2026-11-30 in Beijing, and the sample ledger (assets/sample-ledger.xlsx, 300
 * disputes) goes through the pane's main flows: detect, correct a field, triage, the due-list, the
 * meeting summary, and a revisit recorded for a selected row. There is no grid outside Excel: the
 * page's "选中单元格或行" box selects a cell or row as a click in Excel would, and says what the
 * selected cell holds, which is also how the tests look into the sheets the jobs wrote.
 *
 * The expected numbers are worked out from the sample's cells (see each test); the triage after-
 * state is saved as docs/images/taskpane.png.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { OFFICE_JS_BASE, OFFICE_JS_TELEMETRY, ROOT, describeViolations, launchBrowser, openIsolatedPage, seriousAxeViolations, startPreviewServer, type Browser, type NetworkLog, type PreviewServer } from './browser';
import { SAMPLE, expectSampleTriage } from './sample';
import { readSheetValues } from '../support/ooxml';

const FILE_LABEL = '选择台账文件 / Open a ledger file';

/**
 * Nothing but Office.js (answered locally) was asked of the outside world, and nothing failed.
 * Office.js (Microsoft's o15apptofilemappingtable.js) tries to open its telemetry frame; it is
 * blocked here like everything else, and it is the only outside request tolerated.
 */
function expectOffline(network: NetworkLog): void {
  expect(network.blocked.filter((url) => url.split(/[?#]/)[0] !== OFFICE_JS_TELEMETRY)).toEqual([]);
  for (const url of network.servedLocally) expect(url.startsWith(OFFICE_JS_BASE)).toBe(true);
  expect(network.errors).toEqual([]);
}

/**
 * axe, once the page is still: a button leaving its disabled state when a job ends fades to its
 * colours (Fluent's 100 ms transition), and axe would otherwise measure the contrast half-way.
 */
async function expectAxeClean(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');
}

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

  /** A 360 px pane, its clock at 2026-11-30 09:00 in Beijing, with the sample ledger open. */
  async function openSample(): Promise<{ page: Page; network: NetworkLog }> {
    const opened = await openIsolatedPage(browser, { viewport: { width: 360, height: 720 } });
    const { page } = opened;
    // The pane's "today" is the computer's date.
    await page.clock.install({ time: new Date('2026-11-30T09:00:00+08:00') });
    await page.goto(`${server.url}taskpane.html`, { waitUntil: 'load' });
    await page.getByLabel(FILE_LABEL).setInputFiles(SAMPLE);
    await page.getByText('已打开 sample-ledger.xlsx').waitFor({ timeout: 30_000 });
    await page.getByText('第 3、4 行').waitFor();
    return opened;
  }

  /** Types a reference into the page's selection box and waits until the page shows that selection. */
  async function select(page: Page, reference: string, shown: string): Promise<void> {
    const box = page.getByRole('textbox', { name: '选中单元格或行' });
    await box.fill(reference);
    await box.press('Enter');
    await page.getByText(shown, { exact: true }).waitFor({ timeout: 10_000 });
  }

  /**
   * Runs a job by its button and returns its result card's text once it is there. A click takes
   * away the previous run's card at once (useJob), so the card waited for is this run's.
   */
  async function runJob(page: Page, button: string, done: string): Promise<string> {
    await page.getByRole('button', { name: button }).click();
    const card = page.getByRole('region', { name: done });
    await card.waitFor({ timeout: 60_000 });
    return card.innerText();
  }

  it('offers a file chooser with the network cut off, and passes axe', async () => {
    const { page, network } = await openIsolatedPage(browser, { viewport: { width: 360, height: 720 } });
    const response = await page.goto(`${server.url}taskpane.html`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    // Outside Office, Office.onReady resolves with no host; the pane's own handler runs then.
    const info = await page.evaluate(() => (window as unknown as { Office: { onReady(): Promise<{ host: unknown; platform: unknown }> } }).Office.onReady());
    expect(info.host).toBeNull();
    await page.waitForLoadState('networkidle');
    // The chooser is a button in the page's language (not chromium's "Choose File"), over a labelled file input.
    await page.getByRole('button', { name: '选择台账文件…' }).waitFor();
    expect(await page.getByLabel(FILE_LABEL).getAttribute('type')).toBe('file');
    const text = await page.evaluate(() => document.body.innerText.trim());
    console.log(`task pane outside Excel shows:\n${text}\n\nserved locally: ${network.servedLocally.join(', ')}\nblocked: ${network.blocked.join(', ') || 'none'}`);
    expect(text).toContain('当前不在 Excel 中');
    expect(text).not.toContain('Choose File');

    expect(network.servedLocally).toContain(`${OFFICE_JS_BASE}office.js`);
    expectOffline(network);
    await expectAxeClean(page);
  });

  it('works with no office.js at all, as on a computer without network: the file chooser, then 红 15 黄 27 绿 258', async () => {
    // Office.js is blocked like everything else (officeJs: false): taskpane.html's <script> for it
    // fails, `typeof Office` stays 'undefined' and main.tsx goes straight to the pane outside Excel.
    const { page, network } = await openIsolatedPage(browser, { viewport: { width: 360, height: 720 }, officeJs: false });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const workerCsp: (string | undefined)[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/pane-worker.js')) workerCsp.push(response.headers()['content-security-policy']);
    });
    const consoleErrors: { text: string; url: string }[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push({ text: message.text(), url: message.location().url });
    });
    await page.clock.install({ time: new Date('2026-11-30T09:00:00+08:00') });
    const response = await page.goto(`${server.url}taskpane.html`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('undefined');
    await page.getByRole('button', { name: '选择台账文件…' }).waitFor();
    expect(await page.getByLabel(FILE_LABEL).getAttribute('type')).toBe('file');
    expect(await page.evaluate(() => document.body.innerText)).toContain('当前不在 Excel 中');
    await expectAxeClean(page);

    await page.getByLabel(FILE_LABEL).setInputFiles(SAMPLE);
    await page.getByText('已打开 sample-ledger.xlsx').waitFor({ timeout: 30_000 });
    await page.getByText('第 3、4 行').waitFor();
    await page.getByRole('tab', { name: '分级' }).click();
    const card = await runJob(page, '一键分级上色', '分级上色完成');
    expectSampleTriage(card);
    await expectAxeClean(page);

    // The work ran in the pane's worker, from the page's own server; no Excel library is loaded.
    expect(requested).toContain(`${server.url}pane-worker.js`);
    // … under its own policy, which lets it load its scripts and connect nowhere.
    expect(workerCsp).toEqual(["default-src 'none'; script-src 'self'"]);
    expect(requested.filter((url) => url.includes('excel-web'))).toEqual([]);
    // The only thing that tried to leave the machine is office.js itself (with no office.js there
    // is no o15apptofilemappingtable.js and no telemetry frame either) …
    expect(network.blocked).toEqual([`${OFFICE_JS_BASE}office.js`]);
    expect(network.servedLocally).toEqual([]);
    // … and the only error is chromium's own line for that failed <script> load, which a user without
    // network gets too (there with net::ERR_INTERNET_DISCONNECTED or the like; here the request is
    // aborted by the test, hence BLOCKED_BY_CLIENT). It is expected, not filtered: exactly one, and it
    // is about office.js's URL. No page error, and nothing from the pane.
    expect(consoleErrors).toEqual([{ text: expect.stringMatching(/^Failed to load resource: net::ERR_BLOCKED_BY_CLIENT\b/), url: `${OFFICE_JS_BASE}office.js` }]);
    expect(network.errors).toEqual([`console: ${consoleErrors[0].text}`]);
  });

  it('检测 shows the sample’s sheet, header rows and fields; a corrected field is saved and the next triage uses it', async () => {
    const { page, network } = await openSample();
    // What the sample's top rows say (assets/sample-ledger.xlsx): a title on row 1, 填报单位 on row 2,
    // the header on rows 3–4 (当事人 over 姓名/身份证号/联系电话, 化解结果 and 回访 over their parts).
    const facts = await page.locator('dl').first().innerText();
    expect(facts).toMatch(/工作表\s*矛盾纠纷台账/);
    expect(facts).toMatch(/表头行\s*第 3、4 行/);
    const field = (column: string, header: string) => page.getByRole('combobox', { name: `${column} 列“${header}”对应的字段` });
    // Column → field pairs as the sample's header names them (aliases from domain.md); a column
    // under a merged parent is named with it (当事人/姓名).
    expect(await field('B', '登记日期').innerText()).toBe('登记日期');
    expect(await field('E', '纠纷简要情况').innerText()).toBe('简要情况');
    expect(await field('F', '当事人/姓名').innerText()).toBe('当事人');
    expect(await field('I', '涉及人数').innerText()).toBe('涉及人数');
    expect(await field('L', '化解责任人').innerText()).toBe('责任人');
    expect(await field('P', '化解结果/化解情况').innerText()).toBe('化解情况');
    expect(await field('R', '回访/回访日期').innerText()).toBe('回访日期');
    await expectAxeClean(page);

    // I65 holds “若干” where 涉及人数 wants a number: one of the sample's three unreadable rows
    // (B35 “2026-02-30” and R155 “已回访” are the others). Say column I holds no field …
    await field('I', '涉及人数').click();
    await page.getByRole('option', { name: '（未对应）' }).click();
    await page.getByText('已更正：台账中没有“涉及人数”').waitFor({ timeout: 30_000 });
    expect(await field('I', '涉及人数').innerText()).toBe('（未对应）');
    expect(await page.getByText(/^未找到的字段：/).innerText()).toContain('涉及人数');
    await expectAxeClean(page);

    // … and the triage no longer reads I65: two unreadable rows, B35 and R155, and no link to I65.
    await page.getByRole('tab', { name: '分级' }).click();
    let card = await runJob(page, '一键分级上色', '分级上色完成');
    expect(card).toContain('共 300 件纠纷');
    expect(card).toMatch(/无法读取的行\s*2 行/);
    expect(card).toContain('定位到 矛盾纠纷台账!B35');
    expect(card).toContain('定位到 矛盾纠纷台账!R155');
    expect(card).not.toContain('I65');

    // Put 涉及人数 back in column I: the next triage reads it again (and the counts are the sample's).
    await page.getByRole('tab', { name: '检测' }).click();
    await field('I', '涉及人数').click();
    await page.getByRole('option', { name: '涉及人数' }).click();
    await page.getByText('已更正：“涉及人数”在 I 列').waitFor({ timeout: 30_000 });
    expect(await page.getByText(/^未找到的字段：/).innerText()).not.toContain('涉及人数');
    await page.getByRole('tab', { name: '分级' }).click();
    card = await runJob(page, '一键分级上色', '分级上色完成');
    expect(card).toMatch(/无法读取的行\s*3 行/);
    expect(card).toContain('定位到 矛盾纠纷台账!I65');
    expect(card).toMatch(/红 15\s*黄 27\s*绿 258/);

    expectOffline(network);
  });

  it('triages the sample: 红 15, 黄 27, 绿 258; an issue’s link selects its cell', async () => {
    const { page, network } = await openSample();
    await page.getByRole('tab', { name: '分级' }).click();
    const text = await runJob(page, '一键分级上色', '分级上色完成');
    console.log(`task pane after triage:\n${text}`);
    expectSampleTriage(text);

    // The link selects the cell in the workbook; the page says so, with what the cell holds.
    await page.getByRole('button', { name: '定位到 矛盾纠纷台账!B35' }).click();
    await page.getByText('当前选中：矛盾纠纷台账!B35，内容：2026-02-30', { exact: true }).waitFor({ timeout: 10_000 });

    // The changed workbook is downloaded as sample-ledger.tricolor.xlsx: the ledger with its new columns.
    await page.getByText('工作簿已改动，尚未下载').waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载处理后的工作簿' }).click()]);
    expect(file.suggestedFilename()).toBe('sample-ledger.tricolor.xlsx');
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-pane-')), 'sample-ledger.tricolor.xlsx');
    await file.saveAs(saved);
    const ledger = readSheetValues(new Uint8Array(fs.readFileSync(saved)), '矛盾纠纷台账').cells;
    expect([...ledger.values()]).toEqual(expect.arrayContaining(['建议等级', '判定依据', '下次回访日期']));
    expect(await page.getByText('工作簿已改动，尚未下载').count()).toBe(0);

    expectOffline(network);
    await expectAxeClean(page);
    fs.mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'docs', 'images', 'taskpane.png'), fullPage: true });
  });

  it('回访: the due-list (2 due today, 126 overdue); a revisit recorded for row 13 takes it off the overdue list', async () => {
    const { page, network } = await openSample();
    await page.getByRole('tab', { name: '回访' }).click();
    let card = await runJob(page, '生成回访清单', '回访清单已生成');
    expect(card).toContain('结果写在“回访清单”工作表');
    expect(card).toMatch(/今日到期回访\s*2 件/);
    expect(card).toMatch(/回访已逾期\s*126 件/);

    // Row 13 of the sample (序号 9): 北岔村, registered 2026-01-09, 化解中, never revisited. Still
    // unresolved more than 30 days after registration makes it yellow, so its first revisit was
    // due 7 days after registration, 2026-01-16: one of the 126 overdue.
    await select(page, '矛盾纠纷台账!13', '当前选中：矛盾纠纷台账!13:13');
    await page.getByRole('button', { name: '读取选中的纠纷' }).click();
    const selected = page.getByRole('region', { name: '第 13 行' });
    await selected.waitFor({ timeout: 30_000 });
    const dispute = await selected.innerText();
    expect(dispute).toContain('北岔村 顾客与商户因衣物质量问题发生争执');
    expect(dispute).toMatch(/等级\s*黄/);
    expect(dispute).toContain('下次回访：2026-01-16');

    const form = page.getByRole('form', { name: '记录回访' });
    expect(await form.getByLabel('回访日期').inputValue()).toBe('2026-11-30');
    await form.getByRole('radio', { name: '上门' }).check();
    await form.getByRole('textbox', { name: '回访情况' }).fill('入户回访，商户已同意退换，双方无异议');
    await form.getByRole('textbox', { name: '回访人' }).fill('赵志强');
    await expectAxeClean(page);
    await form.getByRole('button', { name: '记录回访' }).click();

    // Yellow is revisited every 7 days: from a revisit on 2026-11-30 the next is 2026-12-07.
    const recorded = page.getByRole('status').filter({ hasText: '回访已记录' });
    await recorded.waitFor({ timeout: 30_000 });
    expect(await recorded.innerText()).toContain('下次回访日期：2026-12-07');
    expect(await selected.innerText()).toContain('下次回访：2026-12-07');

    // The revisit is a row of the 回访记录 sheet: ledger row, date, method, who.
    await select(page, '回访记录!A2', '当前选中：回访记录!A2，内容：13');
    await select(page, '回访记录!C2', '当前选中：回访记录!C2，内容：2026-11-30');
    await select(page, '回访记录!D2', '当前选中：回访记录!D2，内容：上门');
    await select(page, '回访记录!F2', '当前选中：回访记录!F2，内容：赵志强');

    // The due-list again: row 13 is no longer overdue (125), the two due today are unchanged.
    card = await runJob(page, '生成回访清单', '回访清单已生成');
    expect(card).toMatch(/今日到期回访\s*2 件/);
    expect(card).toMatch(/回访已逾期\s*125 件/);

    expectOffline(network);
    await expectAxeClean(page);
  });

  it('汇总: the meeting summary for 2026-11-01..2026-11-30 has 56 registered, 14 resolved and 60 open disputes', async () => {
    const { page, network } = await openSample();
    await page.getByRole('tab', { name: '汇总' }).click();
    // The period defaults to the month so far; masking is on.
    expect(await page.getByLabel('起始日期').inputValue()).toBe('2026-11-01');
    expect(await page.getByLabel('截止日期').inputValue()).toBe('2026-11-30');
    expect(await page.getByRole('switch', { name: /隐去个人信息/ }).isChecked()).toBe(true);
    await expectAxeClean(page);

    const card = await runJob(page, '生成联席会议汇总', '联席会议汇总已生成');
    expect(card).toContain('结果写在“联席会议汇总”工作表');
    expect(card).toContain('共 300 件纠纷');
    expect(card).toMatch(/红 15\s*黄 27\s*绿 258/);
    // The card's headline says what the sheet says (the cells below).
    expect(card).toMatch(/排查数（登记件数）\s*56 件/);
    expect(card).toMatch(/成功数（已化解）\s*14 件/);
    expect(card).toMatch(/在办\s*60 件（红 15、黄 27、绿 18）/);

    // In the sheet (read cell by cell through the selection box), worked out from the sample's cells:
    // - 排查数 本期 56: the 登记日期 (column B) of rows 249–304, and only theirs, fall in November
    //   2026 (written as date serials, 2026-11-01, 2026/11/4, 2026.11.11, 2026年11月2日 …);
    // - 成功数 本期 14: of those 56, 化解情况 (column P) is 已化解 for 10 and 已销号 for 4;
    // - 在办 合计 60: over the whole ledger 化解情况 is 化解中 39, 未化解 18 and blank 3 (the rest,
    //   已化解 111 and 已销号 129, are not open).
    // (Cross-checked: `tricolor run assets/sample-ledger.xlsx --as-of 2026-11-30 --period
    // 2026-11-01..2026-11-30 --json` gives the same in summary.meeting.)
    // (Labels span columns A–C; the title names the unit from the ledger's own title row.)
    await select(page, '联席会议汇总!A1', '当前选中：联席会议汇总!A1，内容：XX镇派出所矛盾纠纷联席会议汇总表');
    await select(page, '联席会议汇总!A8', '当前选中：联席会议汇总!A8，内容：排查数（登记件数）');
    await select(page, '联席会议汇总!D8', '当前选中：联席会议汇总!D8，内容：56');
    await select(page, '联席会议汇总!A11', '当前选中：联席会议汇总!A11，内容：成功数（已化解）');
    await select(page, '联席会议汇总!D11', '当前选中：联席会议汇总!D11，内容：14');
    await select(page, '联席会议汇总!A20', '当前选中：联席会议汇总!A20，内容：合计');
    await select(page, '联席会议汇总!D20', '当前选中：联席会议汇总!D20，内容：60');

    expectOffline(network);
    await expectAxeClean(page);
  });
});
