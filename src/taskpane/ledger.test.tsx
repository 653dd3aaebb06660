/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import { FakeHost } from './testing/fake-host';
import { renderPane, tabTo } from './testing/render-pane';

describe('检测: the detected ledger', () => {
  it('shows the sheet, the header rows and every column with its header and field in Chinese', async () => {
    const { host } = await renderPane();
    const table = await screen.findByRole('table', { name: '列与字段的对应' });
    expect(screen.getByText('台账')).toBeTruthy();
    expect(screen.getByText('第 3、4 行')).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    const b = within(table).getByRole('combobox', { name: 'B 列“受理日期”对应的字段' });
    expect(b.textContent).toContain('登记日期');
    expect(within(table).getByRole('combobox', { name: 'G 列“包案人员”对应的字段' }).textContent).toContain('（未对应）');
    expect(host.callsTo('detect')).toHaveLength(1);
  });

  it('lists the fields the ledger lacks', async () => {
    await renderPane();
    expect(await screen.findByText(/未找到的字段：.*责任人/)).toBeTruthy();
  });

  it('a correction calls setFieldColumn with the field and the column, and shows the new mapping', async () => {
    const { host, user } = await renderPane();
    const g = await screen.findByRole('combobox', { name: 'G 列“包案人员”对应的字段' });
    await user.click(g);
    await user.click(screen.getByRole('option', { name: '责任人' }));
    expect(host.callsTo('setFieldColumn')).toEqual([['owner', 'G']]);
    expect(await screen.findByText('已更正：“责任人”在 G 列')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'G 列“包案人员”对应的字段' }).textContent).toContain('责任人'));
  });

  it('with the keyboard only, a column is set to no field: setFieldColumn(field, null)', async () => {
    const { host, user } = await renderPane();
    const d = await screen.findByRole('combobox', { name: 'D 列“纠纷类型”对应的字段' });
    await tabTo(user, d);
    await user.keyboard('{Enter}');
    await user.keyboard('{Home}');
    await user.keyboard('{Enter}');
    expect(host.callsTo('setFieldColumn')).toEqual([['type', null]]);
    expect(await screen.findByText('已更正：台账中没有“纠纷类型”')).toBeTruthy();
  });

  it('choosing the field a column already has calls nothing', async () => {
    const { host, user } = await renderPane();
    await user.click(await screen.findByRole('combobox', { name: 'C 列“当事人”对应的字段' }));
    await user.click(screen.getByRole('option', { name: '当事人' }));
    expect(host.callsTo('setFieldColumn')).toEqual([]);
  });

  it('a detection failure shows the host message, and 重试 detects again', async () => {
    const host = new FakeHost();
    host.fail('detect', '工作簿中没有找到矛盾纠纷台账');
    const { user } = await renderPane({ host });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('操作未完成');
    expect(alert.textContent).toContain('工作簿中没有找到矛盾纠纷台账');
    host.succeed('detect');
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('table', { name: '列与字段的对应' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a failed correction shows the message and keeps the old mapping', async () => {
    const host = new FakeHost();
    host.fail('setFieldColumn', '无法保存设置：工作簿是只读的');
    const { user } = await renderPane({ host });
    await user.click(await screen.findByRole('combobox', { name: 'G 列“包案人员”对应的字段' }));
    await user.click(screen.getByRole('option', { name: '责任人' }));
    expect((await screen.findByRole('alert')).textContent).toContain('无法保存设置：工作簿是只读的');
    expect(screen.getByRole('combobox', { name: 'G 列“包案人员”对应的字段' }).textContent).toContain('（未对应）');
  });
});
