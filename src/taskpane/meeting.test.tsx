/** @jest-environment jsdom */
import '../ui/testing/dom-shims';
import { bodyRowsText } from '../ui/testing/table-text';
import '../ui/testing/text-codec-shim';
import * as fs from 'fs';
import * as path from 'path';
import { screen, waitFor, within } from '@testing-library/react';
import { accessibleName } from '../ui/testing/accessible-name';
import { openTab, renderPane, tabTo, type PaneUnderTest } from './testing/render-pane';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures');
const ADD_INPUT = '其他单位的台账文件（.xlsx 或 .xlsm，可多选）';

/** A workbook from test/fixtures as the file chooser gives it (jsdom's File has no arrayBuffer). */
function fixtureFile(relative: string, name = path.basename(relative)): File {
  const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, relative)));
  const file = new File([bytes], name, { lastModified: 1_790_000_000_000 });
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.slice().buffer });
  return file;
}

async function openSummary(options: Parameters<typeof renderPane>[0] = {}): Promise<PaneUnderTest> {
  const pane = await renderPane({ today: '2026-11-30', ...options });
  await openTab(pane.user, options.language === 'en' ? 'Summary' : '汇总');
  return pane;
}

const runButton = () => screen.getByRole('button', { name: '生成联席会议汇总' });

describe('汇总: other units’ ledgers in the joint meeting', () => {
  it('files added are read one by one, with progress; each shows the unit its ledger names and the sheet read', async () => {
    const { user } = await openSummary();
    expect(screen.getByRole('heading', { name: '其他单位的台账（联席会议）' })).toBeTruthy();
    expect(screen.getByText(/文件只在这台电脑上读取，不会上传/)).toBeTruthy();
    await user.upload(screen.getByLabelText(ADD_INPUT), [fixtureFile('meeting/justice.xlsx'), fixtureFile('meeting/court.xlsx')]);
    // Reading: the file and its place, and the run waits.
    const progress = await screen.findByRole('progressbar', { name: '正在读取“justice.xlsx”（第 1 个，共 2 个）' });
    expect([progress.getAttribute('aria-valuenow'), progress.getAttribute('aria-valuemax')]).toEqual(['0', '2']);
    expect(runButton().getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('请等其他单位的台账读取完毕。')).toBeTruthy();
    const court = (await screen.findByRole('textbox', { name: '“court.xlsx”的单位' })) as HTMLInputElement;
    expect(court.value).toBe('青山人民法庭');
    expect((screen.getByRole('textbox', { name: '“justice.xlsx”的单位' }) as HTMLInputElement).value).toBe('青山镇司法所');
    const list = screen.getByRole('list', { name: '加入联席会议的台账' });
    expect(within(list).getByText('工作表：调解登记台账')).toBeTruthy();
    expect(within(list).getByText('工作表：诉前调解')).toBeTruthy();
    expect(screen.queryAllByRole('progressbar')).toEqual([]);
    expect(screen.getByText('将合并本工作簿和其他 2 个单位的台账，重写“回访清单”和“联席会议汇总”工作表。')).toBeTruthy();
    expect(runButton().getAttribute('aria-disabled')).toBeNull();
  });

  it('the run hands the ledgers read to the host with the period, and the card shows 合计, each unit and the shared disputes', async () => {
    const { host, user } = await openSummary();
    await user.upload(screen.getByLabelText(ADD_INPUT), [fixtureFile('meeting/justice.xlsx'), fixtureFile('meeting/court.xlsx')]);
    await screen.findByRole('textbox', { name: '“court.xlsx”的单位' });
    await user.click(runButton());
    const card = await screen.findByRole('region', { name: '联席会议汇总已生成' });
    expect(host.callsTo('writeSummary')).toEqual([
      [{ from: '2026-11-01', to: '2026-11-30', mask: true, others: [{ file: 'justice.xlsx', sheet: '调解登记台账' }, { file: 'court.xlsx', sheet: '诉前调解' }] }],
    ]);
    expect(within(card).getByText('合计 67 件纠纷')).toBeTruthy();
    expect(within(card).getByText('3 个单位的台账共 75 件；同一纠纷记在几个单位的，只算一件。')).toBeTruthy();
    expect(bodyRowsText(within(card).getByRole('table', { name: '各单位台账' }))).toEqual([
      ['青山镇派出所（本工作簿）', '30', '12', '11（红4 黄6 绿1）'],
      ['青山镇司法所', '25', '11', '11（红1 黄6 绿4）'],
      ['青山人民法庭', '20', '11', '10（红0 黄4 绿6）'],
    ]);
    const shared = within(card).getByRole('list', { name: '同一纠纷记在几个单位（1 件，各算一件）' });
    expect(within(shared).getByText('青山镇派出所 序号9 ＝ 青山镇司法所 青司调〔2026〕36号')).toBeTruthy();
    expect(within(card).getByText('各单位合并的回访清单写在“回访清单”工作表。')).toBeTruthy();
    // A joint card has no single ledger's colour badges.
    expect(within(card).queryByRole('group', { name: '各等级件数' })).toBeNull();
  });

  it('a unit renamed goes to the host; without other ledgers the summary is the single one', async () => {
    const { host, user } = await openSummary();
    await user.upload(screen.getByLabelText(ADD_INPUT), fixtureFile('meeting/justice.xlsx'));
    const unit = await screen.findByRole('textbox', { name: '“justice.xlsx”的单位' });
    await user.clear(unit);
    await user.type(unit, '青山镇人民调解委员会');
    await user.click(runButton());
    await screen.findByRole('region', { name: '联席会议汇总已生成' });
    expect(host.callsTo('writeSummary')[0][0]).toMatchObject({ others: [{ file: 'justice.xlsx', unit: '青山镇人民调解委员会', sheet: '调解登记台账' }] });
    await user.click(screen.getByRole('button', { name: '移除“justice.xlsx”' }));
    expect(screen.queryByRole('list', { name: '加入联席会议的台账' })).toBeNull();
    await user.click(runButton());
    await waitFor(() => expect(host.callsTo('writeSummary')).toHaveLength(2));
    expect(host.callsTo('writeSummary')[1]).toEqual([{ from: '2026-11-01', to: '2026-11-30', mask: true }]);
  });

  it('a file that cannot be read says why, naming it; the run waits until it is removed; a file is not added twice', async () => {
    const { host, user } = await openSummary();
    await user.upload(screen.getByLabelText(ADD_INPUT), [fixtureFile('corrupt.xlsx', '照片.xlsx'), fixtureFile('meeting/court.xlsx')]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“照片.xlsx”不完整');
    await screen.findByRole('textbox', { name: '“court.xlsx”的单位' });
    expect(screen.getByText('有台账无法读取：请移除它，或换一个文件。')).toBeTruthy();
    expect(runButton().getAttribute('aria-disabled')).toBe('true');
    await user.upload(screen.getByLabelText(ADD_INPUT), fixtureFile('meeting/court.xlsx'));
    expect(await screen.findByText('“court.xlsx”已经加入。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '移除“照片.xlsx”' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(runButton());
    await screen.findByRole('region', { name: '联席会议汇总已生成' });
    expect(host.callsTo('writeSummary')[0][0]).toMatchObject({ others: [{ file: 'court.xlsx', sheet: '诉前调解' }] });
  });

  it('a file too large to be a ledger is refused by its size, named, and never read', async () => {
    const { user } = await openSummary();
    const film = new File(['PK'], '录像.xlsx');
    const read = jest.fn();
    Object.defineProperty(film, 'size', { value: 600 * 1024 * 1024 });
    Object.defineProperty(film, 'arrayBuffer', { value: read });
    await user.upload(screen.getByLabelText(ADD_INPUT), film);
    expect((await screen.findByRole('alert')).textContent).toContain('“录像.xlsx”有 600 MB，超过本工具能处理的 128 MB；请把台账按年度或按单位拆成几个文件');
    expect(read).not.toHaveBeenCalled();
  });

  it('a file that would bring the ledgers held past the limit together is refused, named, unread; the ones before it stay', async () => {
    const { user } = await openSummary();
    const justice = fixtureFile('meeting/justice.xlsx');
    const big = (name: string, mb: number, read: jest.Mock) => {
      const file = new File(['PK'], name);
      Object.defineProperty(file, 'size', { value: mb * 1024 * 1024 });
      Object.defineProperty(file, 'arrayBuffer', { value: read });
      return file;
    };
    const readFirst = jest.fn(async () => (await justice.arrayBuffer()));
    const readSecond = jest.fn();
    // Each under 128 MB alone; 100 MB + 60 MB together are not.
    await user.upload(screen.getByLabelText(ADD_INPUT), [big('派出所.xlsx', 100, readFirst), big('法庭.xlsx', 60, readSecond)]);
    expect((await screen.findByRole('alert')).textContent).toContain('“法庭.xlsx”：这些台账文件合计 160 MB，超过本工具一次能处理的 128 MB；请少选几个单位的台账');
    expect(readFirst).toHaveBeenCalled();
    expect(readSecond).not.toHaveBeenCalled();
    expect(((await screen.findByRole('textbox', { name: '“派出所.xlsx”的单位' })) as HTMLInputElement).value).toBe('青山镇司法所');
  });

  it('a ledger workbook with no ledger: the file host’s words, in English too', async () => {
    const { user } = await openSummary({ language: 'en' });
    expect(screen.getByRole('heading', { name: 'Other units’ ledgers (joint meeting)' })).toBeTruthy();
    await user.upload(screen.getByLabelText('Other units’ ledger files (.xlsx or .xlsm, several allowed)'), [fixtureFile('not-a-ledger.xlsx', '统计表.xlsx'), fixtureFile('meeting/justice.xlsx')]);
    expect((await screen.findByRole('alert')).textContent).toBe('"统计表.xlsx": No dispute ledger in this workbook: no sheet has, within its first 40 rows, a header with columns such as 登记日期, 当事人, 纠纷类型, 简要情况; if the header is further down, delete the extra rows above it');
    expect(((await screen.findByRole('textbox', { name: 'Unit of "justice.xlsx"' })) as HTMLInputElement).value).toBe('青山镇司法所');
    expect(screen.getByText('Sheet: 调解登记台账')).toBeTruthy();
    expect(screen.getByText('A ledger cannot be read: remove it, or choose another file.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove "统计表.xlsx"' }));
    await user.click(screen.getByRole('button', { name: 'Make the joint-meeting summary' }));
    const card = await screen.findByRole('region', { name: 'Joint-meeting summary written' });
    expect(within(card).getByText('Total 47 disputes')).toBeTruthy();
    expect(within(card).getByText('青山镇派出所 no. 9 = 青山镇司法所 青司调〔2026〕36号')).toBeTruthy();
  });

  it('by keyboard: the add button opens the chooser; the unit box and 移除 are reached by Tab, and focus stays in the section', async () => {
    const { host, user } = await openSummary();
    const input = screen.getByLabelText(ADD_INPUT) as HTMLInputElement;
    expect(input.multiple).toBe(true);
    const opened = jest.spyOn(input, 'click').mockImplementation(() => undefined);
    const add = screen.getByRole('button', { name: '添加其他单位的台账…' });
    await tabTo(user, add);
    await user.keyboard('{Enter}');
    expect(opened).toHaveBeenCalledTimes(1);
    await user.upload(input, [fixtureFile('meeting/justice.xlsx'), fixtureFile('meeting/court.xlsx')]);
    const unit = await screen.findByRole('textbox', { name: '“court.xlsx”的单位' });
    await tabTo(user, unit);
    await user.keyboard('{Control>}a{/Control}青山法庭');
    await tabTo(user, screen.getByRole('button', { name: '移除“justice.xlsx”' }));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(add);
    await tabTo(user, runButton());
    await user.keyboard('{Enter}');
    await screen.findByRole('region', { name: '联席会议汇总已生成' });
    expect(host.callsTo('writeSummary')[0][0]).toMatchObject({ others: [{ file: 'court.xlsx', unit: '青山法庭' }] });
  });

  it('every control has an accessible name', async () => {
    const { user } = await openSummary();
    await user.upload(screen.getByLabelText(ADD_INPUT), [fixtureFile('corrupt.xlsx', '照片.xlsx'), fixtureFile('meeting/justice.xlsx')]);
    await screen.findByRole('textbox', { name: '“justice.xlsx”的单位' });
    const controls = Array.from(document.querySelectorAll('button, input, a[href], [role="switch"], [role="tab"]'));
    expect(controls.filter((el) => !accessibleName(el as HTMLElement)).map((el) => el.outerHTML.slice(0, 120))).toEqual([]);
  });
});
