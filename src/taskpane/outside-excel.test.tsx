/** @jest-environment jsdom */
/**
 * The page around the pane outside Excel (src/taskpane/outside): the file chooser as a Fluent
 * button, and the box that selects a cell or row of the in-memory workbook, since there is no grid
 * to click. The workbook is the real in-memory one (FakeWorkbook) with the real selection code;
 * the pane's host is the fake one.
 */
import '../ui/testing/dom-shims';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeWorkbook } from '../hosts/inbrowser/fake-workbook';
import { readSelection, selectReference } from '../hosts/inbrowser/selection';
import type { Language } from '../core';
import { OutsideExcel, type OutsideSession } from './outside/OutsideExcel';
import { FakeHost } from './testing/fake-host';
import { tabTo } from './testing/render-pane';

/** A session over a small workbook; `elsewhere` selects as the pane's own links would (then notifies). */
function session() {
  const workbook = FakeWorkbook.fromSheets([
    { name: '矛盾纠纷台账', values: [['序号', '登记日期'], [1, '2026-02-30']] },
    { name: '联席会议汇总', values: [['指标', '本期'], ['排查数', 56]] },
  ]);
  const listeners = new Set<() => void>();
  const s: OutsideSession = {
    host: new FakeHost(),
    selection: () => readSelection(workbook),
    select: (reference) => {
      const result = selectReference(workbook, reference);
      listeners.forEach((l) => l());
      return result;
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const elsewhere = (sheet: string, address: string) => {
    workbook.sheet(sheet).selection = address;
    workbook.activeSheetId = workbook.sheet(sheet).id;
    listeners.forEach((l) => l());
  };
  return { session: s, workbook, elsewhere };
}

/** A file of ASCII `content` (File.arrayBuffer is missing from jsdom). */
function file(content: string, name: string): File {
  const f = new File([content], name);
  Object.defineProperty(f, 'arrayBuffer', { value: async () => Uint8Array.from(content, (c) => c.charCodeAt(0)).buffer });
  return f;
}

async function openLedger(language: Language = 'zh') {
  const opened = session();
  const user = userEvent.setup({ delay: null });
  render(<OutsideExcel language={language} today={() => '2026-11-30'} open={async () => opened.session} />);
  await user.upload(screen.getByLabelText('选择台账文件 / Open a ledger file'), file('PK', '台账.xlsx'));
  await screen.findByRole('tab', { name: language === 'zh' ? '检测' : 'Ledger' });
  return { ...opened, user };
}

describe('outside Excel: selecting a cell or row of the in-memory workbook', () => {
  it('selects a row typed as its number, and says what is selected', async () => {
    const { user, workbook } = await openLedger();
    expect(screen.getByText('当前选中：矛盾纠纷台账!A1，内容：序号')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '选中单元格或行' }), '2');
    await user.click(screen.getByRole('button', { name: '选中' }));
    expect(screen.getByText('当前选中：矛盾纠纷台账!2:2')).toBeTruthy();
    expect(workbook.sheet('矛盾纠纷台账').selection).toBe('2:2');
  });

  it('works from the keyboard: Tab to the box, type a cell on another sheet, Enter', async () => {
    const { user, workbook } = await openLedger();
    const box = screen.getByRole('textbox', { name: '选中单元格或行' });
    await tabTo(user, box);
    await user.keyboard('联席会议汇总!B2{Enter}');
    expect(screen.getByText('当前选中：联席会议汇总!B2，内容：56')).toBeTruthy();
    expect(workbook.activeSheet?.name).toBe('联席会议汇总');
  });

  it('says why nothing was selected', async () => {
    const { user } = await openLedger();
    const box = screen.getByRole('textbox', { name: '选中单元格或行' });
    await user.type(box, '第二行{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('“第二行”不是单元格或行号，请输入如 B35、35 或 联席会议汇总!B6');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    await user.clear(box);
    await user.type(box, '回访记录!A2{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('没有名为“回访记录”的工作表');
    expect(screen.getByText('当前选中：矛盾纠纷台账!A1，内容：序号')).toBeTruthy();
  });

  it('follows a selection made elsewhere (the result card’s links select cells too)', async () => {
    const { elsewhere } = await openLedger();
    act(() => elsewhere('矛盾纠纷台账', 'B2'));
    await waitFor(() => expect(screen.getByText('当前选中：矛盾纠纷台账!B2，内容：2026-02-30')).toBeTruthy());
  });

  it('in English', async () => {
    const { user } = await openLedger('en');
    expect(screen.getByRole('button', { name: 'Open another ledger file…' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Select a cell or row' }), 'C5{Enter}');
    expect(screen.getByText('Selected: 矛盾纠纷台账!C5 (empty cell)')).toBeTruthy();
  });
});

describe('outside Excel: the file chooser', () => {
  it('is a button in the page’s language that opens the labelled file input, and is reached by keyboard', async () => {
    const user = userEvent.setup({ delay: null });
    render(<OutsideExcel language="zh" today={() => '2026-11-30'} open={async () => session().session} />);
    const input = screen.getByLabelText('选择台账文件 / Open a ledger file') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.tabIndex).toBe(-1);
    const clicks: Event[] = [];
    input.addEventListener('click', (e) => {
      clicks.push(e);
      e.preventDefault();
    });
    const button = screen.getByRole('button', { name: '选择台账文件…' });
    await tabTo(user, button);
    await user.keyboard('{Enter}');
    expect(clicks).toHaveLength(1);
  });
});
