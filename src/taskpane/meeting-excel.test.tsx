/** @jest-environment jsdom */
/**
 * The pane on a real host: the 派出所's ledger (test/fixtures/meeting/police.xlsx) open as the pane
 * opens it outside Excel (the file host's add-in session, here in this thread), the 司法所's and the
 * 法庭's ledgers added from their files in the 汇总 section, and the joint 联席会议汇总 written
 * into the workbook as `tricolor meeting` writes it into its own.
 */
import '../ui/testing/dom-shims';
import { bodyRowsText } from '../ui/testing/table-text';
import '../ui/testing/text-codec-shim';
import * as fs from 'fs';
import * as path from 'path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readSheetValues } from '../../test/support/ooxml';
import { DEFAULT_PRESET, parseIsoDay, runMeetingJob, type ReportSheet } from '../core';
import { localFileRunner, openFileAddinSession, type FileAddinSession } from '../hosts/file-addin';
import { readEntry, readLedgerWorkbook, readZip } from '../hosts/xlsx';
import { TaskPane } from './index';

const MEETING = path.resolve(__dirname, '../../test/fixtures/meeting');
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(MEETING, name)));

/** A fixture as the file chooser gives it (jsdom's File has no arrayBuffer). */
function fixtureFile(name: string): File {
  const bytes = bytesOf(name);
  const file = new File([bytes], name);
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.slice().buffer });
  return file;
}

let session: FileAddinSession | null = null;
afterEach(() => {
  session?.dispose();
  session = null;
});

it('adds the 司法所’s and the 法庭’s ledgers to this workbook’s and writes the joint meeting: 合计 67 件, the shared disputes, the charts', async () => {
  session = await openFileAddinSession(bytesOf('police.xlsx'), 'police.xlsx', { runner: localFileRunner(), language: 'zh', today: () => '2026-11-30' });
  const user = userEvent.setup({ delay: null });
  render(<TaskPane host={session.host} language="zh" today="2026-11-30" />);
  await user.click(screen.getByRole('tab', { name: '汇总' }));
  await user.upload(screen.getByLabelText('其他单位的台账文件（.xlsx 或 .xlsm，可多选）'), [fixtureFile('justice.xlsx'), fixtureFile('court.xlsx')]);
  const court = (await screen.findByRole('textbox', { name: '“court.xlsx”的单位' }, { timeout: 10_000 })) as HTMLInputElement;
  expect(court.value).toBe('青山人民法庭');
  expect((screen.getByRole('textbox', { name: '“justice.xlsx”的单位' }) as HTMLInputElement).value).toBe('青山镇司法所');
  expect(screen.getByText('工作表：调解登记台账')).toBeTruthy();

  await user.click(screen.getByRole('button', { name: '生成联席会议汇总' }));
  const card = await screen.findByRole('region', { name: '联席会议汇总已生成' }, { timeout: 30_000 });
  expect(within(card).getByText('合计 67 件纠纷')).toBeTruthy();
  const units = within(card).getByRole('table', { name: '各单位台账' });
  expect(bodyRowsText(units)).toEqual([
    ['青山镇派出所（本工作簿）', '30', '12', '11（红4 黄6 绿1）'],
    ['青山镇司法所', '25', '11', '11（红1 黄6 绿4）'],
    ['青山人民法庭', '20', '11', '10（红0 黄4 绿6）'],
  ]);
  const shared = within(card).getByRole('list', { name: '同一纠纷记在几个单位（7 件，各算一件）' });
  expect(within(shared).getByText('青山镇派出所 序号9 ＝ 青山镇司法所 青司调〔2026〕36号 ＝ 青山人民法庭 序号5')).toBeTruthy();
  const facts = within(card).getByLabelText('联席会议汇总要点');
  expect(within(facts).getByText('在办').nextElementSibling?.textContent).toBe('29 件（红 5、黄 13、绿 11）');

  // Written into the workbook: the joint due-list, the paper with its two charts, the hidden state.
  const { bytes } = session.workbook();
  expect(readSheetValues(bytes).sheets).toEqual(expect.arrayContaining(['回访清单', '联席会议汇总', '_tricolor']));
  const parts = readZip(bytes);
  const text = (name: string) => new TextDecoder().decode(readEntry(parts.find((e) => e.name === name)!));
  const chartTitles = parts.filter((e) => /^xl\/charts\/chart\d+\.xml$/.test(e.name)).map((e) => [...text(e.name).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''));
  expect(chartTitles.sort()).toEqual(['本期登记纠纷（按单位）', '本期登记纠纷（按预警等级）']);
  expect(text('xl/workbook.xml')).toMatch(/<sheet name="_tricolor"[^>]*state="hidden"/);
  // The text of each sheet is the meeting's own, as runMeetingJob gives it for the three files
  // (this workbook's ledger named by its sheet, the pane having no file name for it).
  const inputs = ['police.xlsx', 'justice.xlsx', 'court.xlsx'].map((f) => ({ file: f, input: readLedgerWorkbook(bytesOf(f), { fileName: f, language: 'zh' }).input }));
  inputs[0].file = '排查化解台账';
  const plan = runMeetingJob(inputs, { asOf: parseIsoDay('2026-11-30')!, period: { from: parseIsoDay('2026-11-01')!, to: parseIsoDay('2026-11-30')! }, preset: DEFAULT_PRESET, language: 'zh', mask: true }).plan;
  const texts = (rows: unknown[][]) => rows.map((r) => r.filter((v) => typeof v === 'string' && v !== '').map((v) => String(v).replace(/^'/, ''))).filter((r) => r.length);
  const planned = (sheet: ReportSheet) => texts(sheet.rows.map((r) => r.map((c) => c?.value)));
  const values = (sheet: string) => {
    const rows: unknown[][] = [];
    for (const [address, value] of readSheetValues(bytes, sheet).cells) {
      const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
      const col = [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
      (rows[Number(row) - 1] ??= [])[col] = value;
    }
    return Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? ''));
  };
  expect(texts(values('联席会议汇总'))).toEqual(planned(plan.reports[1]));
  expect(texts(values('回访清单'))).toEqual(planned(plan.reports[0]));
}, 60_000);
