/** @jest-environment jsdom */
import '../ui/testing/dom-shims';
import { bodyRowsText } from '../ui/testing/table-text';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { tabTo } from '../ui/testing/keyboard';
import { FakeRunner, MEETING_SUMMARY } from './testing/fake-runner';
import { accessibleName, ledgerFile, openLedger, renderPage, runButton, type PageUnderTest } from './testing/render-page';

const ADD_INPUT = '其他单位的台账文件（.xlsx 或 .xlsm，可多选）';

/** Adds other units' ledgers through the (multiple) file input and waits until the last one is read. */
async function addLedgers(page: PageUnderTest, ...names: string[]) {
  await page.user.upload(screen.getByLabelText(ADD_INPUT), names.map((n) => ledgerFile(n)));
  await screen.findByRole('textbox', { name: `“${names[names.length - 1]}”的单位` });
}

/** The list of ledgers in the meeting, row by row: file, unit (the box's value), sheet, status. */
function ledgerRows(): string[][] {
  const table = screen.getByRole('table', { name: '参加联席会议的台账' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const [file, ...cells] = [within(row).getByRole('rowheader'), ...within(row).getAllByRole('cell')];
      const unit = within(cells[0]).queryByRole('textbox') as HTMLInputElement | null;
      // The status, without the 移除 button beside it.
      const status = (cells[2].textContent ?? '').replace(/移除$/, '');
      return [file.textContent ?? '', unit ? unit.value : (cells[0].textContent ?? ''), cells[1].textContent ?? '', status];
    });
}

async function runMeetingAndWait(page: PageUnderTest): Promise<HTMLElement> {
  await page.user.click(runButton());
  await screen.findByRole('link', { name: /下载联席会议工作簿/ });
  return screen.getByRole('region', { name: '处理结果' });
}

describe('web page: other units’ ledgers in a joint meeting', () => {
  it('with one ledger nothing changes: no list, and the run is the single run', async () => {
    const page = renderPage();
    await openLedger(page);
    expect(screen.getByRole('button', { name: '添加其他单位的台账…' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: '参加联席会议的台账' })).toBeNull();
    await page.user.click(runButton());
    await screen.findByRole('link', { name: /下载处理后的工作簿/ });
    expect(page.runner.callsTo('meeting')).toEqual([]);
    expect(page.runner.callsTo('run')).toHaveLength(1);
  });

  it('a second file added shows its unit, read from its title, beside the first ledger’s', async () => {
    const page = renderPage();
    await openLedger(page);
    await addLedgers(page, 'justice.xlsx');
    expect(ledgerRows()).toEqual([
      ['十一月台账.xlsx', '青山镇派出所', '台账', '上面选择的台账'],
      ['justice.xlsx', '青山镇司法所', '调解登记台账', '已读取'],
    ]);
    expect(screen.getByText('将合并 2 个单位的台账，生成联席会议工作簿；各单位的原文件不会被修改。')).toBeTruthy();
    expect(page.runner.callsTo('inspect').map((c) => c.request)).toEqual([
      { fileName: '十一月台账.xlsx', language: 'zh', sheet: undefined },
      { fileName: 'justice.xlsx', language: 'zh' },
    ]);
  });

  it('several files are read one after the other; the run waits for them, then joins all three as tricolor meeting would', async () => {
    const page = renderPage();
    await openLedger(page);
    const release = page.runner.hold();
    await page.user.upload(screen.getByLabelText(ADD_INPUT), [ledgerFile('justice.xlsx'), ledgerFile('court.xlsx')]);
    expect(await screen.findByText('正在读取…')).toBeTruthy();
    expect(ledgerRows().map((r) => r[3])).toEqual(['上面选择的台账', '正在读取…', '等待读取']);
    expect(runButton().getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('请等其他单位的台账读取完毕。')).toBeTruthy();
    await act(async () => release());
    await screen.findByRole('textbox', { name: '“court.xlsx”的单位' });
    expect(ledgerRows().map((r) => r.slice(0, 3))).toEqual([
      ['十一月台账.xlsx', '青山镇派出所', '台账'],
      ['justice.xlsx', '青山镇司法所', '调解登记台账'],
      ['court.xlsx', '青山人民法庭', '诉前调解'],
    ]);
    expect(runButton().getAttribute('aria-disabled')).toBeNull();

    const result = await runMeetingAndWait(page);
    // The command's options for every ledger; none carries a unit of its own (each is read from its ledger).
    expect(page.runner.callsTo('meeting')).toEqual([
      {
        method: 'meeting',
        files: [{ fileName: '十一月台账.xlsx' }, { fileName: 'justice.xlsx' }, { fileName: 'court.xlsx' }],
        options: { language: 'zh', asOf: '2026-11-30', mask: true },
      },
    ]);
    expect(page.runner.callsTo('run')).toEqual([]);
    expect(within(result).getByText('合计 67 件')).toBeTruthy();
    expect(within(result).getByText('3 个单位的台账共 75 件；同一纠纷记在几个单位的，只算一件。')).toBeTruthy();
    const facts = within(result).getByLabelText('联席会议汇总要点');
    expect(within(facts).getByText('在办').nextElementSibling?.textContent).toBe('29 件（红 5、黄 13、绿 11）');

    const units = within(result).getByRole('table', { name: '各单位台账' });
    expect(bodyRowsText(units)).toEqual([
      ['青山镇派出所', '十一月台账.xlsx（台账）', '30 件', '12 件', '11 件（红 4、黄 6、绿 1）', '6 件', '5 件'],
      ['青山镇司法所', 'justice.xlsx（调解登记台账）', '25 件', '11 件', '11 件（红 1、黄 6、绿 4）', '7 件', '6 件'],
      ['青山人民法庭', 'court.xlsx（诉前调解）', '20 件', '11 件', '10 件（红 0、黄 4、绿 6）', '3 件', '4 件'],
    ]);
    const shared = within(result).getByRole('list', { name: '同一纠纷记在几个单位（2 件，各算一件）' });
    expect(within(shared).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '青山镇派出所 序号9 ＝ 青山镇司法所 青司调〔2026〕36号 ＝ 青山人民法庭 序号5',
      '青山镇派出所 序号10 ＝ 青山镇司法所 青司调〔2026〕37号',
    ]);
    expect(within(result).getByText('青山镇司法所：调解登记台账!C27 的日期“去年”无法识别')).toBeTruthy();

    const download = within(result).getByRole('link', { name: '下载联席会议工作簿（联席会议汇总.tricolor.xlsx）' });
    expect(download.getAttribute('download')).toBe('联席会议汇总.tricolor.xlsx');
    expect(download.getAttribute('href')).toBe('blob:test/1');
    expect(page.urls.created[0].blob.type).toBe(MEETING_SUMMARY.mimeType);
  });

  it('shows the summary sheet first, with its charts as pictures named with their numbers', async () => {
    const page = renderPage();
    await openLedger(page);
    await addLedgers(page, 'justice.xlsx', 'court.xlsx');
    const result = await runMeetingAndWait(page);
    expect(within(result).getByRole('tab', { name: '联席会议汇总' }).getAttribute('aria-selected')).toBe('true');
    const sheet = within(result).getByRole('table', { name: '联席会议汇总' });
    const pie = within(sheet).getByRole('img', { name: '本期登记纠纷（按预警等级）：红 4，黄 5，绿 23' });
    // Drawn over the cells the workbook's chart covers: rows 8–10, columns A–C.
    const cell = pie.closest('td')!;
    expect([cell.getAttribute('rowspan'), cell.getAttribute('colspan')]).toEqual(['3', '3']);
    // Each slice in the level's colour, and its number on it.
    expect(Array.from(pie.querySelectorAll('path')).map((p) => p.getAttribute('fill'))).toEqual(['#D9363E', '#F2B93B', '#4CAF50']);
    expect(within(sheet).getByRole('img', { name: '本期登记纠纷（按单位）：青山镇派出所 12，青山镇司法所 11，青山人民法庭 11' })).toBeTruthy();
    await page.user.click(within(result).getByRole('tab', { name: '回访清单' }));
    expect(within(result).getByRole('table', { name: '回访清单' })).toBeTruthy();
    expect(within(result).queryByRole('img')).toBeNull();
  });

  it('a unit renamed is what the meeting gets (as FILE=单位 on the command line); renamed after the run, the result is marked old', async () => {
    const page = renderPage();
    await openLedger(page);
    await addLedgers(page, 'justice.xlsx');
    const unit = screen.getByRole('textbox', { name: '“justice.xlsx”的单位' });
    await page.user.clear(unit);
    await page.user.type(unit, '青山镇人民调解委员会');
    await runMeetingAndWait(page);
    expect(page.runner.callsTo('meeting')[0].files).toEqual([{ fileName: '十一月台账.xlsx' }, { fileName: 'justice.xlsx', unit: '青山镇人民调解委员会' }]);
    expect(screen.queryByText(/下面仍是上一次的结果/)).toBeNull();
    await page.user.type(screen.getByRole('textbox', { name: '“十一月台账.xlsx”的单位' }), '（治安）');
    expect(screen.getByText(/参加会议的台账、单位名称或页面语言在处理之后改过/)).toBeTruthy();
  });

  it('a file that cannot be read says why, naming it, and holds the run until it is removed', async () => {
    const runner = new FakeRunner();
    runner.readFailures.set('照片.xlsx', { kind: 'workbook', code: 'file.notWorkbook', params: { file: '照片.xlsx' }, message: '' });
    const page = renderPage({ runner });
    await openLedger(page);
    await page.user.upload(screen.getByLabelText(ADD_INPUT), [ledgerFile('照片.xlsx'), ledgerFile('justice.xlsx')]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“照片.xlsx”不是 Excel 工作簿');
    await screen.findByRole('textbox', { name: '“justice.xlsx”的单位' });
    expect(runButton().getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('有台账无法读取：请移除它，或换一个文件。')).toBeTruthy();
    await page.user.click(screen.getByRole('button', { name: '移除“照片.xlsx”' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(ledgerRows().map((r) => r[0])).toEqual(['十一月台账.xlsx', 'justice.xlsx']);
    await runMeetingAndWait(page);
    expect(page.runner.callsTo('meeting')[0].files.map((f) => f.fileName)).toEqual(['十一月台账.xlsx', 'justice.xlsx']);
  });

  it('a workbook without a ledger is named in the message, which does not name it itself', async () => {
    const runner = new FakeRunner();
    runner.readFailures.set('统计表.xlsx', { kind: 'workbook', code: 'ledger.noneInWorkbook', params: { file: '统计表.xlsx' }, message: '' });
    const page = renderPage({ runner });
    await openLedger(page);
    await page.user.upload(screen.getByLabelText(ADD_INPUT), ledgerFile('统计表.xlsx'));
    expect((await screen.findByRole('alert')).textContent).toBe('“统计表.xlsx”：工作簿中没有找到矛盾纠纷台账：没有一张工作表在前 40 行内有含 登记日期、当事人、纠纷类型、简要情况 等列名的表头；如果表头在更靠下的位置，请把它上方多余的行删去');
  });

  it('the same file is not added twice; removing every added ledger brings back the single run', async () => {
    // The same file chosen again: same name, size and time of change.
    const sameFile = (name: string) => new File([new Uint8Array([80, 75, 3, 4])], name, { lastModified: 1_790_000_000_000 });
    const page = renderPage();
    await openLedger(page, sameFile('十一月台账.xlsx'));
    await page.user.upload(screen.getByLabelText(ADD_INPUT), sameFile('justice.xlsx'));
    await screen.findByRole('textbox', { name: '“justice.xlsx”的单位' });
    await page.user.upload(screen.getByLabelText(ADD_INPUT), sameFile('justice.xlsx'));
    expect(await screen.findByText('“justice.xlsx”已经在列表中。')).toBeTruthy();
    await page.user.upload(screen.getByLabelText(ADD_INPUT), sameFile('十一月台账.xlsx'));
    expect(await screen.findByText('“十一月台账.xlsx”已经在列表中。')).toBeTruthy();
    expect(ledgerRows()).toHaveLength(2);
    await page.user.click(screen.getByRole('button', { name: '移除“justice.xlsx”' }));
    expect(screen.queryByRole('table', { name: '参加联席会议的台账' })).toBeNull();
    await page.user.click(runButton());
    await screen.findByRole('link', { name: /下载处理后的工作簿/ });
    expect(page.runner.callsTo('meeting')).toEqual([]);
  });

  it('progress names the file being read, and cancel leaves no result', async () => {
    const page = renderPage();
    await openLedger(page);
    await addLedgers(page, 'justice.xlsx', 'court.xlsx');
    page.runner.hold();
    await page.user.click(runButton());
    const bar = await screen.findByRole('progressbar');
    expect(screen.getByText('正在读取文件“十一月台账.xlsx”（第 1 个，共 3 个）')).toBeTruthy();
    expect(bar.getAttribute('aria-valuemax')).toBe('5');
    await page.user.click(screen.getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(screen.queryByRole('region', { name: '处理结果' })).toBeNull();
  });

  it('says the joint meeting does not use the mapping corrections of the chosen ledger', async () => {
    const page = renderPage();
    await openLedger(page);
    await page.user.click(screen.getByRole('combobox', { name: 'G 列“包案人员”对应的字段' }));
    await page.user.click(screen.getByRole('option', { name: '责任人' }));
    expect(screen.queryByText(/上面的更正只用于单独处理这一本台账/)).toBeNull();
    await addLedgers(page, 'justice.xlsx');
    expect(screen.getByText('联席会议按各台账自动识别的字段对应读取；上面的更正只用于单独处理这一本台账。')).toBeTruthy();
    await runMeetingAndWait(page);
    expect(page.runner.callsTo('meeting')[0].options).toEqual({ language: 'zh', asOf: '2026-11-30', mask: true });
  });

  it('several files dropped on the page: the first is the ledger, the others join the meeting', async () => {
    const page = renderPage();
    const files = [ledgerFile('十一月台账.xlsx'), ledgerFile('justice.xlsx'), ledgerFile('court.xlsx')];
    fireEvent.drop(document.body, { dataTransfer: { types: ['Files'], files } });
    await screen.findByRole('textbox', { name: '“court.xlsx”的单位' });
    expect(ledgerRows().map((r) => [r[0], r[1]])).toEqual([
      ['十一月台账.xlsx', '青山镇派出所'],
      ['justice.xlsx', '青山镇司法所'],
      ['court.xlsx', '青山人民法庭'],
    ]);
    expect(page.runner.callsTo('inspect').map((c) => c.fileName)).toEqual(['十一月台账.xlsx', 'justice.xlsx', 'court.xlsx']);
  });

  it('in English', async () => {
    const page = renderPage({ language: 'en' });
    await page.user.upload(screen.getByLabelText('Ledger file (.xlsx or .xlsm)'), ledgerFile());
    await screen.findByRole('table', { name: 'Columns and fields' });
    await page.user.upload(screen.getByLabelText('Other units’ ledger files (.xlsx or .xlsm, several allowed)'), [ledgerFile('justice.xlsx')]);
    expect(((await screen.findByRole('textbox', { name: 'Unit of "justice.xlsx"' })) as HTMLInputElement).value).toBe('青山镇司法所');
    await page.user.click(screen.getByRole('button', { name: 'Process the ledger' }));
    const result = await screen.findByRole('region', { name: 'Result' });
    expect(within(result).getByText('Total 67 disputes')).toBeTruthy();
    expect(within(result).getByRole('link', { name: 'Download the joint-meeting workbook (联席会议汇总.tricolor.xlsx)' })).toBeTruthy();
    expect(within(result).getByText('青山镇派出所 no. 9 = 青山镇司法所 青司调〔2026〕36号 = 青山人民法庭 no. 5')).toBeTruthy();
    expect(within(result).getByRole('img', { name: '本期登记纠纷（按预警等级）: 红 4, 黄 5, 绿 23' })).toBeTruthy();
    expect(page.runner.callsTo('meeting')[0].options.language).toBe('en');
  });

  it('by keyboard: the add button opens the chooser, the unit boxes and remove buttons are reached by Tab', async () => {
    const page = renderPage();
    await openLedger(page);
    const input = screen.getByLabelText(ADD_INPUT) as HTMLInputElement;
    expect(input.multiple).toBe(true);
    const opened = jest.spyOn(input, 'click').mockImplementation(() => undefined);
    await tabTo(page.user, screen.getByRole('button', { name: '添加其他单位的台账…' }));
    await page.user.keyboard('{Enter}');
    expect(opened).toHaveBeenCalledTimes(1);
    await addLedgers(page, 'justice.xlsx', 'court.xlsx');
    const unit = screen.getByRole('textbox', { name: '“court.xlsx”的单位' });
    await tabTo(page.user, unit);
    await page.user.keyboard('{Control>}a{/Control}青山法庭');
    const remove = screen.getByRole('button', { name: '移除“justice.xlsx”' });
    await tabTo(page.user, remove);
    await page.user.keyboard('{Enter}');
    expect(ledgerRows().map((r) => [r[0], r[1]])).toEqual([
      ['十一月台账.xlsx', '青山镇派出所'],
      ['court.xlsx', '青山法庭'],
    ]);
    await tabTo(page.user, runButton());
    await page.user.keyboard('{Enter}');
    await screen.findByRole('link', { name: /下载联席会议工作簿/ });
    expect(page.runner.callsTo('meeting')[0].files).toEqual([{ fileName: '十一月台账.xlsx' }, { fileName: 'court.xlsx', unit: '青山法庭' }]);
  });

  it('every control has an accessible name', async () => {
    const page = renderPage();
    await openLedger(page);
    await addLedgers(page, 'justice.xlsx');
    await runMeetingAndWait(page);
    const controls = Array.from(document.querySelectorAll('button, input, select, textarea, a[href], [role="combobox"], [role="switch"], [role="tab"], [role="img"]'));
    const unnamed = controls.filter((el) => !accessibleName(el as HTMLElement)).map((el) => el.outerHTML.slice(0, 120));
    expect(unnamed).toEqual([]);
  });
});
