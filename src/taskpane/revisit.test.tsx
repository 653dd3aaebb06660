/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { FakeHost } from './testing/fake-host';
import { openTab, renderPane, tabTo } from './testing/render-pane';

describe('回访: recording a revisit of the selected row', () => {
  it('shows the selected dispute: label, level and next revisit', async () => {
    const { host, user } = await renderPane();
    await openTab(user, '回访');
    await user.click(screen.getByRole('button', { name: '读取选中的纠纷' }));
    const card = await screen.findByRole('region', { name: '第 12 行' });
    expect(within(card).getByText('张某与李某宅基地纠纷')).toBeTruthy();
    expect(within(card).getByText('黄')).toBeTruthy();
    expect(within(card).getByText('下次回访：2026-05-20')).toBeTruthy();
    expect(host.callsTo('selectedDispute')).toHaveLength(1);
  });

  it('asks the user to select a dispute when the selection is not on one', async () => {
    const host = new FakeHost();
    host.selected = null;
    const { user } = await renderPane({ host });
    await openTab(user, '回访');
    await user.click(screen.getByRole('button', { name: '读取选中的纠纷' }));
    expect(await screen.findByText('请先在台账中选中一件纠纷所在的行')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('the date defaults to today and the method to 电话', async () => {
    const { user } = await renderPane();
    await openTab(user, '回访');
    await user.click(screen.getByRole('button', { name: '读取选中的纠纷' }));
    const form = await screen.findByRole('form', { name: '记录回访' });
    expect((within(form).getByLabelText(/回访日期/) as HTMLInputElement).value).toBe('2026-05-21');
    expect((within(form).getByRole('radio', { name: '电话' }) as HTMLInputElement).checked).toBe(true);
  });

  it('validates the required fields and sends nothing until they are filled', async () => {
    const { host, user } = await renderPane();
    await openTab(user, '回访');
    await user.click(screen.getByRole('button', { name: '读取选中的纠纷' }));
    const form = await screen.findByRole('form', { name: '记录回访' });
    await user.click(within(form).getByRole('button', { name: '记录回访' }));
    expect(within(form).getByText('请填写回访情况')).toBeTruthy();
    expect(within(form).getByText('请填写回访人')).toBeTruthy();
    expect(host.callsTo('recordRevisit')).toEqual([]);

    await user.type(within(form).getByRole('textbox', { name: /回访情况/ }), '双方已按协议履行');
    expect(within(form).queryByText('请填写回访情况')).toBeNull();
    await user.click(within(form).getByRole('button', { name: '记录回访' }));
    expect(within(form).getByText('请填写回访人')).toBeTruthy();
    expect(host.callsTo('recordRevisit')).toEqual([]);
  });

  it('refuses a revisit date after today', async () => {
    const { host, user } = await renderPane();
    await openTab(user, '回访');
    await user.click(screen.getByRole('button', { name: '读取选中的纠纷' }));
    const form = await screen.findByRole('form', { name: '记录回访' });
    const date = within(form).getByLabelText(/回访日期/);
    await user.clear(date);
    await user.type(date, '2026-05-22');
    await user.type(within(form).getByRole('textbox', { name: /回访情况/ }), '情绪稳定');
    await user.type(within(form).getByRole('textbox', { name: /回访人/ }), '王警官');
    await user.click(within(form).getByRole('button', { name: '记录回访' }));
    expect(within(form).getByText('回访日期不能晚于今天')).toBeTruthy();
    expect(host.callsTo('recordRevisit')).toEqual([]);
  });

  it('sends the entered values to recordRevisit and shows the new next revisit date', async () => {
    const { host, user } = await renderPane();
    await openTab(user, '回访');
    await user.click(screen.getByRole('button', { name: '读取选中的纠纷' }));
    const form = await screen.findByRole('form', { name: '记录回访' });
    const date = within(form).getByLabelText(/回访日期/);
    await user.clear(date);
    await user.type(date, '2026-05-20');
    await user.click(within(form).getByRole('radio', { name: '上门' }));
    await user.type(within(form).getByRole('textbox', { name: /回访情况/ }), '  双方已按协议履行，无反复  ');
    await user.type(within(form).getByRole('textbox', { name: /回访人/ }), '王警官');
    await user.click(within(form).getByRole('button', { name: '记录回访' }));

    expect(await screen.findByText('下次回访日期：2026-05-27')).toBeTruthy();
    expect(screen.getByText('回访已记录')).toBeTruthy();
    expect(host.callsTo('recordRevisit')).toEqual([
      [{ row: 12, date: '2026-05-20', method: '上门', result: '双方已按协议履行，无反复', by: '王警官' }],
    ]);
    expect(within(screen.getByRole('region', { name: '第 12 行' })).getByText('下次回访：2026-05-27')).toBeTruthy();
  });

  it('works with the keyboard only: Tab, Space on the button, type, Enter submits', async () => {
    const { host, user } = await renderPane();
    await tabTo(user, screen.getByRole('tab', { name: '检测' }));
    await user.keyboard('{ArrowRight}{ArrowRight}{Enter}');
    const read = await screen.findByRole('button', { name: '读取选中的纠纷' });
    await tabTo(user, read);
    await user.keyboard(' ');
    const form = await screen.findByRole('form', { name: '记录回访' });
    await tabTo(user, within(form).getByRole('textbox', { name: /回访情况/ }));
    await user.keyboard('电话联系，情况稳定');
    await tabTo(user, within(form).getByRole('textbox', { name: /回访人/ }));
    await user.keyboard('李调解员{Enter}');
    expect(await screen.findByText('下次回访日期：2026-05-27')).toBeTruthy();
    expect(host.callsTo('recordRevisit')).toEqual([
      [{ row: 12, date: '2026-05-21', method: '电话', result: '电话联系，情况稳定', by: '李调解员' }],
    ]);
  });

  it('a closed dispute needs no further revisit', async () => {
    const host = new FakeHost();
    host.nextRevisit = null;
    const { user } = await renderPane({ host });
    await openTab(user, '回访');
    await user.click(screen.getByRole('button', { name: '读取选中的纠纷' }));
    const form = await screen.findByRole('form', { name: '记录回访' });
    await user.type(within(form).getByRole('textbox', { name: /回访情况/ }), '已销号');
    await user.type(within(form).getByRole('textbox', { name: /回访人/ }), '王警官');
    await user.click(within(form).getByRole('button', { name: '记录回访' }));
    expect(await screen.findByText('这件纠纷无需再回访。')).toBeTruthy();
  });

  it('a failed recordRevisit shows the message and keeps what was typed', async () => {
    const host = new FakeHost();
    host.fail('recordRevisit', '第 12 行不是台账中的纠纷');
    const { user } = await renderPane({ host });
    await openTab(user, '回访');
    await user.click(screen.getByRole('button', { name: '读取选中的纠纷' }));
    const form = await screen.findByRole('form', { name: '记录回访' });
    await user.type(within(form).getByRole('textbox', { name: /回访情况/ }), '情况稳定');
    await user.type(within(form).getByRole('textbox', { name: /回访人/ }), '王警官');
    await user.click(within(form).getByRole('button', { name: '记录回访' }));
    expect((await screen.findByRole('alert')).textContent).toContain('第 12 行不是台账中的纠纷');
    expect((within(form).getByRole('textbox', { name: /回访情况/ }) as HTMLTextAreaElement).value).toBe('情况稳定');
  });
});
