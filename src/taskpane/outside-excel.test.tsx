/** @jest-environment jsdom */
/**
 * The page around the pane outside Excel (src/taskpane/outside): the file chooser as a Fluent
 * button, the box that selects a cell or row of the open workbook, since there is no grid to click,
 * and the download of the changed workbook. References are read by the file host's own code
 * (resolveReference); the cells are a small table, and the pane's host is the fake one.
 */
import '../ui/testing/dom-shims';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WorkbookSelection } from '../addin/selection';
import { resolveReference } from '../hosts/file-addin/selection';
import type { Language } from '../core';
import { OutsideExcel, type OutsideSession } from './outside/OutsideExcel';
import { FakeHost } from './testing/fake-host';
import { tabTo } from './testing/render-pane';

const CELLS: Record<string, Record<string, string | number>> = {
  矛盾纠纷台账: { A1: '序号', B1: '登记日期', A2: 1, B2: '2026-02-30' },
  联席会议汇总: { A1: '指标', B1: '本期', A2: '排查数', B2: 56 },
};

/** A session over that table; `elsewhere` selects as the pane's own links would, `write` as a job would. */
function session() {
  const tabs = Object.keys(CELLS).map((name) => ({ name, visible: true }));
  const valueAt = (sheet: string, address: string) => (address.includes(':') ? null : String(CELLS[sheet][address] ?? ''));
  let selection: WorkbookSelection = { sheet: '矛盾纠纷台账', address: 'A1', value: '序号' };
  let bytes = new Uint8Array([1]);
  let changed = false;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const s: OutsideSession = {
    host: new FakeHost(),
    selection: () => selection,
    select: async (reference) => {
      const target = resolveReference(tabs, selection.sheet, reference);
      if (!target.ok) return target;
      selection = { sheet: target.sheet, address: target.address, value: valueAt(target.sheet, target.address) };
      notify();
      return { ok: true, selection };
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    workbook: () => ({ bytes, fileName: '台账.xlsx', changed }),
    dispose: () => listeners.clear(),
  };
  const elsewhere = (sheet: string, address: string) => {
    selection = { sheet, address, value: valueAt(sheet, address) };
    notify();
  };
  const write = () => {
    bytes = new Uint8Array([1, 2]);
    changed = true;
    notify();
  };
  return { session: s, elsewhere, write };
}

/** A file of ASCII `content` (File.arrayBuffer is missing from jsdom). */
function file(content: string, name: string): File {
  const f = new File([content], name);
  Object.defineProperty(f, 'arrayBuffer', { value: async () => Uint8Array.from(content, (c) => c.charCodeAt(0)).buffer });
  return f;
}

async function openLedger(language: Language = 'zh') {
  const opened = session();
  const saved: [string, number[]][] = [];
  const user = userEvent.setup({ delay: null });
  render(<OutsideExcel language={language} today={() => '2026-11-30'} open={async () => opened.session} save={(name, bytes) => saved.push([name, [...bytes]])} />);
  await user.upload(screen.getByLabelText('选择台账文件 / Open a ledger file'), file('PK', '台账.xlsx'));
  await screen.findByRole('tab', { name: language === 'zh' ? '检测' : 'Ledger' });
  return { ...opened, user, saved };
}

describe('outside Excel: selecting a cell or row of the open workbook', () => {
  it('selects a row typed as its number, and says what is selected', async () => {
    const { user, session: opened } = await openLedger();
    expect(screen.getByText('当前选中：矛盾纠纷台账!A1，内容：序号')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '选中单元格或行' }), '2');
    await user.click(screen.getByRole('button', { name: '选中' }));
    expect(screen.getByText('当前选中：矛盾纠纷台账!2:2')).toBeTruthy();
    expect(opened.selection()).toEqual({ sheet: '矛盾纠纷台账', address: '2:2', value: null });
  });

  it('works from the keyboard: Tab to the box, type a cell on another sheet, Enter', async () => {
    const { user } = await openLedger();
    const box = screen.getByRole('textbox', { name: '选中单元格或行' });
    await tabTo(user, box);
    await user.keyboard('联席会议汇总!B2{Enter}');
    expect(await screen.findByText('当前选中：联席会议汇总!B2，内容：56')).toBeTruthy();
    // The sheet is now the active one: a cell typed alone is on it.
    await user.clear(box);
    await user.keyboard('A2{Enter}');
    expect(await screen.findByText('当前选中：联席会议汇总!A2，内容：排查数')).toBeTruthy();
  });

  it('says why nothing was selected', async () => {
    const { user } = await openLedger();
    const box = screen.getByRole('textbox', { name: '选中单元格或行' });
    await user.type(box, '第二行{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('“第二行”不是单元格或行号，请输入如 B35、35 或 联席会议汇总!B6');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    await user.clear(box);
    await user.type(box, '回访记录!A2{Enter}');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('没有名为“回访记录”的工作表'));
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
    expect(await screen.findByText('Selected: 矛盾纠纷台账!C5 (empty cell)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download the changed workbook' })).toBeTruthy();
  });
});

describe('outside Excel: downloading the changed workbook', () => {
  it('offers it as NAME.tricolor.xlsx, says when there are changes not yet downloaded, and hands over the current bytes', async () => {
    const { user, saved, write } = await openLedger();
    expect(screen.getByText('另存为 台账.tricolor.xlsx，原文件不变')).toBeTruthy();
    expect(screen.queryByText('工作簿已改动，尚未下载')).toBeNull();
    act(() => write());
    expect(await screen.findByText('工作簿已改动，尚未下载')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '下载处理后的工作簿' }));
    expect(saved).toEqual([['台账.tricolor.xlsx', [1, 2]]]);
    expect(screen.queryByText('工作簿已改动，尚未下载')).toBeNull();
  });
});

describe('outside Excel: the file chooser', () => {
  it('is a button in the page’s language that opens the labelled file input, and is reached by keyboard', async () => {
    const user = userEvent.setup({ delay: null });
    render(<OutsideExcel language="zh" today={() => '2026-11-30'} open={async () => session().session} save={() => undefined} />);
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

describe('outside Excel: a file too large to be a ledger', () => {
  it('is refused by its size, named, before it is read or opened', async () => {
    const user = userEvent.setup({ delay: null });
    const open = jest.fn(async () => session().session);
    render(<OutsideExcel language="zh" today={() => '2026-11-30'} open={open} save={() => undefined} />);
    const film = new File(['PK'], '录像.xlsx');
    const read = jest.fn();
    Object.defineProperty(film, 'size', { value: 600 * 1024 * 1024 });
    Object.defineProperty(film, 'arrayBuffer', { value: read });
    await user.upload(screen.getByLabelText('选择台账文件 / Open a ledger file'), film);
    expect(await screen.findByText(/“录像.xlsx”有 600 MB，超过本工具能处理的 128 MB/)).toBeTruthy();
    expect(read).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });
});
