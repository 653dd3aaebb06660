/// <reference types="office-js" />
import type { AddinHost, AddinSettings, JobReport } from '../addin/host';
import { DEFAULT_PRESET } from '../core';
import { COMPLETE_AFTER_MS, registerCommand, registeredCommands, setHostFactory } from './register';
import { COMMAND_NAMES, type CommandName } from './names';
import { dialogUrl, MAX_DIALOG_URL_LENGTH } from './show-dialog';
import { readParams } from '../dialog/dialog';

// A fake of the part of Office.js a function file uses: displayDialogAsync and its Dialog,
// actions.associate, displayLanguage. The host is a fake AddinHost given through setHostFactory.

interface FakeDialog {
  url: string;
  closed: boolean;
  /** What the page or the user does: the close button (a message) or the window's X (event 12006). */
  fire(type: 'message' | 'event', arg: unknown): void;
}

const office = {
  language: 'zh-CN' as string | undefined,
  dialogError: null as { code: number; message: string } | null,
  opened: [] as FakeDialog[],
  associated: new Map<string, unknown>(),
};

function installOffice() {
  const Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    actions: { associate: (name: string, fn: unknown) => office.associated.set(name, fn) },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
    context: {
      get displayLanguage() {
        return office.language;
      },
      ui: {
        displayDialogAsync(url: string, _options: unknown, callback: (result: unknown) => void) {
          if (office.dialogError) return callback({ status: 'failed', error: office.dialogError });
          const handlers = new Map<string, (arg: unknown) => void>();
          const dialog: FakeDialog & { close(): void; addEventHandler(type: string, fn: (arg: unknown) => void): void } = {
            url,
            closed: false,
            close() {
              this.closed = true;
            },
            addEventHandler: (type, fn) => handlers.set(type, fn),
            fire: (type, arg) => handlers.get(type === 'message' ? 'dialogMessageReceived' : 'dialogEventReceived')!(arg),
          };
          office.opened.push(dialog);
          callback({ status: 'succeeded', value: dialog });
        },
      },
    },
  };
  Object.assign(globalThis, { Office, location: { href: 'https://localhost:3000/commands.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' } });
}

function report(partial: Partial<JobReport> = {}): JobReport {
  return {
    counts: { disputes: 300, byLevel: { red: 14, yellow: 28, green: 258 }, dueToday: 2, overdue: 125, unreadableRows: 3, needsReview: 1 },
    issues: [],
    sheet: '矛盾纠纷台账',
    staticFills: false,
    ...partial,
  };
}

/** An AddinHost whose every method fails unless the test gives it. */
function fakeHost(methods: Partial<AddinHost>): AddinHost {
  return new Proxy(methods as AddinHost, {
    get: (target, name: string) =>
      name in target ? target[name as keyof AddinHost] : () => Promise.reject(new Error(`fake host: ${name} not expected`)),
  });
}

function fakeEvent() {
  return { completed: jest.fn(), source: { id: 'Tricolor.Triage' } } as unknown as Office.AddinCommands.Event & { completed: jest.Mock };
}

/** Lets the command run up to the point where its dialog is open. */
async function dialogOpened(count: number): Promise<FakeDialog> {
  for (let i = 0; i < 100 && office.opened.length < count; i++) await Promise.resolve();
  expect(office.opened).toHaveLength(count);
  return office.opened[count - 1];
}

const shown = (dialog: FakeDialog) => readParams(dialog.url.slice(dialog.url.indexOf('?')));

function run(name: CommandName, host: AddinHost) {
  setHostFactory(() => host);
  const event = fakeEvent();
  const done = registeredCommands().get(name)!(event);
  return { event, done };
}

beforeAll(async () => {
  installOffice();
  await import('./commands');
});

beforeEach(() => {
  office.language = 'zh-CN';
  office.dialogError = null;
  office.opened = [];
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
  setHostFactory(undefined);
});

describe('registerCommand', () => {
  it('registers every command for Office.actions.associate and as a global, under its manifest name', () => {
    expect([...registeredCommands().keys()]).toEqual([...COMMAND_NAMES]);
    for (const name of COMMAND_NAMES) {
      expect(office.associated.get(name)).toBe(registeredCommands().get(name));
      expect((globalThis as Record<string, unknown>)[name]).toBe(registeredCommands().get(name));
    }
  });

  it('refuses to register a name twice', () => {
    expect(() => registerCommand('writeDueList', async () => '')).toThrow('writeDueList is registered twice');
  });

  it('shows a failing command’s error and still calls completed() once, when the user closes the message', async () => {
    const { event, done } = run('triageAndColour', fakeHost({ triage: () => Promise.reject(new Error('在“Sheet1”中找不到台账表头')) }));
    const dialog = await dialogOpened(1);
    expect(dialog.url.startsWith('https://localhost:3000/dialog.html?')).toBe(true);
    expect(shown(dialog)).toEqual({ lang: 'zh', kind: 'error', title: '一键分级上色：未完成', message: '一键分级上色未完成：在“Sheet1”中找不到台账表头' });
    expect(event.completed).not.toHaveBeenCalled();
    dialog.fire('message', { message: 'close' });
    await done;
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(dialog.closed).toBe(true);
    expect(console.error).toHaveBeenCalledWith('[三色台账] triageAndColour:', expect.any(Error));
  });

  it('shows a failure to create the host like any other failure', async () => {
    setHostFactory(() => {
      throw new Error('Office.js 尚未加载');
    });
    const event = fakeEvent();
    const done = registeredCommands().get('writeDueList')!(event);
    const dialog = await dialogOpened(1);
    expect(shown(dialog).message).toBe('生成回访清单未完成：Office.js 尚未加载');
    dialog.fire('event', { error: 12006 });
    await done;
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('adds Office’s error code to an Office error, in English when Office is in English', async () => {
    office.language = 'en-US';
    const officeError = Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), { code: 'InvalidArgument' });
    const { event, done } = run('writeDueList', fakeHost({ writeDueList: () => Promise.reject(officeError) }));
    const dialog = await dialogOpened(1);
    expect(shown(dialog)).toEqual({
      lang: 'en',
      kind: 'error',
      title: 'Revisit list: not done',
      message: 'Revisit list did not finish: The argument is invalid or missing or has an incorrect format. (error code InvalidArgument)',
    });
    dialog.fire('event', { error: 12006 });
    await done;
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('says an error without a message is unknown instead of showing nothing', async () => {
    const { done } = run('triageAndColour', fakeHost({ triage: () => Promise.reject({}) }));
    const dialog = await dialogOpened(1);
    expect(shown(dialog).message).toBe('一键分级上色未完成：发生了未知错误。请重试；如果反复出现，请点击“打开面板”再试一次。');
    dialog.fire('message', { message: 'close' });
    await done;
  });

  it('shows the counts when triage succeeds', async () => {
    const { event, done } = run('triageAndColour', fakeHost({ triage: () => Promise.resolve(report()) }));
    const dialog = await dialogOpened(1);
    expect(shown(dialog)).toEqual({
      lang: 'zh',
      kind: 'done',
      title: '一键分级上色：完成',
      message: [
        '已为“矛盾纠纷台账”中的 300 件纠纷定级并上色：红色 14 件，黄色 28 件，绿色 258 件。',
        '其中 1 件的人工定级低于建议等级，请复核。',
        '有 3 行的部分单元格无法读取，已按空白处理；点击“打开面板”可查看是哪些单元格。',
      ].join('\n'),
    });
    dialog.fire('message', { message: 'close' });
    await done;
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('says when rows were coloured with static fills (no conditional formats on this Excel)', async () => {
    office.language = 'en-GB';
    const counts = { disputes: 2, byLevel: { red: 1, yellow: 0, green: 1 }, dueToday: 0, overdue: 0, unreadableRows: 0, needsReview: 0 };
    const { done } = run('triageAndColour', fakeHost({ triage: () => Promise.resolve(report({ counts, staticFills: true, sheet: 'Sheet1' })) }));
    const dialog = await dialogOpened(1);
    expect(shown(dialog).message).toBe(
      'Levelled and coloured 2 disputes in "Sheet1": 1 red, 0 yellow, 1 green.\n' +
        'This Excel has no conditional formats, so rows are filled with fixed colours; choose Triage and colour again after changing a level.',
    );
    dialog.fire('message', { message: 'close' });
    await done;
  });

  it('shows the revisit counts when the due list is written', async () => {
    const { done } = run('writeDueList', fakeHost({ writeDueList: () => Promise.resolve(report({ sheet: '回访清单' })) }));
    const dialog = await dialogOpened(1);
    expect(shown(dialog).message).toBe('已生成“回访清单”：今日到期回访 2 件，逾期 125 件。');
    dialog.fire('message', { message: 'close' });
    await done;
  });

  it('writes the summary for this month up to today, masked unless the saved settings say not to', async () => {
    jest.useFakeTimers({ now: new Date(2026, 10, 30, 16, 45) });
    const settings: AddinSettings = { version: 1, preset: DEFAULT_PRESET, fieldColumns: {}, mask: false };
    // The sample ledger's November (tricolor run --json gives the same), as the Office.js host reports it.
    const meeting = { from: '2026-11-01', to: '2026-11-30', registered: 56, handled: 56, resolved: 14, open: { red: 14, yellow: 28, green: 18, total: 60 } };
    const writeSummary = jest.fn(() => Promise.resolve(report({ sheet: '联席会议汇总', meeting })));
    const { done } = run('writeMeetingSummary', fakeHost({ loadSettings: () => Promise.resolve(settings), writeSummary }));
    const dialog = await dialogOpened(1);
    expect(writeSummary).toHaveBeenCalledWith({ from: '2026-11-01', to: '2026-11-30', mask: false });
    expect(shown(dialog).message).toBe(
      '已生成“联席会议汇总”，会议期间 2026-11-01 至 2026-11-30。\n本期排查 56 件，调处 56 件，化解成功 14 件；在办 60 件（红 14、黄 28、绿 18）。\n台账现有红色 14 件，黄色 28 件，绿色 258 件。\n注意：本次汇总没有遮蔽姓名、身份证号和电话，请勿外发。',
    );
    dialog.fire('message', { message: 'close' });
    await done;
  });

  it('calls completed() after COMPLETE_AFTER_MS when the message is left open, without closing it', async () => {
    jest.useFakeTimers();
    const { event, done } = run('writeDueList', fakeHost({ writeDueList: () => Promise.resolve(report()) }));
    const dialog = await dialogOpened(1);
    jest.advanceTimersByTime(COMPLETE_AFTER_MS - 1);
    expect(event.completed).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    await done;
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(dialog.closed).toBe(false);
    dialog.fire('message', { message: 'close' }); // a late close changes nothing
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('calls completed() and writes the message to the console when the dialog cannot open', async () => {
    office.dialogError = { code: 12009, message: 'The user chose to ignore the dialog box.' };
    const { event, done } = run('triageAndColour', fakeHost({ triage: () => Promise.reject(new Error('工作簿受保护')) }));
    await done;
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(console.error).toHaveBeenCalledWith(
      '[三色台账] triageAndColour: the message could not be shown (12009 The user chose to ignore the dialog box.): 一键分级上色未完成：工作簿受保护',
    );
  });

  it('ends a command whose message is still open when the next command shows its own', async () => {
    const first = run('writeDueList', fakeHost({ writeDueList: () => Promise.resolve(report()) }));
    const firstDialog = await dialogOpened(1);
    const second = run('triageAndColour', fakeHost({ triage: () => Promise.resolve(report()) }));
    const secondDialog = await dialogOpened(2);
    await first.done;
    expect(first.event.completed).toHaveBeenCalledTimes(1);
    expect(firstDialog.closed).toBe(true);
    secondDialog.fire('message', { message: 'close' });
    await second.done;
    expect(second.event.completed).toHaveBeenCalledTimes(1);
  });
});

describe('dialogUrl', () => {
  it('puts dialog.html beside the function file and round-trips the text', () => {
    const text = { title: '一键分级上色：完成', message: 'A & B = 100%?\n第二行 <b>不是 HTML</b>', kind: 'done' as const, lang: 'zh' as const };
    const url = dialogUrl('https://addin.example.gov.cn/tricolor/commands.html?_host_Info=x#y', text);
    expect(url.startsWith('https://addin.example.gov.cn/tricolor/dialog.html?lang=zh&kind=done&')).toBe(true);
    expect(readParams(url.slice(url.indexOf('?')))).toEqual(text);
  });

  it('shortens a long message to fit the URL, never cutting a character in half', () => {
    const message = '纠'.repeat(150) + '😀'.repeat(300);
    const url = dialogUrl('https://localhost:3000/commands.html', { title: 't', message, kind: 'error', lang: 'zh' });
    expect(url.length).toBeLessThanOrEqual(MAX_DIALOG_URL_LENGTH);
    const shownMessage = readParams(url.slice(url.indexOf('?'))).message;
    expect(shownMessage.endsWith('…')).toBe(true);
    expect(message.startsWith(shownMessage.slice(0, -1))).toBe(true);
    expect(shownMessage.length).toBeGreaterThan(150);
  });
});
