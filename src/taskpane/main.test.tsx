/** @jest-environment jsdom */
/**
 * src/taskpane/main.tsx, the pane's entry point: inside Excel it builds the Office.js host as before;
 * with no Office host it offers a ledger file and runs the pane on the file, in a worker. The
 * file's session itself is tested in test/file-addin; here it is replaced by a fake host.
 */
import '../ui/testing/dom-shims';
// From @testing-library/dom, not /react: nothing here goes through the outer React's act().
import { screen, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { FakeHost } from './testing/fake-host';

const started: { bytes: Uint8Array; fileName: string; options: unknown }[] = [];
const workers: string[] = [];
jest.mock('../hosts/file-addin/session', () => ({
  openFileAddinSession: async (bytes: Uint8Array, fileName: string, options: { runner: unknown }) => {
    started.push({ bytes, fileName, options });
    if (fileName.endsWith('.txt')) throw new Error(`“${fileName}”不是 Excel 工作簿`);
    return {
      host: new FakeHost(),
      selection: () => ({ sheet: '矛盾纠纷台账', address: 'A1', value: '' }),
      select: async () => ({ ok: false, problem: { kind: 'address', text: '' } }),
      subscribe: () => () => undefined,
      workbook: () => ({ bytes, fileName, changed: false }),
      dispose: () => undefined,
    };
  },
}));
jest.mock('../hosts/file-addin/worker-runner', () => ({
  createWorkerFileRunner: (start: () => unknown) => ({ worker: start(), dispose: () => workers.push('disposed') }),
}));
jest.mock('../hosts/file-addin/start-worker', () => ({ startWorker: () => (workers.push('started'), null) }));
const officeHosts: unknown[] = [];
jest.mock('../hosts/officejs', () => ({
  createOfficeAddinHost: (options: unknown) => {
    officeHosts.push(options);
    return new FakeHost();
  },
}));

type OfficeStub = { onReady(callback: (info: { host: string | null }) => void): void; context?: { displayLanguage?: string } };
const g = globalThis as unknown as { Office?: OfficeStub };

/**
 * Loads main.tsx afresh (it starts on import) into a new #root. Its React is the isolated registry's,
 * not the one testing-library's act() drives, so the test waits for what it renders (findBy, waitFor)
 * and React is told not to expect act().
 */
async function loadMain(office: OfficeStub | undefined) {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  document.body.innerHTML = '<div id="root"></div>';
  if (office) g.Office = office;
  else delete g.Office;
  jest.isolateModules(() => {
    require('./main'); // eslint-disable-line @typescript-eslint/no-require-imports -- main.tsx starts on import; each test loads it afresh
  });
}

// The browser's language decides the pane's outside Excel: a Chinese browser here.
beforeAll(() => Object.defineProperty(window.navigator, 'language', { value: 'zh-CN', configurable: true }));

afterEach(() => {
  delete g.Office;
  started.length = 0;
  workers.length = 0;
  officeHosts.length = 0;
});

/** A file of ASCII `content` (File.arrayBuffer and TextEncoder are missing from jsdom). */
function file(content: string, name: string): File {
  const f = new File([content], name);
  Object.defineProperty(f, 'arrayBuffer', { value: async () => Uint8Array.from(content, (c) => c.charCodeAt(0)).buffer });
  return f;
}

describe('the task pane’s entry point', () => {
  it('inside Excel builds the Office.js host and shows the pane, with no file chooser', async () => {
    await loadMain({ onReady: (cb) => cb({ host: 'Excel' }), context: { displayLanguage: 'zh-CN' } });
    expect(officeHosts).toHaveLength(1);
    expect(await screen.findByRole('tab', { name: '检测' })).toBeTruthy();
    expect(screen.queryByLabelText('选择台账文件 / Open a ledger file')).toBeNull();
  });

  it('with no Office host offers a ledger file, then runs the pane on the file in a worker', async () => {
    await loadMain({ onReady: (cb) => cb({ host: null }) });
    expect(officeHosts).toHaveLength(0);
    expect(screen.queryByRole('tab', { name: '检测' })).toBeNull();
    // A Fluent button in the page's language opens the (visually hidden, still labelled) file input.
    const input = (await screen.findByLabelText('选择台账文件 / Open a ledger file')) as HTMLInputElement;
    expect(input.type).toBe('file');
    let opened = false;
    const onClick = (e: Event) => {
      opened = true;
      e.preventDefault();
    };
    input.addEventListener('click', onClick);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: '选择台账文件…' }));
    expect(opened).toBe(true);
    input.removeEventListener('click', onClick);
    await user.upload(input, file('PK\x03\x04', '台账.xlsx'));
    expect(await screen.findByRole('tab', { name: '检测' })).toBeTruthy();
    expect(started.map((s) => [s.fileName, s.bytes.length])).toEqual([['台账.xlsx', 4]]);
    expect(workers).toEqual(['started']);
    expect(await screen.findByText('已打开 台账.xlsx（浏览器内存中的副本）')).toBeTruthy();
    // Another file can be opened; the selection box appears for the open one.
    expect(screen.getByRole('button', { name: '换一个台账文件…' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '选中单元格或行' })).toBeTruthy();
    expect(screen.getByText('当前选中：矛盾纠纷台账!A1（空单元格）')).toBeTruthy();
  });

  it('says why a file cannot be opened, and starts the same way when office.js is missing altogether', async () => {
    await loadMain(undefined);
    // The chooser's accept list would keep the file picker from offering notes.txt; a drop or "all files" can still give it.
    const user = userEvent.setup({ delay: null, applyAccept: false });
    await user.upload(await screen.findByLabelText('选择台账文件 / Open a ledger file'), file('x', 'notes.txt'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('无法打开：“notes.txt”不是 Excel 工作簿'));
    expect(screen.queryByRole('tab', { name: '检测' })).toBeNull();
    // The worker of a file that could not be opened is ended.
    expect(workers).toEqual(['started', 'disposed']);
  });
});
