/**
 * The web page under test: rendered over a FakeRunner, with recorders for object URLs and saved
 * preset files, and the steps most tests take (open a ledger, run and wait for the result).
 */
import '../../ui/testing/dom-shims';
import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { DEFAULT_PRESET, type Language } from '../../core';
import type { ObjectUrls } from '../useWebApp';
import { WebApp } from '../WebApp';
import { FakeRunner } from './fake-runner';

export { accessibleName } from '../../ui/testing/accessible-name';

export const TODAY = '2026-11-30';

export interface PageUnderTest {
  runner: FakeRunner;
  user: UserEvent;
  urls: { created: { url: string; blob: Blob }[]; revoked: string[] };
  /** Preset files the page would have saved. */
  saved: { fileName: string; text: string }[];
}

export function renderPage(options: { runner?: FakeRunner; language?: Language; today?: string } = {}): PageUnderTest {
  const runner = options.runner ?? new FakeRunner();
  const urls: PageUnderTest['urls'] = { created: [], revoked: [] };
  const objectUrls: ObjectUrls = {
    create: (blob) => {
      const url = `blob:test/${urls.created.length + 1}`;
      urls.created.push({ url, blob });
      return url;
    },
    revoke: (url) => void urls.revoked.push(url),
  };
  const saved: PageUnderTest['saved'] = [];
  const user = userEvent.setup({ delay: null });
  render(
    <WebApp
      runner={runner}
      today={options.today ?? TODAY}
      language={options.language ?? 'zh'}
      objectUrls={objectUrls}
      saveTextFile={(fileName, text) => saved.push({ fileName, text })}
    />,
  );
  return { runner, user, urls, saved };
}

export const ledgerFile = (name = '十一月台账.xlsx') =>
  new File([new Uint8Array([80, 75, 3, 4])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

/** Chooses the ledger through the file input and waits for the mapping. */
export async function openLedger(page: PageUnderTest, file = ledgerFile()): Promise<HTMLElement> {
  await page.user.upload(screen.getByLabelText('台账文件（.xlsx 或 .xlsm）'), file);
  return screen.findByRole('table', { name: '列与字段的对应' });
}

/** The run button, looked for in its own section: quicker than in the whole page when the rule editor is open. */
export const runButton = () => within(screen.getByRole('region', { name: '4. 处理' })).getByRole('button', { name: '开始处理' });

export async function runAndWait(page: PageUnderTest): Promise<HTMLElement> {
  await page.user.click(runButton());
  await screen.findByRole('link', { name: /下载处理后的工作簿/ });
  return screen.getByRole('region', { name: '处理结果' });
}

/** A preset validatePreset accepts: the default with another name. */
export function validPreset(name: string) {
  return JSON.parse(JSON.stringify({ ...DEFAULT_PRESET, name }));
}
