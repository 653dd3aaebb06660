/** @jest-environment jsdom */
/**
 * The web page's rule editor: the task pane's editor (word classes, exclusions, negations,
 * thresholds) on the page, whose edited rules are what a run uses. A file of its own: with the
 * editor's hundred-odd controls on the page, jsdom works harder for every later test.
 */
import { screen, within } from '@testing-library/react';
import { DEFAULT_PRESET, validatePreset, type Language, type TriagePreset } from '../core';
import { tabTo, typeAtEnd } from '../ui/testing/keyboard';
import { accessibleName, openLedger, renderPage, runAndWait, runButton, validPreset, type PageUnderTest } from './testing/render-page';

/** A class's label as the page shows it; read from the preset, whose wording the core's owners refine. */
const classLabel = (name: string, language: Language = 'zh') => DEFAULT_PRESET.classes[name].label[language];
const WEAPONS = classLabel('weapon');

/** A button of the rules' own row (choose a file, edit, export, back to the default). */
const presetButton = (name: string, group = '分级规则') => within(screen.getByRole('group', { name: group })).getByRole('button', { name });

/** Opens the rule editor (unless open) and a word class in it; gives the class's group of inputs. */
async function openClass(page: PageUnderTest, label: string, language: Language = 'zh'): Promise<HTMLElement> {
  const edit = language === 'zh' ? presetButton('编辑规则') : presetButton('Edit the rules', 'Triage rules');
  if (edit.getAttribute('aria-expanded') !== 'true') await page.user.click(edit);
  const classes = screen.getByRole('region', { name: language === 'zh' ? '词类' : 'Word classes' });
  await page.user.click(within(classes).getByRole('button', { name: label }));
  return within(classes).findByRole('group', { name: label });
}

/** The rules the last run was given; undefined for the default rules, as the command without --rules. */
const presetRun = (page: PageUnderTest) => page.runner.callsTo('run').at(-1)!.options.presetJson as TriagePreset | undefined;

describe('web page: editing the rules', () => {
  // First in the file: each Tab makes jsdom restyle the page, slower with every result shown before.
  it('works with the keyboard only: open the editor and a class, add a word, run', async () => {
    const page = renderPage();
    await openLedger(page);
    await tabTo(page.user, presetButton('编辑规则'));
    await page.user.keyboard('{Enter}');
    await tabTo(page.user, within(screen.getByRole('region', { name: '词类' })).getByRole('button', { name: WEAPONS }));
    await page.user.keyboard('{Enter}');
    const words = await screen.findByRole('textbox', { name: `${WEAPONS}：词语` });
    await tabTo(page.user, words);
    await page.user.keyboard('{Control>}{End}{/Control}、铁家伙');
    await tabTo(page.user, runButton(), 80);
    await page.user.keyboard('{Enter}');
    await screen.findByRole('link', { name: /下载处理后的工作簿/ });
    expect(presetRun(page)!.classes.weapon.words).toEqual([...DEFAULT_PRESET.classes.weapon.words, '铁家伙']);
  });

  it.each([
    { name: 'weapon', word: '铁家伙', exclusion: '刀削面馆' },
    { name: 'selfHarm', word: '喝耗子药', exclusion: '跳楼机' },
  ])('adds $word and the exclusion $exclusion to the class $name: the run uses the edited rules', async ({ name, word, exclusion }) => {
    const before = DEFAULT_PRESET.classes[name];
    expect(before.words).not.toContain(word);
    const page = renderPage();
    await openLedger(page);
    const label = classLabel(name);
    const group = await openClass(page, label);
    await typeAtEnd(page.user, within(group).getByRole('textbox', { name: `${label}：词语` }), `、${word}`);
    await typeAtEnd(page.user, within(group).getByRole('textbox', { name: `${label}：排除的说法` }), `\n${exclusion}`);
    expect(screen.getByText('默认规则（333 机制）')).toBeTruthy();
    expect(screen.getByText('规则已修改：处理时按修改后的规则分级。')).toBeTruthy();
    await runAndWait(page);

    const preset = presetRun(page)!;
    expect(preset.classes[name]).toEqual({ ...before, words: [...before.words, word], exclude: [...(before.exclude ?? []), exclusion] });
    expect({ ...preset, classes: { ...preset.classes, [name]: before } }).toEqual(DEFAULT_PRESET);
    expect(() => validatePreset(preset)).not.toThrow();
  });

  it('the exclusions and negations for every class reach the run', async () => {
    const page = renderPage();
    await openLedger(page);
    await page.user.click(presetButton('编辑规则'));
    await typeAtEnd(page.user, screen.getByRole('textbox', { name: '排除的说法' }), '、刀削面馆');
    await typeAtEnd(page.user, screen.getByRole('textbox', { name: '否定词' }), '，未曾见');
    await runAndWait(page);
    expect(presetRun(page)!.exclusions).toEqual([...DEFAULT_PRESET.exclusions, '刀削面馆']);
    expect(presetRun(page)!.negations).toEqual([...DEFAULT_PRESET.negations, '未曾见']);
  });

  it('an emptied class stops the run with the message on its field, opening the closed editor; corrected, the run goes', async () => {
    const page = renderPage();
    await openLedger(page);
    const words = within(await openClass(page, WEAPONS)).getByRole('textbox', { name: `${WEAPONS}：词语` });
    await page.user.clear(words);
    await page.user.click(presetButton('编辑规则'));
    expect(screen.queryByRole('region', { name: '词类' })).toBeNull();
    await page.user.click(runButton());

    const alert = await screen.findByRole('alert', { name: '修改后的规则有误，未采用；请按提示改正' });
    expect(within(alert).getByText('classes.weapon.words：应为非空文字组成的非空列表')).toBeTruthy();
    expect(presetButton('编辑规则').getAttribute('aria-expanded')).toBe('true');
    const group = within(screen.getByRole('region', { name: '词类' })).getByRole('group', { name: WEAPONS });
    expect(within(group).getByRole('textbox', { name: `${WEAPONS}：词语` }).getAttribute('aria-invalid')).toBe('true');
    expect(within(group).getByText('应为非空文字组成的非空列表')).toBeTruthy();
    expect(page.runner.callsTo('run')).toEqual([]);

    await page.user.type(within(group).getByRole('textbox', { name: `${WEAPONS}：词语` }), '菜刀、铁家伙');
    await runAndWait(page);
    expect(presetRun(page)!.classes.weapon.words).toEqual(['菜刀', '铁家伙']);
    expect(screen.queryByRole('alert', { name: '修改后的规则有误，未采用；请按提示改正' })).toBeNull();
  });

  it('exports the edited rules as version-2 JSON; invalid edits export nothing', async () => {
    const page = renderPage();
    const words = within(await openClass(page, WEAPONS)).getByRole('textbox', { name: `${WEAPONS}：词语` });
    await typeAtEnd(page.user, words, '、铁家伙');
    await page.user.click(presetButton('导出 JSON 文件'));
    expect(page.saved.map((f) => f.fileName)).toEqual(['333 default.json']);
    const exported = validatePreset(JSON.parse(page.saved[0].text));
    expect(exported.version).toBe(2);
    expect(exported.classes.weapon.words.at(-1)).toBe('铁家伙');
    expect(screen.getByText('已导出 333 default.json')).toBeTruthy();

    await page.user.clear(words);
    await page.user.click(presetButton('导出 JSON 文件'));
    expect((await screen.findByRole('alert', { name: '修改后的规则有误，未采用；请按提示改正' })).textContent).toContain('classes.weapon.words');
    expect(page.saved).toHaveLength(1);
  });

  it('a chosen file far larger than any preset is refused by its size, unread', async () => {
    const page = renderPage();
    await openLedger(page);
    const film = new File(['{}'], '录像.json', { type: 'application/json' });
    Object.defineProperty(film, 'size', { value: 20 * 1024 * 1024 });
    await page.user.upload(screen.getByLabelText('规则预设文件（JSON）'), film);
    expect((await screen.findByRole('alert')).textContent).toContain('“录像.json”有 20 MB，不是规则预设文件（默认预设约 60 KB，上限 4 MB）；请选择导出的 .json 规则文件');
    expect(screen.getByText('默认规则（333 机制）')).toBeTruthy();
  });

  it('a chosen file is edited in turn; 改用默认规则 drops the file and the edits', async () => {
    const page = renderPage();
    await openLedger(page);
    await page.user.upload(screen.getByLabelText('规则预设文件（JSON）'), new File([JSON.stringify(validPreset('我县预设'))], '我县.json', { type: 'application/json' }));
    expect(await screen.findByText('“我县.json”：我县预设')).toBeTruthy();
    const words = within(await openClass(page, WEAPONS)).getByRole('textbox', { name: `${WEAPONS}：词语` });
    await typeAtEnd(page.user, words, '、铁家伙');
    await runAndWait(page);
    expect(presetRun(page)!.name).toBe('我县预设');
    expect(presetRun(page)!.classes.weapon.words.at(-1)).toBe('铁家伙');

    await page.user.click(presetButton('改用默认规则'));
    expect(screen.getByText('默认规则（333 机制）')).toBeTruthy();
    expect(screen.queryByText('规则已修改：处理时按修改后的规则分级。')).toBeNull();
    const shown = within(screen.getByRole('region', { name: '词类' })).getByRole('textbox', { name: `${WEAPONS}：词语` }) as HTMLTextAreaElement;
    expect(shown.value.split('、')).toEqual(DEFAULT_PRESET.classes.weapon.words);
    expect(document.activeElement).toBe(presetButton('选择规则预设（JSON 文件）…'));
    await runAndWait(page);
    expect(presetRun(page)).toBeUndefined();
  });

  it('names every control of the editor, the new boxes by their class', async () => {
    const page = renderPage();
    await openClass(page, WEAPONS);
    await page.user.click(within(screen.getByRole('region', { name: '规则' })).getByRole('button', { name: /涉及多人/ }));
    for (const name of [`${WEAPONS}：词语`, `${WEAPONS}：排除的说法`, '排除的说法', '否定词']) expect(screen.getByRole('textbox', { name })).toBeTruthy();
    for (const name of ['涉及人数 下限', '涉及人数 上限', '红', '黄', '绿']) expect(screen.getByRole('spinbutton', { name })).toBeTruthy();
    const controls = Array.from(document.querySelectorAll('button, input, select, textarea, [role="combobox"]'));
    expect(controls.filter((el) => !accessibleName(el as HTMLElement)).map((el) => el.outerHTML.slice(0, 120))).toEqual([]);
  });

  it('is in English after switching language', async () => {
    const page = renderPage();
    await page.user.click(screen.getByRole('button', { name: 'English' }));
    const weapons = classLabel('weapon', 'en');
    const group = await openClass(page, weapons, 'en');
    expect(within(group).getByRole('textbox', { name: `${weapons}: words` })).toBeTruthy();
    expect(within(group).getByRole('textbox', { name: `${weapons}: phrases to exclude` })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Phrases to exclude' })).toBeTruthy();
    expect(presetButton('Export JSON file', 'Triage rules')).toBeTruthy();
  });
});
