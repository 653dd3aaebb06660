/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { DEFAULT_PRESET } from '../core';
import { detectLanguage } from './index';
import { FakeHost } from './testing/fake-host';
import { openTab, renderPane } from './testing/render-pane';

describe('detectLanguage', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-cn', 'zh'],
    ['zh-TW', 'zh'],
    ['zh-Hans-CN', 'zh'],
    ['zh', 'zh'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['ja-JP', 'en'],
    ['ug-CN', 'en'],
  ] as const)('gives %p → %p', (display, expected) => {
    expect(detectLanguage(display)).toBe(expected);
  });
});

describe('the pane in English (display language not Chinese)', () => {
  it('labels the tabs, the mapping and the fields in English, with the Chinese field name beside it', async () => {
    await renderPane({ language: 'en' });
    const tabs = within(screen.getByRole('tablist', { name: 'Sections' }));
    for (const name of ['Ledger', 'Triage', 'Revisits', 'Rules', 'Summary']) expect(tabs.getByRole('tab', { name })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Columns and fields' });
    expect(within(table).getByRole('combobox', { name: 'Field for column B "受理日期"' }).textContent).toContain('Registered on (登记日期)');
    expect(screen.getByText('rows 3, 4')).toBeTruthy();
    expect(screen.getByText(/^Fields not found: Title \(事件名称\), /)).toBeTruthy();
  });

  it('reports a job in English, including the static-fill notice', async () => {
    const host = new FakeHost();
    host.report.staticFills = true;
    const { user } = await renderPane({ host, language: 'en' });
    await openTab(user, 'Triage');
    await user.click(screen.getByRole('button', { name: 'Triage and colour' }));
    const card = await screen.findByRole('region', { name: 'Triage done' });
    expect(within(card).getByText('42 disputes')).toBeTruthy();
    expect(within(card).getByText('Red 3')).toBeTruthy();
    expect(within(card).getByText('Revisits overdue')).toBeTruthy();
    expect(within(card).getByText(/no conditional formats \(ExcelApi 1\.6 is needed\)/)).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Go to 台账!B35' })).toBeTruthy();
  });

  it('shows host failures under an English title', async () => {
    const host = new FakeHost();
    host.fail('detect', 'No dispute ledger found in this workbook');
    await renderPane({ host, language: 'en' });
    const alert = await screen.findByRole('alert', { name: 'Not done' });
    expect(alert.textContent).toContain('No dispute ledger found in this workbook');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('asks for a selected row, and validates the revisit form, in English', async () => {
    const host = new FakeHost();
    const { user } = await renderPane({ host, language: 'en' });
    await openTab(user, 'Revisits');
    host.selected = null;
    await user.click(screen.getByRole('button', { name: 'Read the selected dispute' }));
    expect(await screen.findByText('Select a row of the ledger that holds a dispute first')).toBeTruthy();
    host.selected = { row: 7, label: '王某邻里纠纷', level: 'red', nextRevisit: null };
    await user.click(screen.getByRole('button', { name: 'Read the selected dispute' }));
    const form = await screen.findByRole('form', { name: 'Record a revisit' });
    expect(within(form).getByRole('radio', { name: 'Visit (上门)' })).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Record revisit' }));
    expect(within(form).getByText('Please fill in: Outcome')).toBeTruthy();
    expect(screen.getByText('Next revisit: none needed')).toBeTruthy();
  });

  it('names preset problems in English', async () => {
    const { user } = await renderPane({ language: 'en' });
    await openTab(user, 'Rules');
    await screen.findByText('Current rules: 333 default');
    const bad = { ...DEFAULT_PRESET, rules: [{ ...DEFAULT_PRESET.rules[0], level: 'orange' }] };
    await user.upload(screen.getByLabelText('Import JSON file'), new File([JSON.stringify(bad)], 'bad.json'));
    const alert = await screen.findByRole('alert', { name: 'The rules in the file have problems and were not imported' });
    expect(within(alert).getByText('rules[0].level: must be "red", "yellow" or "green"')).toBeTruthy();
  });

  it('asks before unmasking, in English', async () => {
    const { user } = await renderPane({ language: 'en' });
    await openTab(user, 'Summary');
    await user.click(screen.getByRole('switch', { name: 'Hide personal information (names, ID and phone numbers)' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Stop hiding personal information?' });
    expect(within(dialog).getByRole('button', { name: 'Keep hiding' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Show them anyway' })).toBeTruthy();
  });
});
