/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { FakeHost } from './testing/fake-host';
import { openTab, renderPane, tabTo } from './testing/render-pane';

describe('分级: 一键分级上色', () => {
  it('shows progress while the host works, then the counts by colour and the issues', async () => {
    const host = new FakeHost();
    const release = host.hold();
    const { user } = await renderPane({ host });
    await openTab(user, '分级');
    await user.click(screen.getByRole('button', { name: '一键分级上色' }));

    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0.25');
    expect(screen.getByText('正在读取台账')).toBeTruthy();
    expect(screen.queryByRole('region', { name: '分级上色完成' })).toBeNull();

    release();
    const card = await screen.findByRole('region', { name: '分级上色完成' });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(within(card).getByText('共 42 件纠纷')).toBeTruthy();
    const badges = within(card).getByRole('group', { name: '各等级件数' });
    expect(within(badges).getByText('红 3')).toBeTruthy();
    expect(within(badges).getByText('黄 9')).toBeTruthy();
    expect(within(badges).getByText('绿 30')).toBeTruthy();
    const fact = (term: string) => within(card).getByText(term).nextElementSibling?.textContent;
    expect(fact('今日到期回访')).toBe('5 件');
    expect(fact('回访已逾期')).toBe('2 件');
    expect(fact('无法读取的行')).toBe('1 行');
    expect(within(card).getByText(/B35 的日期“2020.13.5”无法识别/)).toBeTruthy();
    expect(within(card).getByText('第 40 行人工定级为绿，低于建议的黄，请复核')).toBeTruthy();
    expect(host.callsTo('triage')).toHaveLength(1);
  });

  it('a link of an issue selects its cell: selectCell(\'台账\', \'B35\')', async () => {
    const { host, user } = await renderPane();
    await openTab(user, '分级');
    await user.click(screen.getByRole('button', { name: '一键分级上色' }));
    const card = await screen.findByRole('region', { name: '分级上色完成' });
    // Only the issue with a cell has a link.
    expect(within(card).getAllByRole('button', { name: /^定位到/ })).toHaveLength(1);
    await user.click(within(card).getByRole('button', { name: '定位到 台账!B35' }));
    expect(host.callsTo('selectCell')).toEqual([['台账', 'B35']]);
  });

  it('works with the keyboard only: Tab to the button, Enter, then Tab to the link and Enter', async () => {
    const { host, user } = await renderPane();
    await tabTo(user, screen.getByRole('tab', { name: '检测' }));
    await user.keyboard('{ArrowRight}');
    await user.keyboard('{Enter}');
    const run = await screen.findByRole('button', { name: '一键分级上色' });
    await tabTo(user, run);
    await user.keyboard('{Enter}');
    const link = await screen.findByRole('button', { name: '定位到 台账!B35' });
    await tabTo(user, link);
    await user.keyboard('{Enter}');
    expect(host.callsTo('triage')).toHaveLength(1);
    expect(host.callsTo('selectCell')).toEqual([['台账', 'B35']]);
  });

  it('says colours are static fills when the Excel lacks conditional formats', async () => {
    const host = new FakeHost();
    host.report.staticFills = true;
    const { user } = await renderPane({ host });
    await openTab(user, '分级');
    await user.click(screen.getByRole('button', { name: '一键分级上色' }));
    const card = await screen.findByRole('region', { name: '分级上色完成' });
    expect(within(card).getByText('颜色不会自动更新')).toBeTruthy();
    expect(within(card).getByText(/不支持条件格式（需要 ExcelApi 1\.6）.*固定底色.*重新运行“一键分级上色”/)).toBeTruthy();
  });

  it('says nothing of static fills when the colours are conditional formats', async () => {
    const { user } = await renderPane();
    await openTab(user, '分级');
    await user.click(screen.getByRole('button', { name: '一键分级上色' }));
    await screen.findByRole('region', { name: '分级上色完成' });
    expect(screen.queryByText(/固定底色/)).toBeNull();
  });

  it('a host failure shows its message in a MessageBar, not a stack trace, and no result', async () => {
    const host = new FakeHost();
    const error = new Error('Excel 正忙（可能正在编辑单元格），请按 Enter 或 Esc 结束编辑后重试');
    error.stack = 'Error: Excel 正忙\n    at Syncer.sync (office-host.ts:12:3)';
    host.fail('triage', error);
    const { user } = await renderPane({ host });
    await openTab(user, '分级');
    await user.click(screen.getByRole('button', { name: '一键分级上色' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('操作未完成');
    expect(alert.textContent).toContain('Excel 正忙（可能正在编辑单元格），请按 Enter 或 Esc 结束编辑后重试');
    expect(alert.textContent).not.toMatch(/\bat Syncer|office-host\.ts/);
    expect(screen.queryByRole('region', { name: '分级上色完成' })).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('a rejection without a message gets the generic text', async () => {
    const host = new FakeHost();
    host.fail('triage', { code: 'GeneralException' });
    const { user } = await renderPane({ host });
    await openTab(user, '分级');
    await user.click(screen.getByRole('button', { name: '一键分级上色' }));
    expect((await screen.findByRole('alert')).textContent).toContain('发生了未知错误，请重试');
  });

  it('a failing link shows the message', async () => {
    const host = new FakeHost();
    host.fail('selectCell', '找不到工作表“台账”');
    const { user } = await renderPane({ host });
    await openTab(user, '分级');
    await user.click(screen.getByRole('button', { name: '一键分级上色' }));
    await user.click(await screen.findByRole('button', { name: '定位到 台账!B35' }));
    expect((await screen.findByRole('alert')).textContent).toContain('找不到工作表“台账”');
  });

  it('lists the first 50 issues and counts the rest', async () => {
    const host = new FakeHost();
    host.report.issues = Array.from({ length: 60 }, (_, i) => ({ message: `第 ${i + 5} 行日期无法识别`, sheet: '台账', cell: `B${i + 5}` }));
    const { user } = await renderPane({ host });
    await openTab(user, '分级');
    await user.click(screen.getByRole('button', { name: '一键分级上色' }));
    const card = await screen.findByRole('region', { name: '分级上色完成' });
    expect(within(card).getByText('需要核对的问题（60）')).toBeTruthy();
    expect(within(card).getAllByRole('button', { name: /^定位到/ })).toHaveLength(50);
    expect(within(card).getByText('另有 10 条未列出。')).toBeTruthy();
  });

  it('keeps the result when the user looks at another tab and comes back', async () => {
    const { user } = await renderPane();
    await openTab(user, '分级');
    await user.click(screen.getByRole('button', { name: '一键分级上色' }));
    await screen.findByRole('region', { name: '分级上色完成' });
    await openTab(user, '规则');
    await openTab(user, '分级');
    expect(screen.getByRole('region', { name: '分级上色完成' })).toBeTruthy();
  });
});

describe('回访: 生成回访清单', () => {
  it('runs writeDueList and shows where the list was written', async () => {
    const { host, user } = await renderPane();
    await openTab(user, '回访');
    await user.click(screen.getByRole('button', { name: '生成回访清单' }));
    const card = await screen.findByRole('region', { name: '回访清单已生成' });
    expect(within(card).getByText('结果写在“回访清单”工作表。')).toBeTruthy();
    expect(host.callsTo('writeDueList')).toHaveLength(1);
  });
});
