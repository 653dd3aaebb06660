/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { DEFAULT_PRESET, validatePreset, type NumericField, type TriagePreset } from '../core';
import type { AddinSettings } from '../addin/host';
import { FakeHost } from './testing/fake-host';
import { openTab, renderPane, tabTo } from './testing/render-pane';

const presetFile = (json: unknown, name = 'county.json') =>
  new File([typeof json === 'string' ? json : JSON.stringify(json)], name, { type: 'application/json' });

async function openRules(options: Parameters<typeof renderPane>[0] = {}) {
  const pane = await renderPane(options);
  await openTab(pane.user, '规则');
  await screen.findByText('当前规则：333 default');
  return pane;
}

/** Opens a rule's accordion item and gives its group of inputs. */
async function openRule(user: Awaited<ReturnType<typeof renderPane>>['user'], label: string) {
  await user.click(screen.getByRole('button', { name: new RegExp(label) }));
  return screen.findByRole('group', { name: label });
}

function numberCondition(preset: TriagePreset, ruleId: string, number: NumericField) {
  const rule = preset.rules.find((r) => r.id === ruleId)!;
  const found: unknown[] = [];
  const walk = (c: unknown) => {
    const o = c as Record<string, unknown>;
    if (o.number === number) found.push(o);
    for (const k of ['any', 'all']) if (Array.isArray(o[k])) (o[k] as unknown[]).forEach(walk);
  };
  walk(rule.when);
  return found[0];
}

describe('规则: editing the preset', () => {
  it('shows the loaded preset: cadence per level and each rule with its values', async () => {
    const { user, host } = await openRules();
    const cadence = screen.getByRole('group', { name: '回访周期（天）' });
    expect((within(cadence).getByRole('spinbutton', { name: '红' }) as HTMLInputElement).value).toBe('1');
    expect((within(cadence).getByRole('spinbutton', { name: '黄' }) as HTMLInputElement).value).toBe('7');
    expect((within(cadence).getByRole('spinbutton', { name: '绿' }) as HTMLInputElement).value).toBe('30');
    const amount = await openRule(user, '涉及金额较大');
    expect((within(amount).getByRole('spinbutton', { name: '涉及金额（元） 下限' }) as HTMLInputElement).value).toBe('30000');
    expect((within(amount).getByRole('spinbutton', { name: '涉及金额（元） 上限' }) as HTMLInputElement).value).toBe('');
    const sensitive = await openRule(user, '敏感类型');
    expect((within(sensitive).getByRole('textbox', { name: '关键词' }) as HTMLTextAreaElement).value).toBe(
      '土地、山林、林地、宅基地、征地、拆迁、欠薪、劳资、拖欠工资',
    );
    const petition = await openRule(user, '涉信访');
    expect(within(petition).getByText('这条规则只含正则表达式，请导出 JSON 文件修改后再导入。')).toBeTruthy();
    expect(host.callsTo('loadSettings')).toHaveLength(1);
  });

  it('saves edited thresholds, keywords (comma or 、 separated) and cadence, keeping the other settings', async () => {
    const host = new FakeHost();
    const { user } = await openRules({ host });
    // A column correction saved after the pane opened must survive the save of the rules.
    host.settings.fieldColumns = { owner: 'G' };

    const amount = await openRule(user, '涉及金额较大');
    const min = within(amount).getByRole('spinbutton', { name: '涉及金额（元） 下限' });
    await user.clear(min);
    await user.type(min, '50000');
    const sensitive = await openRule(user, '敏感类型');
    const keywords = within(sensitive).getByRole('textbox', { name: '关键词' });
    await user.clear(keywords);
    await user.type(keywords, '土地, 山林，宅基地、 征地');
    const yellow = within(screen.getByRole('group', { name: '回访周期（天）' })).getByRole('spinbutton', { name: '黄' });
    await user.clear(yellow);
    await user.type(yellow, '5');
    await user.click(screen.getByRole('button', { name: '保存规则' }));

    expect(await screen.findByText('规则已保存。重新运行“一键分级上色”后生效。')).toBeTruthy();
    const [[saved]] = host.callsTo('saveSettings') as [[AddinSettings]];
    expect(saved.fieldColumns).toEqual({ owner: 'G' });
    expect(saved.mask).toBe(true);
    expect(numberCondition(saved.preset, 'yellow.amount', 'amount')).toEqual({ number: 'amount', min: 50000 });
    expect(saved.preset.rules.find((r) => r.id === 'yellow.sensitiveType')!.when).toEqual({
      keywords: ['土地', '山林', '宅基地', '征地'],
      fields: ['type', 'title', 'description'],
    });
    expect(saved.preset.cadenceDays).toEqual({ red: 1, yellow: 5, green: 30 });
    expect(() => validatePreset(saved.preset)).not.toThrow();
  });

  it('an emptied bound is dropped; a rule left with no bound is refused with its path', async () => {
    const { host, user } = await openRules();
    const headcount = await openRule(user, '涉及多人');
    await user.clear(within(headcount).getByRole('spinbutton', { name: '涉及人数 上限' }));
    await user.click(screen.getByRole('button', { name: '保存规则' }));
    await screen.findByText('规则已保存。重新运行“一键分级上色”后生效。');
    const [[saved]] = host.callsTo('saveSettings') as [[AddinSettings]];
    expect(numberCondition(saved.preset, 'yellow.headcount', 'headcount')).toEqual({ number: 'headcount', min: 3 });

    await user.clear(within(headcount).getByRole('spinbutton', { name: '涉及人数 下限' }));
    await user.click(screen.getByRole('button', { name: '保存规则' }));
    const alert = await screen.findByRole('alert', { name: '规则有误，未保存' });
    expect(alert.textContent).toContain('rules[7].when：需要 min 或 max');
    expect(host.callsTo('saveSettings')).toHaveLength(1);
  });

  it('refuses to save an emptied keyword list, naming the path, and shows it on the field', async () => {
    const { host, user } = await openRules();
    const sensitive = await openRule(user, '敏感类型');
    await user.clear(within(sensitive).getByRole('textbox', { name: '关键词' }));
    await user.click(screen.getByRole('button', { name: '保存规则' }));
    const alert = await screen.findByRole('alert', { name: '规则有误，未保存' });
    expect(within(alert).getByText('rules[9].when.keywords：应为非空文字组成的非空列表')).toBeTruthy();
    expect(within(sensitive).getByText('应为非空文字组成的非空列表')).toBeTruthy();
    expect(host.callsTo('saveSettings')).toEqual([]);
  });

  it('opens a closed rule that has a problem so its message is seen', async () => {
    const { user } = await openRules();
    const header = screen.getByRole('button', { name: /敏感类型/ });
    await user.click(header);
    await user.clear(within(await screen.findByRole('group', { name: '敏感类型' })).getByRole('textbox', { name: '关键词' }));
    await user.click(header);
    expect(screen.queryByRole('group', { name: '敏感类型' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '保存规则' }));
    const group = await screen.findByRole('group', { name: '敏感类型' });
    expect(within(group).getByText('应为非空文字组成的非空列表')).toBeTruthy();
  });

  it('a cadence that is not a whole number of days is refused on its field', async () => {
    const { host, user } = await openRules();
    const cadence = screen.getByRole('group', { name: '回访周期（天）' });
    await user.clear(within(cadence).getByRole('spinbutton', { name: '红' }));
    await user.click(screen.getByRole('button', { name: '保存规则' }));
    expect(within(cadence).getByText('应为 1 到 366 之间的整天数')).toBeTruthy();
    expect((await screen.findByRole('alert', { name: '规则有误，未保存' })).textContent).toContain('cadenceDays.red：应为 1 到 366 之间的整天数');
    expect(host.callsTo('saveSettings')).toEqual([]);
  });

  it('import of an invalid file shows every problem with its field path, and keeps the preset', async () => {
    const { host, user } = await openRules();
    const bad = JSON.parse(JSON.stringify(DEFAULT_PRESET)) as Record<string, unknown> & TriagePreset;
    (bad.rules[0] as unknown as Record<string, unknown>).level = 'orange';
    (bad.cadenceDays as unknown as Record<string, unknown>).green = 0;
    await user.upload(screen.getByLabelText('导入 JSON 文件'), presetFile(bad));
    const alert = await screen.findByRole('alert', { name: '文件中的规则有误，未导入' });
    expect(within(alert).getByText('rules[0].level：应为 "red"、"yellow" 或 "green"')).toBeTruthy();
    expect(within(alert).getByText('cadenceDays.green：应为 1 到 366 之间的整天数')).toBeTruthy();
    expect(screen.getByText('当前规则：333 default')).toBeTruthy();
    expect(host.callsTo('saveSettings')).toEqual([]);
  });

  it('the import button opens the file chooser (keyboard: Tab, Enter)', async () => {
    const { user } = await openRules();
    const input = screen.getByLabelText('导入 JSON 文件') as HTMLInputElement;
    const opened = jest.spyOn(input, 'click').mockImplementation(() => undefined);
    await tabTo(user, screen.getByRole('button', { name: '导入 JSON 文件' }));
    await user.keyboard('{Enter}');
    expect(opened).toHaveBeenCalledTimes(1);
    expect(input.tabIndex).toBe(-1);
  });

  it('import of a file that is not JSON says so', async () => {
    const { user } = await openRules();
    await user.upload(screen.getByLabelText('导入 JSON 文件'), presetFile('{"version": 1,', 'broken.json'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^这不是有效的 JSON 文件（.+）$/);
  });

  it('import of a valid file (with a BOM) replaces the preset on screen; saving stores it', async () => {
    const { host, user } = await openRules();
    const county = { ...JSON.parse(JSON.stringify(DEFAULT_PRESET)), name: '某县 2026 版', cadenceDays: { red: 1, yellow: 3, green: 15 } };
    await user.upload(screen.getByLabelText('导入 JSON 文件'), presetFile(`\uFEFF${JSON.stringify(county)}`));
    expect(await screen.findByText('已导入“某县 2026 版”，检查无误后请点“保存规则”。')).toBeTruthy();
    expect(screen.getByText('当前规则：某县 2026 版')).toBeTruthy();
    expect(host.callsTo('saveSettings')).toEqual([]);
    await user.click(screen.getByRole('button', { name: '保存规则' }));
    await screen.findByText('规则已保存。重新运行“一键分级上色”后生效。');
    const [[saved]] = host.callsTo('saveSettings') as [[AddinSettings]];
    expect(saved.preset).toEqual(county);
  });

  it('export gives JSON that validatePreset accepts, with the edits in it', async () => {
    const { user, saved } = await openRules();
    const repeat = await openRule(user, '调解未果或多次报警');
    const calls = within(repeat).getByRole('spinbutton', { name: '报警次数 上限' });
    await user.clear(calls);
    await user.type(calls, '6');
    await user.click(screen.getByRole('button', { name: '导出 JSON 文件' }));
    expect(saved).toHaveLength(1);
    expect(saved[0].fileName).toBe('333 default.json');
    const preset = validatePreset(JSON.parse(saved[0].text));
    expect(numberCondition(preset, 'yellow.repeatFailure', 'policeCalls')).toEqual({ number: 'policeCalls', min: 2, max: 6 });
    expect(screen.getByText('已导出 333 default.json')).toBeTruthy();
  });

  it('export of an invalid edit saves nothing and names the problem', async () => {
    const { user, saved } = await openRules();
    const headcount = await openRule(user, '涉及多人');
    const max = within(headcount).getByRole('spinbutton', { name: '涉及人数 上限' });
    await user.clear(max);
    await user.type(max, '2');
    await user.click(screen.getByRole('button', { name: '导出 JSON 文件' }));
    expect((await screen.findByRole('alert', { name: '规则有误，未保存' })).textContent).toContain('rules[7].when：min 不能大于 max');
    expect(saved).toEqual([]);
  });

  it('恢复默认规则 puts the default preset back on screen, saved only on 保存规则', async () => {
    const host = new FakeHost();
    host.settings.preset = { ...host.settings.preset, name: '旧规则', cadenceDays: { red: 2, yellow: 10, green: 60 } };
    const { user } = await renderPane({ host });
    await openTab(user, '规则');
    await screen.findByText('当前规则：旧规则');
    await user.click(screen.getByRole('button', { name: '恢复默认规则' }));
    expect(screen.getByText('当前规则：333 default')).toBeTruthy();
    expect((within(screen.getByRole('group', { name: '回访周期（天）' })).getByRole('spinbutton', { name: '绿' }) as HTMLInputElement).value).toBe('30');
    expect(host.callsTo('saveSettings')).toEqual([]);
  });

  it('works with the keyboard only: open a rule with Enter, edit, save with Enter', async () => {
    const { host, user } = await openRules();
    const header = screen.getByRole('button', { name: /涉及金额较大/ });
    await tabTo(user, header);
    await user.keyboard('{Enter}');
    const group = await screen.findByRole('group', { name: '涉及金额较大' });
    await tabTo(user, within(group).getByRole('spinbutton', { name: '涉及金额（元） 下限' }));
    await user.keyboard('{Control>}a{/Control}{Backspace}100000');
    await tabTo(user, screen.getByRole('button', { name: '保存规则' }));
    await user.keyboard('{Enter}');
    await screen.findByText('规则已保存。重新运行“一键分级上色”后生效。');
    const [[saved]] = host.callsTo('saveSettings') as [[AddinSettings]];
    expect(numberCondition(saved.preset, 'yellow.amount', 'amount')).toEqual({ number: 'amount', min: 100000 });
  });

  it('a failed save shows the host message', async () => {
    const host = new FakeHost();
    host.fail('saveSettings', '工作簿受保护，无法保存设置');
    const { user } = await openRules({ host });
    await user.click(screen.getByRole('button', { name: '保存规则' }));
    expect((await screen.findByRole('alert')).textContent).toContain('工作簿受保护，无法保存设置');
  });

  it('a failed load shows the host message with 重试', async () => {
    const host = new FakeHost();
    host.fail('loadSettings', '无法读取设置');
    const { user } = await renderPane({ host });
    await openTab(user, '规则');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无法读取设置');
    host.succeed('loadSettings');
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByText('当前规则：333 default')).toBeTruthy();
  });
});
