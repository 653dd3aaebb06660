/**
 * Every table of user-facing text has the one catalogue shape (per key, Chinese and English, with
 * `{name}` placeholders): each key must say something in both languages, and both languages must
 * ask for the same placeholders, so no caller can fill one and leave the other showing `{name}`.
 * That every placeholder is given a value is checked as the whole suite runs: test/support/
 * jest-setup.ts makes `fill` throw on one left empty.
 */
import { CATALOGUE, DUE_LIST_LABELS, FIELD_LABELS, LABELS, placeholdersOf, PRESET_PROBLEMS, REASON_TEXTS, type Catalogue } from '../../src/core';
import { CLI_MESSAGES } from '../../src/cli/messages';
import PAGE_MESSAGES from '../../src/ui/page-messages.json';
import { FIELD_TITLES, UI_MESSAGES } from '../../src/ui';
import { WEB_MESSAGES } from '../../src/web/messages';
import { OUTSIDE_MESSAGES } from '../../src/taskpane/outside/messages';
import { COMMAND_MESSAGES } from '../../src/commands/messages';
import { LEGACY_MESSAGES } from '../../src/commands/legacy-messages';
import { DIALOG_MESSAGES } from '../../src/dialog/messages';

const CATALOGUES: [string, Catalogue][] = [
  ['core messages (src/core/messages/catalogue.ts)', CATALOGUE],
  ['summary labels (src/core/summary/labels.ts)', LABELS],
  ['due-list labels (src/core/schedule/render-due-list.ts)', DUE_LIST_LABELS],
  ['the command (src/cli/messages.ts)', CLI_MESSAGES],
  ['field labels (src/core/ledger/fields.ts)', FIELD_LABELS],
  ['preset problems (src/core/rules/problems.ts)', PRESET_PROBLEMS],
  ['the words of triage reasons (src/core/rules/reason-texts.ts)', REASON_TEXTS],
  ['the task pane and what the page shares with it (src/ui/messages.ts)', UI_MESSAGES],
  ['field names as the pane and the page show them (src/ui/phrases.ts)', FIELD_TITLES],
  ['the web page (src/web/messages.ts)', WEB_MESSAGES],
  ['the pane outside Excel (src/taskpane/outside/messages.ts)', OUTSIDE_MESSAGES],
  ['the ribbon commands (src/commands/messages.ts)', COMMAND_MESSAGES],
  ['the commands where the add-in cannot run (src/commands/legacy-messages.ts)', LEGACY_MESSAGES],
  ['the message dialog (src/dialog/messages.ts)', DIALOG_MESSAGES],
  ['the pages before any script runs (src/ui/page-messages.json)', PAGE_MESSAGES],
];

describe.each(CATALOGUES)('%s', (_name, catalogue) => {
  const entries = Object.entries(catalogue);

  it('has entries', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it.each(entries)('%s says something in Chinese and in English', (_key, text) => {
    expect(typeof text.zh).toBe('string');
    expect(typeof text.en).toBe('string');
    expect(text.zh.trim()).not.toBe('');
    expect(text.en.trim()).not.toBe('');
  });

  it.each(entries)('%s asks for the same placeholders in both languages', (key, text) => {
    const en = new Set(placeholdersOf(text.en));
    const zh = new Set(placeholdersOf(text.zh));
    // The one deliberate difference: English names the month where Chinese numbers it.
    if (key === 'date.nonexistent') {
      en.delete('monthName');
      zh.delete('month');
    }
    expect(en).toEqual(zh);
  });
});
