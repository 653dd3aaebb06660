/** @jest-environment jsdom */
import '../ui/testing/dom-shims';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { tabTo } from '../ui/testing/keyboard';
import { FakeRunner, INFO, SUMMARY } from './testing/fake-runner';
import { accessibleName, ledgerFile, openLedger, renderPage, runAndWait, validPreset } from './testing/render-page';

/** The text of a fact in a <dl>: the <dd> after the <dt>. */
const fact = (within_: HTMLElement, term: string) => within(within_).getByText(term).nextElementSibling?.textContent;

describe('web page: choose a ledger, check the mapping, run, preview, download', () => {
  it('before a file: Chinese page, nothing to run, the options at their defaults', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: '三色台账 · 离线网页版' })).toBeTruthy();
    expect(screen.getByText(/文件不会上传，断网也能使用/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '开始处理' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('请先选择台账文件。')).toBeTruthy();
    expect((screen.getByLabelText('截至日期') as HTMLInputElement).value).toBe('2026-11-30');
    expect((screen.getByLabelText('联席会议起始日期') as HTMLInputElement).value).toBe('2026-11-01');
    expect((screen.getByLabelText('联席会议截止日期') as HTMLInputElement).value).toBe('2026-11-30');
    expect((screen.getByRole('switch', { name: /隐去个人信息/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('默认规则（333 机制）')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('a chosen file shows its name, the detected sheet, header rows and every column with its field', async () => {
    const page = renderPage();
    const table = await openLedger(page);
    expect(page.runner.callsTo('inspect')).toEqual([{ method: 'inspect', fileName: '十一月台账.xlsx', request: { fileName: '十一月台账.xlsx', language: 'zh', sheet: undefined } }]);
    expect(screen.getByText('已选择：十一月台账.xlsx（1 KB）')).toBeTruthy();
    const ledger = screen.getByRole('region', { name: '2. 检测到的台账' });
    expect(fact(ledger, '工作表')).toBe('台账');
    expect(fact(ledger, '表头行')).toBe('第 3、4 行');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(within(table).getByRole('combobox', { name: 'B 列“受理日期”对应的字段' }).textContent).toContain('登记日期');
    expect(within(table).getByRole('combobox', { name: 'G 列“包案人员”对应的字段' }).textContent).toContain('（未对应）');
    expect(screen.getByText(/未找到的字段：.*责任人/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '开始处理' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('a field corrected in the mapping is shown and sent to the run as fieldColumns (0-based)', async () => {
    const page = renderPage();
    await openLedger(page);
    await page.user.click(screen.getByRole('combobox', { name: 'G 列“包案人员”对应的字段' }));
    await page.user.click(screen.getByRole('option', { name: '责任人' }));
    expect(await screen.findByText('已更正：“责任人”在 G 列')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'G 列“包案人员”对应的字段' }).textContent).toContain('责任人');
    expect(screen.getByText('已更正 1 处，本次处理将按更正后的对应读取。')).toBeTruthy();
    // A column set to no field: its field is marked as not in the ledger.
    await page.user.click(screen.getByRole('combobox', { name: 'D 列“纠纷类型”对应的字段' }));
    await page.user.click(screen.getByRole('option', { name: '（未对应）' }));
    expect(await screen.findByText('已更正：台账中没有“纠纷类型”')).toBeTruthy();
    await runAndWait(page);
    expect(page.runner.callsTo('run')[0].options.fieldColumns).toEqual({ owner: 6, type: null });
  });

  it('the latest correction wins: a field put on a column corrected before takes it, and the earlier field has no column', async () => {
    const page = renderPage();
    await openLedger(page);
    const choose = async (column: string, field: string) => {
      await page.user.click(screen.getByRole('combobox', { name: new RegExp(`^${column} 列`) }));
      await page.user.click(screen.getByRole('option', { name: field }));
    };
    await choose('G', '责任人');
    await choose('F', '登记日期');
    await choose('F', '责任人');
    expect(await screen.findByText('已更正：“责任人”在 F 列')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'F 列“化解情况”对应的字段' }).textContent).toContain('责任人');
    expect(screen.getByRole('combobox', { name: 'G 列“包案人员”对应的字段' }).textContent).toContain('（未对应）');
    // 登记日期 left B for F, and F is now 责任人's: it is in no column.
    expect(screen.getByRole('combobox', { name: 'B 列“受理日期”对应的字段' }).textContent).toContain('（未对应）');
    await runAndWait(page);
    expect(page.runner.callsTo('run')[0].options.fieldColumns).toEqual({ registered: null, owner: 5 });
  });

  it('moving a field to another column takes it from the column it was in; 撤销全部更正 restores detection', async () => {
    const page = renderPage();
    await openLedger(page);
    await page.user.click(screen.getByRole('combobox', { name: 'G 列“包案人员”对应的字段' }));
    await page.user.click(screen.getByRole('option', { name: '登记日期' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'G 列“包案人员”对应的字段' }).textContent).toContain('登记日期'));
    expect(screen.getByRole('combobox', { name: 'B 列“受理日期”对应的字段' }).textContent).toContain('（未对应）');
    await page.user.click(screen.getByRole('button', { name: '撤销全部更正' }));
    expect(screen.getByRole('combobox', { name: 'B 列“受理日期”对应的字段' }).textContent).toContain('登记日期');
    await runAndWait(page);
    expect(page.runner.callsTo('run')[0].options.fieldColumns).toBeUndefined();
  });

  it('runs with the command’s defaults, shows progress, then the counts, the coloured preview and the download', async () => {
    const page = renderPage();
    await openLedger(page);
    const release = page.runner.hold();
    await page.user.click(screen.getByRole('button', { name: '开始处理' }));
    const bar = await screen.findByRole('progressbar');
    expect(screen.getByText('正在读取文件')).toBeTruthy();
    expect(bar.getAttribute('aria-valuemax')).toBe('5');
    expect(screen.getByRole('button', { name: '开始处理' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByRole('region', { name: '处理结果' })).toBeNull();
    await act(async () => release());

    const result = await screen.findByRole('region', { name: '处理结果' });
    expect(screen.queryByRole('progressbar')).toBeNull();
    // The options `tricolor run 十一月台账.xlsx --as-of 2026-11-30` gives: the default period is the engine's.
    expect(page.runner.callsTo('run')).toEqual([{ method: 'run', fileName: '十一月台账.xlsx', options: { fileName: '十一月台账.xlsx', language: 'zh', asOf: '2026-11-30', mask: true } }]);

    expect(within(result).getByText('共 3 件纠纷')).toBeTruthy();
    const badges = within(result).getByRole('group', { name: '各等级件数' });
    expect(['红 1', '黄 1', '绿 1'].map((t) => within(badges).getByText(t))).toHaveLength(3);
    expect(fact(result, '今日到期回访')).toBe('1 件');
    expect(fact(result, '回访已逾期')).toBe('2 件');
    expect(fact(result, '无法读取的行')).toBe('1 行');
    expect(fact(result, '联席会议期间')).toBe('2026-11-01 至 2026-11-30');
    // The meeting's headline, named as the 联席会议汇总 sheet names it (the runner's summary says 2 registered …).
    expect(fact(result, '排查数（登记件数）')).toBe('2 件');
    expect(fact(result, '调处数')).toBe('1 件');
    expect(fact(result, '成功数（已化解）')).toBe('1 件');
    expect(fact(result, '在办')).toBe('2 件（红 1、黄 1、绿 0）');
    expect(within(result).getByText(/台账!B7 的日期“去年”无法识别/)).toBeTruthy();

    const preview = within(result).getByRole('table', { name: '“台账”预览，按等级着色' });
    const headers = within(preview).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['行', '等级', 'A 序号', 'B 受理日期', 'E 简要情况', 'H 建议等级', 'I 判定依据']);
    const rows = within(preview).getAllByRole('row').slice(1);
    expect(rows.map((r) => [within(r).getByRole('rowheader').textContent, within(r).getAllByRole('cell')[0].textContent])).toEqual([
      ['5', '红'],
      ['6', '黄'],
      ['7', '绿'],
    ]);
    // The row's background is the workbook's fill for its level (LEVEL_FILLS).
    expect(rows.map((r) => getComputedStyle(r).backgroundColor)).toEqual(['rgb(255, 199, 206)', 'rgb(255, 235, 156)', 'rgb(198, 239, 206)']);

    const download = within(result).getByRole('link', { name: '下载处理后的工作簿（十一月台账.tricolor.xlsx）' });
    expect(download.getAttribute('download')).toBe('十一月台账.tricolor.xlsx');
    expect(download.getAttribute('href')).toBe('blob:test/1');
    const { blob } = page.urls.created[0];
    expect(blob.type).toBe(SUMMARY.mimeType);
    expect(blob.size).toBe(4);
  });

  it('shows the 回访清单 and 联席会议汇总 report sheets as tables, merged title and header cells included', async () => {
    const page = renderPage();
    await openLedger(page);
    const result = await runAndWait(page);
    await page.user.click(within(result).getByRole('tab', { name: '回访清单' }));
    const dueList = within(result).getByRole('table', { name: '回访清单' });
    const title = within(dueList).getByText('回访清单（截至 2026-11-30）');
    expect(title.getAttribute('colspan')).toBe('3');
    expect(within(dueList).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['序号', '下次回访', '等级']);
    const red = within(dueList).getByText('红');
    expect(getComputedStyle(red).backgroundColor).toBe('rgb(255, 199, 206)');
    expect(within(dueList).getByText('2026-11-03')).toBeTruthy();
    await page.user.click(within(result).getByRole('tab', { name: '联席会议汇总' }));
    const summary = within(result).getByRole('table', { name: '联席会议汇总' });
    expect(within(summary).getByText('75.0%')).toBeTruthy();
    expect(within(result).queryByRole('table', { name: '回访清单' })).toBeNull();
  });

  it('big ledgers: says the preview shows only the first rows, and how many disputes there are', async () => {
    const runner = new FakeRunner();
    runner.summary = { ...SUMMARY, counts: { ...SUMMARY.counts, disputes: 100000 }, preview: { ...SUMMARY.preview, truncated: true }, reports: [{ ...SUMMARY.reports[0], totalRows: 40000 }, SUMMARY.reports[1]] };
    const page = renderPage({ runner });
    await openLedger(page);
    const result = await runAndWait(page);
    expect(within(result).getByText(/显示前 3 行，共 100000 件纠纷；完整内容见下载的工作簿。/)).toBeTruthy();
    await page.user.click(within(result).getByRole('tab', { name: '回访清单' }));
    expect(within(result).getByText('显示前 3 行，共 40000 行；完整内容见下载的工作簿。')).toBeTruthy();
  });

  it('a .xlsm ledger is offered back as NAME.tricolor.xlsm; a new file replaces the result and frees its URL', async () => {
    const runner = new FakeRunner();
    runner.summary = { ...SUMMARY, outputName: '台账.tricolor.xlsm', mimeType: 'application/vnd.ms-excel.sheet.macroEnabled.12' };
    const page = renderPage({ runner });
    await openLedger(page, ledgerFile('台账.xlsm'));
    await runAndWait(page);
    expect(screen.getByRole('link', { name: /下载处理后的工作簿/ }).getAttribute('download')).toBe('台账.tricolor.xlsm');
    // (Blob lower-cases its type, as the File API says.)
    expect(page.urls.created[0].blob.type).toBe('application/vnd.ms-excel.sheet.macroenabled.12');
    await openLedger(page, ledgerFile('另一个.xlsx'));
    expect(screen.queryByRole('link', { name: /下载处理后的工作簿/ })).toBeNull();
    expect(page.urls.revoked).toEqual(['blob:test/1']);
  });
});

describe('web page: options', () => {
  it('as-of date, a period of its own, masking off (with a warning) and a preset are what the run gets', async () => {
    const page = renderPage();
    await openLedger(page);
    const asOf = screen.getByLabelText('截至日期');
    await page.user.clear(asOf);
    await page.user.type(asOf, '2026-10-15');
    // The period follows the as-of date until it is set by hand.
    expect((screen.getByLabelText('联席会议起始日期') as HTMLInputElement).value).toBe('2026-10-01');
    expect((screen.getByLabelText('联席会议截止日期') as HTMLInputElement).value).toBe('2026-10-15');
    const from = screen.getByLabelText('联席会议起始日期');
    await page.user.clear(from);
    await page.user.type(from, '2026-07-01');
    await page.user.click(screen.getByRole('switch', { name: /隐去个人信息/ }));
    expect(screen.getByText('回访清单和汇总将显示当事人的姓名、身份证号和联系电话，请勿外发。')).toBeTruthy();
    await page.user.upload(screen.getByLabelText('规则预设文件（JSON）'), new File([`\uFEFF${JSON.stringify(validPreset('我县预设'))}`], '我县.json', { type: 'application/json' }));
    expect(await screen.findByText('“我县.json”：我县预设')).toBeTruthy();
    await runAndWait(page);
    expect(page.runner.callsTo('run')[0].options).toEqual({
      fileName: '十一月台账.xlsx',
      language: 'zh',
      asOf: '2026-10-15',
      period: { from: '2026-07-01', to: '2026-10-15' },
      mask: false,
      presetJson: validPreset('我县预设'),
    });
    // Back to the default rules.
    await page.user.click(screen.getByRole('button', { name: '改用默认规则' }));
    expect(screen.getByText('默认规则（333 机制）')).toBeTruthy();
  });

  it('a preset with problems is named and not used; a file that is not JSON says so', async () => {
    const page = renderPage();
    await openLedger(page);
    await page.user.upload(screen.getByLabelText('规则预设文件（JSON）'), new File(['{"version": 3}'], 'bad.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('规则预设有误，未采用');
    expect(alert.textContent).toContain('version');
    expect(screen.getByText('默认规则（333 机制）')).toBeTruthy();
    await page.user.upload(screen.getByLabelText('规则预设文件（JSON）'), new File(['{"version": 1,'], 'broken.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('“broken.json”不是有效的 JSON 文件'));
    await runAndWait(page);
    expect(page.runner.callsTo('run')[0].options.presetJson).toBeUndefined();
  });

  it('a missing date or a period that ends before it starts stops the run, with the reason at the field', async () => {
    const page = renderPage();
    await openLedger(page);
    await page.user.clear(screen.getByLabelText('截至日期'));
    await page.user.click(screen.getByRole('button', { name: '开始处理' }));
    expect(screen.getByText('请填写日期')).toBeTruthy();
    expect(page.runner.callsTo('run')).toEqual([]);
    await page.user.type(screen.getByLabelText('截至日期'), '2026-11-30');
    const to = screen.getByLabelText('联席会议截止日期');
    await page.user.clear(to);
    await page.user.type(to, '2026-10-01');
    await page.user.click(screen.getByRole('button', { name: '开始处理' }));
    expect(screen.getByText('起始日期不能晚于截止日期')).toBeTruthy();
    expect(page.runner.callsTo('run')).toEqual([]);
  });

  it('options changed after a run: the result says it is the previous one until run again', async () => {
    const page = renderPage();
    await openLedger(page);
    await runAndWait(page);
    expect(screen.queryByText(/下面仍是上一次的结果/)).toBeNull();
    await page.user.click(screen.getByRole('switch', { name: /隐去个人信息/ }));
    expect(screen.getByText(/下面仍是上一次的结果/)).toBeTruthy();
    await page.user.click(screen.getByRole('switch', { name: /隐去个人信息/ }));
    expect(screen.queryByText(/下面仍是上一次的结果/)).toBeNull();
  });
});

describe('web page: sheets and failures', () => {
  it('another sheet can be picked; one without a ledger keeps the ledger found and says why', async () => {
    const page = renderPage();
    await openLedger(page);
    await page.user.click(screen.getByRole('combobox', { name: '台账所在的工作表' }));
    await page.user.click(screen.getByRole('option', { name: '说明' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('在“说明”中找不到台账表头（如 登记日期、当事人、纠纷类型、简要情况）；请选择另一张工作表。');
    expect(alert.textContent).not.toContain('--sheet');
    expect(fact(screen.getByRole('region', { name: '2. 检测到的台账' }), '工作表')).toBe('台账');
    await page.user.click(screen.getByRole('combobox', { name: '台账所在的工作表' }));
    await page.user.click(screen.getByRole('option', { name: '统计' }));
    await waitFor(() => expect(fact(screen.getByRole('region', { name: '2. 检测到的台账' }), '工作表')).toBe('统计'));
    await runAndWait(page);
    expect(page.runner.callsTo('run')[0].options.sheet).toBe('统计');
    expect(page.runner.callsTo('inspect').map((c) => c.request.sheet)).toEqual([undefined, '说明', '统计']);
  });

  it('a file that is not a workbook: the engine’s message, and in English after switching language', async () => {
    const runner = new FakeRunner();
    runner.inspectFailure = { kind: 'workbook', code: 'file.notWorkbook', params: { file: '照片.xlsx' }, message: '“照片.xlsx”不是 Excel 工作簿' };
    const page = renderPage({ runner });
    await page.user.upload(screen.getByLabelText('台账文件（.xlsx 或 .xlsm）'), ledgerFile('照片.xlsx'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无法处理');
    expect(alert.textContent).toContain('“照片.xlsx”不是 Excel 工作簿（.xlsx/.xlsm）；请在 Excel、WPS 或 LibreOffice 中另存为 .xlsx 后再试');
    expect(screen.queryByRole('table', { name: '列与字段的对应' })).toBeNull();
    await page.user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('alert').textContent).toContain('"照片.xlsx" is not an Excel workbook (.xlsx/.xlsm)');
    expect(screen.getByRole('alert').textContent).toContain('Cannot process');
  });

  it('a failed run shows why and keeps the page usable; an unexpected error is worded for people', async () => {
    const runner = new FakeRunner();
    runner.runFailure = { kind: 'preset', problems: [{ path: 'cadenceDays.red', code: 'cadenceDays' }], message: '' };
    const page = renderPage({ runner });
    await openLedger(page);
    await page.user.click(screen.getByRole('button', { name: '开始处理' }));
    expect((await screen.findByRole('alert')).textContent).toContain('cadenceDays.red：应为 1 到 366 之间的整天数');
    expect(screen.getByRole('button', { name: '开始处理' }).getAttribute('aria-disabled')).toBeNull();
    runner.runFailure = { kind: 'unexpected', message: 'out of memory' };
    await page.user.click(screen.getByRole('button', { name: '开始处理' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('处理时出错（out of memory）。请重试'));
  });

  it('cancel ends the run under way and leaves no result', async () => {
    const page = renderPage();
    await openLedger(page);
    page.runner.hold();
    await page.user.click(screen.getByRole('button', { name: '开始处理' }));
    await screen.findByRole('progressbar');
    await page.user.click(screen.getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(page.runner.callsTo('cancel')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: '处理结果' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a second file chosen while the first is still being read: the page stays busy until the second is read', async () => {
    const page = renderPage();
    const release = page.runner.hold();
    await page.user.upload(screen.getByLabelText('台账文件（.xlsx 或 .xlsm）'), ledgerFile('十月台账.xlsx'));
    await page.user.upload(screen.getByLabelText('台账文件（.xlsx 或 .xlsm）'), ledgerFile('十一月台账.xlsx'));
    // The first reading was ended by the second; the page still says it is looking.
    await act(async () => undefined);
    expect(screen.getByText('正在查找台账…')).toBeTruthy();
    expect(screen.queryByRole('table', { name: '列与字段的对应' })).toBeNull();
    await act(async () => release());
    expect(await screen.findByRole('table', { name: '列与字段的对应' })).toBeTruthy();
    expect(screen.queryByText('正在查找台账…')).toBeNull();
    expect(screen.getByText('已选择：十一月台账.xlsx（1 KB）')).toBeTruthy();
  });

  it('cancel by keyboard: focus returns to 开始处理', async () => {
    const page = renderPage();
    await openLedger(page);
    page.runner.hold();
    await page.user.click(screen.getByRole('button', { name: '开始处理' }));
    const cancel = await screen.findByRole('button', { name: '取消' });
    cancel.focus();
    await page.user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('button', { name: '取消' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '开始处理' }));
  });

  it('without a worker the page says it will be busy for a while during the run', async () => {
    const runner = new FakeRunner();
    runner.inBackground = false;
    const page = renderPage({ runner });
    await openLedger(page);
    runner.hold();
    await page.user.click(screen.getByRole('button', { name: '开始处理' }));
    expect(await screen.findByText(/处理在页面中进行/)).toBeTruthy();
  });
});

describe('web page: English, drag and drop, keyboard', () => {
  it('the language toggle switches every label, and the run is made in English (like --lang en)', async () => {
    const page = renderPage();
    await page.user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Tricolor Ledger · offline web edition' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('lang')).toBe('zh-CN');
    await page.user.upload(screen.getByLabelText('Ledger file (.xlsx or .xlsm)'), ledgerFile());
    const table = await screen.findByRole('table', { name: 'Columns and fields' });
    expect(within(table).getByRole('combobox', { name: 'Field for column B "受理日期"' }).textContent).toContain('Registered on (登记日期)');
    await page.user.click(screen.getByRole('button', { name: 'Process the ledger' }));
    const result = await screen.findByRole('region', { name: 'Result' });
    expect(within(result).getByText('3 disputes')).toBeTruthy();
    expect(within(result).getByRole('link', { name: 'Download the processed workbook (十一月台账.tricolor.xlsx)' })).toBeTruthy();
    expect(page.runner.callsTo('inspect')[0].request.language).toBe('en');
    expect(page.runner.callsTo('run')[0].options.language).toBe('en');
    await page.user.click(screen.getByRole('button', { name: '中文' }));
    expect(screen.getByRole('region', { name: '处理结果' })).toBeTruthy();
  });

  it('a file dropped anywhere on the page opens as the ledger', async () => {
    const page = renderPage();
    const file = ledgerFile('拖进来的台账.xlsx');
    fireEvent.dragEnter(document.body, { dataTransfer: { types: ['Files'], files: [file] } });
    expect(screen.getByText('松开鼠标即可打开')).toBeTruthy();
    fireEvent.drop(document.body, { dataTransfer: { types: ['Files'], files: [file] } });
    await screen.findByRole('table', { name: '列与字段的对应' });
    expect(page.runner.callsTo('inspect')[0].fileName).toBe('拖进来的台账.xlsx');
    expect(screen.getByText('或把 .xlsx / .xlsm 文件拖放到这里')).toBeTruthy();
  });

  it('works with the keyboard: the file button opens the chooser, then Tab and Enter run and reach the download', async () => {
    const page = renderPage();
    const input = screen.getByLabelText('台账文件（.xlsx 或 .xlsm）') as HTMLInputElement;
    const opened = jest.spyOn(input, 'click').mockImplementation(() => undefined);
    const choose = screen.getByRole('button', { name: '选择台账文件…' });
    await tabTo(page.user, choose);
    await page.user.keyboard('{Enter}');
    expect(opened).toHaveBeenCalledTimes(1);
    // The chooser's answer arrives as a change of the input.
    await page.user.upload(input, ledgerFile());
    const field = await screen.findByRole('combobox', { name: 'G 列“包案人员”对应的字段' });
    await tabTo(page.user, field);
    await page.user.keyboard('{Enter}');
    await page.user.keyboard('{ArrowDown}');
    await page.user.keyboard('{Enter}');
    expect(await screen.findByText(/^已更正：/)).toBeTruthy();
    await tabTo(page.user, screen.getByRole('button', { name: '开始处理' }));
    await page.user.keyboard('{Enter}');
    const link = await screen.findByRole('link', { name: /下载处理后的工作簿/ });
    await tabTo(page.user, link);
    // The tabs are one stop: arrows move between them.
    await tabTo(page.user, screen.getByRole('tab', { name: '台账预览' }));
    await page.user.keyboard('{ArrowRight}');
    await page.user.keyboard('{Enter}');
    expect(screen.getByRole('table', { name: '回访清单' })).toBeTruthy();
    expect(page.runner.callsTo('run')).toHaveLength(1);
  });

  it('every control has an accessible name', async () => {
    const page = renderPage();
    await openLedger(page);
    await runAndWait(page);
    const controls = Array.from(document.querySelectorAll('button, input, select, textarea, a[href], [role="combobox"], [role="switch"], [role="tab"]'));
    const unnamed = controls.filter((el) => !accessibleName(el as HTMLElement)).map((el) => el.outerHTML.slice(0, 120));
    expect(unnamed).toEqual([]);
    expect(INFO.columns.length).toBeGreaterThan(0);
  });
});
