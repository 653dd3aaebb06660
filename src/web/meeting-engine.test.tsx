/** @jest-environment jsdom */
/**
 * The page with the real engine (the worker's handler, run in the page as on a page opened from
 * disk) on the three 青山镇 ledgers of test/fixtures/meeting: what a user sees after adding the
 * 司法所's and the 法庭's ledgers to the 派出所's and running the joint meeting.
 */
import '../ui/testing/dom-shims';
import '../ui/testing/text-codec-shim';
import * as fs from 'fs';
import * as path from 'path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createWorkerRunner } from './runner';
import { WebApp } from './WebApp';

const MEETING = path.resolve(__dirname, '../../test/fixtures/meeting');

/** A fixture as the file chooser gives it (jsdom's File has no arrayBuffer). */
function fixtureFile(name: string): File {
  const bytes = new Uint8Array(fs.readFileSync(path.join(MEETING, name)));
  const file = new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.slice().buffer });
  return file;
}

it('the 派出所, 司法所 and 法庭 ledgers: each unit named, 合计 67 件, the shared disputes and the charts with their numbers', async () => {
  const user = userEvent.setup({ delay: null });
  const created: Blob[] = [];
  render(
    <WebApp
      runner={createWorkerRunner(() => null)}
      today="2026-11-30"
      language="zh"
      objectUrls={{ create: (blob) => (created.push(blob), `blob:test/${created.length}`), revoke: () => undefined }}
      saveTextFile={() => undefined}
    />,
  );
  await user.upload(screen.getByLabelText('台账文件（.xlsx 或 .xlsm）'), fixtureFile('police.xlsx'));
  await screen.findByRole('table', { name: '列与字段的对应' });
  await user.upload(screen.getByLabelText('其他单位的台账文件（.xlsx 或 .xlsm，可多选）'), [fixtureFile('justice.xlsx'), fixtureFile('court.xlsx')]);
  const court = (await screen.findByRole('textbox', { name: '“court.xlsx”的单位' }, { timeout: 10_000 })) as HTMLInputElement;
  expect((screen.getByRole('textbox', { name: '“police.xlsx”的单位' }) as HTMLInputElement).value).toBe('青山镇派出所');
  expect((screen.getByRole('textbox', { name: '“justice.xlsx”的单位' }) as HTMLInputElement).value).toBe('青山镇司法所');
  expect(court.value).toBe('青山人民法庭');

  await user.click(within(screen.getByRole('region', { name: '4. 处理' })).getByRole('button', { name: '开始处理' }));
  await screen.findByRole('link', { name: '下载联席会议工作簿（联席会议汇总.tricolor.xlsx）' }, { timeout: 20_000 });
  const result = screen.getByRole('region', { name: '处理结果' });
  expect(within(result).getByText('合计 67 件')).toBeTruthy();
  expect(within(result).getByText('3 个单位的台账共 75 件；同一纠纷记在几个单位的，只算一件。')).toBeTruthy();
  const facts = within(result).getByLabelText('联席会议汇总要点');
  expect(within(facts).getByText('在办').nextElementSibling?.textContent).toBe('29 件（红 5、黄 13、绿 11）');
  const shared = within(result).getByRole('list', { name: '同一纠纷记在几个单位（7 件，各算一件）' });
  expect(within(shared).getAllByRole('listitem')).toHaveLength(7);
  expect(within(shared).getByText('青山镇派出所 序号9 ＝ 青山镇司法所 青司调〔2026〕36号 ＝ 青山人民法庭 序号5')).toBeTruthy();
  // The pie and the bars read the 联席会议汇总's own cells: November's registrations by level and by unit.
  const sheet = within(result).getByRole('table', { name: '联席会议汇总' });
  expect(within(sheet).getByRole('img', { name: '本期登记纠纷（按预警等级）：红 4，黄 5，绿 23' })).toBeTruthy();
  expect(within(sheet).getByRole('img', { name: '本期登记纠纷（按单位）：青山镇派出所 12，青山镇司法所 11，青山人民法庭 11' })).toBeTruthy();
  // The download is the meeting workbook, a zip made in the page.
  const bytes = new Uint8Array(await new Promise<ArrayBuffer>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.readAsArrayBuffer(created[0]);
  }));
  expect([...bytes.slice(0, 4)]).toEqual([80, 75, 3, 4]);
}, 60_000);
