/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { FakeHost } from './testing/fake-host';
import { openTab, renderPane, tabTo } from './testing/render-pane';

describe('汇总: period, masking and 生成联席会议汇总', () => {
  it('defaults to the first of this month to today, masked', async () => {
    const { host, user } = await renderPane({ today: '2026-05-21' });
    await openTab(user, '汇总');
    expect((screen.getByLabelText(/起始日期/) as HTMLInputElement).value).toBe('2026-05-01');
    expect((screen.getByLabelText(/截止日期/) as HTMLInputElement).value).toBe('2026-05-21');
    const mask = screen.getByRole('switch', { name: '隐去个人信息（姓名、身份证号、联系电话）' }) as HTMLInputElement;
    expect(mask.checked).toBe(true);
    await user.click(screen.getByRole('button', { name: '生成联席会议汇总' }));
    const card = await screen.findByRole('region', { name: '联席会议汇总已生成' });
    expect(host.callsTo('writeSummary')).toEqual([[{ from: '2026-05-01', to: '2026-05-21', mask: true }]]);
    // The card reads out the meeting's headline under the sheet's own names.
    const facts = within(card).getByLabelText('联席会议汇总要点');
    const pairs = Array.from(facts.querySelectorAll('dt'), (dt) => `${dt.textContent}：${dt.nextElementSibling?.textContent}`);
    expect(pairs).toEqual(['联席会议期间：2026-05-01 至 2026-05-21', '排查数（登记件数）：12 件', '调处数：8 件', '成功数（已化解）：6 件', '在办：30 件（红 3、黄 9、绿 18）']);
  });

  it('switching masking off asks first; keeping it on changes nothing', async () => {
    const { host, user } = await renderPane();
    await openTab(user, '汇总');
    const mask = screen.getByRole('switch', { name: /隐去个人信息/ }) as HTMLInputElement;
    await user.click(mask);
    const dialog = await screen.findByRole('alertdialog', { name: '关闭个人信息遮挡？' });
    expect(within(dialog).getByText(/姓名、身份证号和联系电话/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: '保持遮挡' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(mask.checked).toBe(true);
    expect(document.activeElement).toBe(mask);
    // Fluent's focus manager un-hides the page from assistive technology a moment after the dialog closes.
    await user.click(await screen.findByRole('button', { name: '生成联席会议汇总' }));
    await screen.findByRole('region', { name: '联席会议汇总已生成' });
    expect(host.callsTo('writeSummary')).toEqual([[{ from: '2026-05-01', to: '2026-05-21', mask: true }]]);
  });

  it('masking off needs confirmation, and then writeSummary receives mask false', async () => {
    const { host, user } = await renderPane();
    await openTab(user, '汇总');
    await user.click(screen.getByRole('switch', { name: /隐去个人信息/ }));
    const dialog = await screen.findByRole('alertdialog', { name: '关闭个人信息遮挡？' });
    await user.click(within(dialog).getByRole('button', { name: '仍然关闭' }));
    // Fluent's focus manager un-hides the page from assistive technology a moment after the dialog closes.
    expect(((await screen.findByRole('switch', { name: /隐去个人信息/ })) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText('汇总将显示当事人的姓名、身份证号和联系电话，请勿外发。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '生成联席会议汇总' }));
    await screen.findByRole('region', { name: '联席会议汇总已生成' });
    expect(host.callsTo('writeSummary')).toEqual([[{ from: '2026-05-01', to: '2026-05-21', mask: false }]]);

    // Back on: no question asked.
    await user.click(screen.getByRole('switch', { name: /隐去个人信息/ }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((screen.getByRole('switch', { name: /隐去个人信息/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('Escape in the confirmation keeps masking on (keyboard only)', async () => {
    const { host, user } = await renderPane();
    await openTab(user, '汇总');
    const mask = screen.getByRole('switch', { name: /隐去个人信息/ }) as HTMLInputElement;
    await tabTo(user, mask);
    await user.keyboard(' ');
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(mask.checked).toBe(true);
    expect(document.activeElement).toBe(mask);
    const run = await screen.findByRole('button', { name: '生成联席会议汇总' });
    await tabTo(user, run);
    await user.keyboard('{Enter}');
    await screen.findByRole('region', { name: '联席会议汇总已生成' });
    expect(host.callsTo('writeSummary')).toEqual([[{ from: '2026-05-01', to: '2026-05-21', mask: true }]]);
  });

  it('sends the period the user chose, and refuses a start after the end', async () => {
    const { host, user } = await renderPane();
    await openTab(user, '汇总');
    const from = screen.getByLabelText(/起始日期/);
    const to = screen.getByLabelText(/截止日期/);
    await user.clear(from);
    await user.type(from, '2026-06-01');
    await user.click(screen.getByRole('button', { name: '生成联席会议汇总' }));
    expect(screen.getByText('起始日期不能晚于截止日期')).toBeTruthy();
    expect(host.callsTo('writeSummary')).toEqual([]);

    await user.clear(from);
    await user.type(from, '2026-04-01');
    await user.clear(to);
    await user.type(to, '2026-04-30');
    await user.click(screen.getByRole('button', { name: '生成联席会议汇总' }));
    await screen.findByRole('region', { name: '联席会议汇总已生成' });
    expect(host.callsTo('writeSummary')).toEqual([[{ from: '2026-04-01', to: '2026-04-30', mask: true }]]);
  });

  it('a host failure shows its message', async () => {
    const host = new FakeHost();
    host.fail('writeSummary', '“联席会议汇总”是用户自己的工作表，未覆盖；请改名后重试');
    const { user } = await renderPane({ host });
    await openTab(user, '汇总');
    await user.click(screen.getByRole('button', { name: '生成联席会议汇总' }));
    const alert = await screen.findByRole('alert', { name: '操作未完成' });
    expect(alert.textContent).toContain('“联席会议汇总”是用户自己的工作表，未覆盖；请改名后重试');
  });
});
