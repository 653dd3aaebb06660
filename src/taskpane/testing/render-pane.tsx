import '../../ui/testing/dom-shims';
import { render, screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { Language } from '../../core';
import { TaskPane } from '../index';
import { FakeHost } from './fake-host';

/** The date every pane test runs on. */
export const TODAY = '2026-05-21';

export interface PaneUnderTest {
  host: FakeHost;
  user: UserEvent;
  /** Files the pane would have saved, by the injected saveTextFile. */
  saved: { fileName: string; text: string }[];
}

/** Renders the pane over a fake host (given, or a fresh one) and waits for the ledger to show. */
export async function renderPane(options: { host?: FakeHost; language?: Language; today?: string } = {}): Promise<PaneUnderTest> {
  const host = options.host ?? new FakeHost();
  const saved: PaneUnderTest['saved'] = [];
  // No pause between keystrokes: the pane does not debounce, and it keeps the suite fast.
  const user = userEvent.setup({ delay: null });
  render(
    <TaskPane
      host={host}
      language={options.language ?? 'zh'}
      today={options.today ?? TODAY}
      saveTextFile={(fileName, text) => saved.push({ fileName, text })}
    />,
  );
  return { host, user, saved };
}

/** Opens a section by its tab, with the mouse. */
export async function openTab(user: UserEvent, name: string): Promise<void> {
  await user.click(screen.getByRole('tab', { name }));
}

export { tabTo } from '../../ui/testing/keyboard';
