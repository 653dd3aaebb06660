/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { DEFAULT_PRESET, validatePreset, type Condition, type NumericField, type TriagePreset } from '../core';
import type { AddinSettings } from '../addin/host';
import { FakeHost } from './testing/fake-host';
import { typeAtEnd } from '../ui/testing/keyboard';
import { openTab, renderPane, tabTo } from './testing/render-pane';

const presetFile = (json: unknown, name = 'county.json') =>
  new File([typeof json === 'string' ? json : JSON.stringify(json)], name, { type: 'application/json' });

async function openRules(options: Parameters<typeof renderPane>[0] = {}) {
  const pane = await renderPane(options);
  await openTab(pane.user, '规则');
  await screen.findByText('当前规则：333 default');
  return pane;
}

const clone = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** A class's label as the pane shows it; read from the preset, whose wording the core's owners refine. */
const classLabel = (name: string, language: 'zh' | 'en' = 'zh') => DEFAULT_PRESET.classes[name].label[language];
/** The weapons class, where a county's dialect words for its tools go. */
const WEAPONS = classLabel('weapon');
const ruleIndex = (id: string) => DEFAULT_PRESET.rules.findIndex((r) => r.id === id);
const ruleWhen = (preset: TriagePreset, id: string) => preset.rules.find((r) => r.id === id)!.when;

/** The default preset with one rule's condition replaced, as a county's file might have it. */
function presetWithRule(id: string, when: Condition): TriagePreset {
  const preset = clone(DEFAULT_PRESET);
  preset.rules[ruleIndex(id)].when = when;
  return preset;
}
/** 敏感类型 as a version-1 file writes it: a keyword list, not a word class. */
const SENSITIVE_KEYWORDS: Condition = { keywords: ['土地', '山林', '宅基地', '征地', '拆迁'], fields: ['type', 'title', 'description'] };

/** Opens a rule's accordion item (in the 规则 list, not the 词类 one) and gives its group of inputs. */
async function openRule(user: UserEvent, label: string) {
  await user.click(within(screen.getByRole('region', { name: '规则' })).getByRole('button', { name: new RegExp(label) }));
  return within(screen.getByRole('region', { name: '规则' })).findByRole('group', { name: label });
}

/** Opens a word class's accordion item and gives its group of inputs. */
async function openClass(user: UserEvent, label: string) {
  await user.click(within(screen.getByRole('region', { name: '词类' })).getByRole('button', { name: label }));
  return within(screen.getByRole('region', { name: '词类' })).findByRole('group', { name: label });
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
  it('shows the loaded preset: cadence per level and each rule with its values and the word classes it reads', async () => {
    const host = new FakeHost();
    host.settings.preset = presetWithRule('red.violence', {
      any: [
        { together: ['threatVerb', 'harmAct'], unless: ['plants', 'animals'] },
        { together: ['weaponUse', 'weapon'], clauses: 1, unless: ['trade', 'plants'] },
      ],
    });
    const { user } = await openRules({ host });
    const cadence = screen.getByRole('group', { name: '回访周期（天）' });
    expect((within(cadence).getByRole('spinbutton', { name: '红' }) as HTMLInputElement).value).toBe('1');
    expect((within(cadence).getByRole('spinbutton', { name: '黄' }) as HTMLInputElement).value).toBe('7');
    expect((within(cadence).getByRole('spinbutton', { name: '绿' }) as HTMLInputElement).value).toBe('30');
    const amount = await openRule(user, '涉及金额较大');
    expect((within(amount).getByRole('spinbutton', { name: '涉及金额（元） 下限' }) as HTMLInputElement).value).toBe('30000');
    expect((within(amount).getByRole('spinbutton', { name: '涉及金额（元） 上限' }) as HTMLInputElement).value).toBe('');
    const violence = await openRule(user, '人身安全威胁');
    // Each class once, in the order the conditions name them; labels joined by ； (a label may hold 、).
    const uses = ['threatVerb', 'harmAct', 'weaponUse', 'weapon'].map((n) => classLabel(n));
    expect(within(violence).getByText(`用到的词类：${uses.join('；')}`)).toBeTruthy();
    const unless = ['plants', 'animals', 'trade'].map((n) => classLabel(n));
    expect(within(violence).getByText(`同一分句中还有以下词类时不算：${unless.join('；')}`)).toBeTruthy();
    const sensitive = await openRule(user, '敏感类型');
    expect(within(sensitive).getByText(`用到的词类：${classLabel('sensitiveType')}`)).toBeTruthy();
    expect(within(sensitive).queryByRole('textbox')).toBeNull();
    expect(host.callsTo('loadSettings')).toHaveLength(1);
  });

  it('a rule that is a regular expression only says to edit it as JSON', async () => {
    const host = new FakeHost();
    host.settings.preset = presetWithRule('yellow.petition', { pattern: '上访|信访' });
    const { user } = await openRules({ host });
    const petition = await openRule(user, '涉信访');
    expect(within(petition).getByText('这条规则只含正则表达式，请导出 JSON 文件修改后再导入。')).toBeTruthy();
  });

  it('saves edited thresholds, keywords (comma or 、 separated) and cadence, keeping the other settings', async () => {
    const host = new FakeHost();
    host.settings.preset = presetWithRule('yellow.sensitiveType', SENSITIVE_KEYWORDS);
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
    expect(ruleWhen(saved.preset, 'yellow.sensitiveType')).toEqual({
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
    expect(alert.textContent).toContain(`rules[${ruleIndex('yellow.headcount')}].when：需要 min 或 max`);
    // The condition's problem shows under its bounds.
    expect(within(headcount).getByText('需要 min 或 max')).toBeTruthy();
    expect(host.callsTo('saveSettings')).toHaveLength(1);
  });

  it('refuses to save an emptied keyword list, naming the path, and shows it on the field', async () => {
    const host = new FakeHost();
    host.settings.preset = presetWithRule('yellow.sensitiveType', SENSITIVE_KEYWORDS);
    const { user } = await openRules({ host });
    const sensitive = await openRule(user, '敏感类型');
    await user.clear(within(sensitive).getByRole('textbox', { name: '关键词' }));
    await user.click(screen.getByRole('button', { name: '保存规则' }));
    const alert = await screen.findByRole('alert', { name: '规则有误，未保存' });
    expect(within(alert).getByText(`rules[${ruleIndex('yellow.sensitiveType')}].when.keywords：应为非空文字组成的非空列表`)).toBeTruthy();
    expect(within(sensitive).getByText('应为非空文字组成的非空列表')).toBeTruthy();
    expect(host.callsTo('saveSettings')).toEqual([]);
  });

  it('opens a closed rule that has a problem so its message is seen', async () => {
    const host = new FakeHost();
    host.settings.preset = presetWithRule('yellow.sensitiveType', SENSITIVE_KEYWORDS);
    const { user } = await openRules({ host });
    const rules = screen.getByRole('region', { name: '规则' });
    const header = within(rules).getByRole('button', { name: /敏感类型/ });
    await user.click(header);
    await user.clear(within(await within(rules).findByRole('group', { name: '敏感类型' })).getByRole('textbox', { name: '关键词' }));
    await user.click(header);
    expect(within(rules).queryByRole('group', { name: '敏感类型' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '保存规则' }));
    const group = await within(rules).findByRole('group', { name: '敏感类型' });
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

  it('import of a file far larger than any preset says so, by its size, and does not read it', async () => {
    const { user } = await openRules();
    const film = new File(['{}'], '录像.json');
    Object.defineProperty(film, 'size', { value: 20 * 1024 * 1024 });
    await user.upload(screen.getByLabelText('导入 JSON 文件'), film);
    expect((await screen.findByRole('alert')).textContent).toBe('“录像.json”有 20 MB，不是规则预设文件（默认预设约 60 KB，上限 4 MB）；请选择导出的 .json 规则文件');
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
    expect(preset.version).toBe(2);
    expect(numberCondition(preset, 'yellow.repeatFailure', 'policeCalls')).toEqual({ ...(numberCondition(DEFAULT_PRESET, 'yellow.repeatFailure', 'policeCalls') as object), max: 6 });
    expect(screen.getByText('已导出 333 default.json')).toBeTruthy();
  });

  it('export of an invalid edit saves nothing and names the problem', async () => {
    const { user, saved } = await openRules();
    const headcount = await openRule(user, '涉及多人');
    const max = within(headcount).getByRole('spinbutton', { name: '涉及人数 上限' });
    await user.clear(max);
    await user.type(max, '2');
    await user.click(screen.getByRole('button', { name: '导出 JSON 文件' }));
    expect((await screen.findByRole('alert', { name: '规则有误，未保存' })).textContent).toContain(`rules[${ruleIndex('yellow.headcount')}].when：min 不能大于 max`);
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
    await tabTo(user, screen.getByRole('button', { name: '保存规则' }), 80);
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

describe('规则: word classes, exclusions and negations', () => {
  it.each([
    { name: 'weapon', word: '铁家伙', exclusion: '刀削面馆', withoutExclusions: false },
    { name: 'selfHarm', word: '喝耗子药', exclusion: '跳楼机', withoutExclusions: false },
    // A class written without exclusions gets the list when one is typed.
    { name: 'weapon', word: '洋镐柄', exclusion: '刀削面馆', withoutExclusions: true },
  ])('adds a local word ($word) and an exclusion ($exclusion) to the class $name; saving stores both', async ({ name, word, exclusion, withoutExclusions }) => {
    const host = new FakeHost();
    const before = host.settings.preset.classes[name];
    if (withoutExclusions) delete before.exclude;
    expect(before.words).not.toContain(word);
    const { user } = await openRules({ host });
    const label = classLabel(name);
    const group = await openClass(user, label);
    await typeAtEnd(user, within(group).getByRole('textbox', { name: `${label}：词语` }), `、${word}`);
    await typeAtEnd(user, within(group).getByRole('textbox', { name: `${label}：排除的说法` }), `，${exclusion}`);
    await user.click(screen.getByRole('button', { name: '保存规则' }));
    await screen.findByText('规则已保存。重新运行“一键分级上色”后生效。');

    const [[saved]] = host.callsTo('saveSettings') as [[AddinSettings]];
    expect(saved.preset.classes[name]).toEqual({ ...before, words: [...before.words, word], exclude: [...(before.exclude ?? []), exclusion] });
    const others = (p: TriagePreset) => Object.entries(p.classes).filter(([n]) => n !== name);
    expect(others(saved.preset)).toEqual(others(DEFAULT_PRESET));
    expect(() => validatePreset(saved.preset)).not.toThrow();
  });

  it.each([
    { label: '排除的说法', key: 'exclusions', word: '刀削面馆' },
    { label: '否定词', key: 'negations', word: '未曾见' },
    { label: '否认前文的说法', key: 'retractions', word: '纯属捏造' },
  ] as const)('adds $word to $label, the list for every class', async ({ label, key, word }) => {
    const { host, user } = await openRules();
    await typeAtEnd(user, screen.getByRole('textbox', { name: label }), `\n${word}`);
    await user.click(screen.getByRole('button', { name: '保存规则' }));
    await screen.findByText('规则已保存。重新运行“一键分级上色”后生效。');
    const [[saved]] = host.callsTo('saveSettings') as [[AddinSettings]];
    expect(saved.preset[key]).toEqual([...(DEFAULT_PRESET[key] ?? []), word]);
  });

  it('an emptied class is refused with the message on its field, and its closed item opens to show it', async () => {
    const { host, user } = await openRules();
    const classes = screen.getByRole('region', { name: '词类' });
    const header = within(classes).getByRole('button', { name: WEAPONS });
    await user.click(header);
    await user.clear(within(await within(classes).findByRole('group', { name: WEAPONS })).getByRole('textbox', { name: `${WEAPONS}：词语` }));
    await user.click(header);
    expect(within(classes).queryByRole('group', { name: WEAPONS })).toBeNull();
    await user.click(screen.getByRole('button', { name: '保存规则' }));

    const alert = await screen.findByRole('alert', { name: '规则有误，未保存' });
    expect(within(alert).getByText('classes.weapon.words：应为非空文字组成的非空列表')).toBeTruthy();
    const group = await within(classes).findByRole('group', { name: WEAPONS });
    const words = within(group).getByRole('textbox', { name: `${WEAPONS}：词语` });
    expect(words.getAttribute('aria-invalid')).toBe('true');
    expect(within(group).getByText('应为非空文字组成的非空列表')).toBeTruthy();
    expect(host.callsTo('saveSettings')).toEqual([]);
  });

  it('export writes version 2 with the edited class; a version-1 file is imported converted', async () => {
    const { user, saved } = await openRules();
    await typeAtEnd(user, within(await openClass(user, WEAPONS)).getByRole('textbox', { name: `${WEAPONS}：词语` }), '、铁家伙');
    await user.click(screen.getByRole('button', { name: '导出 JSON 文件' }));
    const exported = JSON.parse(saved[0].text) as TriagePreset;
    expect(exported.version).toBe(2);
    expect(exported.classes.weapon.words.at(-1)).toBe('铁家伙');

    const firstRule = DEFAULT_PRESET.rules[0];
    const version1 = { ...clone(DEFAULT_PRESET), version: 1, name: '旧版规则', rules: [{ ...firstRule, when: { keywords: ['持刀', '扬言'] } }] };
    delete (version1 as Partial<TriagePreset>).classes;
    await user.upload(screen.getByLabelText('导入 JSON 文件'), presetFile(version1, 'old.json'));
    await screen.findByText('当前规则：旧版规则');
    expect(screen.getByText('这套规则没有词类：旧格式的关键词在上面各条规则中修改。')).toBeTruthy();
    const rule = await openRule(user, firstRule.label.zh);
    expect((within(rule).getByRole('textbox', { name: '关键词' }) as HTMLTextAreaElement).value).toBe('持刀、扬言');
    await user.click(screen.getByRole('button', { name: '导出 JSON 文件' }));
    expect(JSON.parse(saved[1].text).version).toBe(2);
  });

  it('works with the keyboard only: open a class with Enter, add a word, save with Enter', async () => {
    const { host, user } = await openRules();
    await tabTo(user, within(screen.getByRole('region', { name: '词类' })).getByRole('button', { name: WEAPONS }));
    await user.keyboard('{Enter}');
    const words = within(await screen.findByRole('group', { name: WEAPONS })).getByRole('textbox', { name: `${WEAPONS}：词语` });
    await tabTo(user, words);
    await user.keyboard('{Control>}{End}{/Control}、铁家伙');
    await tabTo(user, screen.getByRole('button', { name: '保存规则' }), 80);
    await user.keyboard('{Enter}');
    await screen.findByText('规则已保存。重新运行“一键分级上色”后生效。');
    const [[saved]] = host.callsTo('saveSettings') as [[AddinSettings]];
    expect(saved.preset.classes.weapon.words).toEqual([...DEFAULT_PRESET.classes.weapon.words, '铁家伙']);
  });

  it('names every input of the editor, the new ones by their class', async () => {
    const { user } = await openRules();
    await openRule(user, '涉及多人');
    await openClass(user, WEAPONS);
    for (const name of [`${WEAPONS}：词语`, `${WEAPONS}：排除的说法`, '排除的说法', '否定词', '否认前文的说法']) expect(screen.getByRole('textbox', { name })).toBeTruthy();
    for (const name of ['涉及人数 下限', '涉及人数 上限', '红', '黄', '绿']) expect(screen.getByRole('spinbutton', { name })).toBeTruthy();
    // And nothing else goes unnamed.
    const section = screen.getByRole('region', { name: '分级规则' });
    for (const role of ['textbox', 'spinbutton', 'button'] as const)
      expect(within(section).getAllByRole(role, { name: /\S/ })).toHaveLength(within(section).getAllByRole(role).length);
  });

  it('labels the class fields and the classes a rule reads in English', async () => {
    const { user } = await renderPane({ language: 'en' });
    await openTab(user, 'Rules');
    await screen.findByText('Current rules: 333 default');
    const classes = screen.getByRole('region', { name: 'Word classes' });
    const weapons = classLabel('weapon', 'en');
    await user.click(within(classes).getByRole('button', { name: weapons }));
    expect(await within(classes).findByRole('textbox', { name: `${weapons}: words` })).toBeTruthy();
    expect(within(classes).getByRole('textbox', { name: `${weapons}: phrases to exclude` })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Phrases to exclude' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Negations' })).toBeTruthy();
    const rules = screen.getByRole('region', { name: 'Rules' });
    await user.click(within(rules).getByRole('button', { name: /Sensitive type/ }));
    expect(await within(rules).findByText(`Word classes used: ${classLabel('sensitiveType', 'en')}`)).toBeTruthy();
  });
});
