/**
 * The offline web page's joint meeting in chromium, network cut off: the 派出所's ledger chosen, the
 * 司法所's and the 法庭's added (test/fixtures/meeting), each shown with its unit; the run (in the
 * worker) shows 合计 67 件, the shared disputes and the 联席会议汇总's charts as pictures named with
 * their numbers; the download is, part for part, what `tricolor meeting` writes. Axe scan.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main, type Io } from '../../src/cli/main';
import { ROOT, describeViolations, openIsolatedPage, seriousAxeViolations } from './browser';
import { packageParts, servedPageSuite } from './served-page';

const MEETING = path.join(ROOT, 'test', 'fixtures', 'meeting');
const FILES = ['police.xlsx', 'justice.xlsx', 'court.xlsx'];

/** What `tricolor meeting police.xlsx justice.xlsx court.xlsx --as-of 2026-11-30 --out X` writes. */
function commandMeeting(dir: string): Uint8Array {
  const out = path.join(dir, 'cli-meeting.tricolor.xlsx');
  const err: string[] = [];
  const io: Io = { stdout: () => undefined, stderr: (s) => err.push(s), today: () => '2026-11-30' };
  const code = main(['meeting', ...FILES.map((f) => path.join(MEETING, f)), '--as-of', '2026-11-30', '--out', out, '--force'], io);
  if (code !== 0) throw new Error(`tricolor meeting failed (${code}): ${err.join('')}`);
  return new Uint8Array(fs.readFileSync(out));
}

describe('offline web page: a joint meeting of three units’ ledgers', () => {
  const suite = servedPageSuite('tricolor-e2e-meeting-');

  it('names each unit, joins them in the worker, draws the charts and gives the command’s workbook', async () => {
    const { page, network } = await openIsolatedPage(suite.browser);
    try {
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await page.goto(`${suite.server.url}web.html`, { waitUntil: 'load' });
      await page.getByLabel('台账文件（.xlsx 或 .xlsm）').setInputFiles(path.join(MEETING, 'police.xlsx'));
      await page.getByRole('table', { name: '列与字段的对应' }).waitFor();
      await page.getByLabel('截至日期').fill('2026-11-30');
      await page.getByLabel('其他单位的台账文件（.xlsx 或 .xlsm，可多选）').setInputFiles([path.join(MEETING, 'justice.xlsx'), path.join(MEETING, 'court.xlsx')]);
      await page.getByRole('textbox', { name: '“court.xlsx”的单位' }).waitFor();
      expect(await page.getByRole('textbox', { name: '“police.xlsx”的单位' }).inputValue()).toBe('青山镇派出所');
      expect(await page.getByRole('textbox', { name: '“justice.xlsx”的单位' }).inputValue()).toBe('青山镇司法所');
      expect(await page.getByRole('textbox', { name: '“court.xlsx”的单位' }).inputValue()).toBe('青山人民法庭');

      await page.getByRole('button', { name: '开始处理' }).click();
      const download = page.getByRole('link', { name: '下载联席会议工作簿（联席会议汇总.tricolor.xlsx）' });
      await download.waitFor({ timeout: 60_000 });
      expect(workers).toContain(`${suite.server.url}web-worker.js`);
      const result = page.getByRole('region', { name: '处理结果' });
      await result.getByText('合计 67 件').waitFor();
      await result.getByText('青山镇派出所 序号9 ＝ 青山镇司法所 青司调〔2026〕36号 ＝ 青山人民法庭 序号5').waitFor();
      const pie = result.getByRole('img', { name: '本期登记纠纷（按预警等级）：红 4，黄 5，绿 23' });
      const bars = result.getByRole('img', { name: '本期登记纠纷（按单位）：青山镇派出所 12，青山镇司法所 11，青山人民法庭 11' });
      // Drawn, not only present: each has room on the page.
      for (const chart of [pie, bars]) expect((await chart.boundingBox())!.width).toBeGreaterThan(250);

      // The name the link offers. (Chromium turns a Chinese file name into "download" when the
      // process's locale is not installed, as zh_CN.UTF-8 often is not on a bare CI image.)
      expect(await download.getAttribute('download')).toBe('联席会议汇总.tricolor.xlsx');
      const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
      expect(['联席会议汇总.tricolor.xlsx', 'download']).toContain(file.suggestedFilename());
      const saved = path.join(suite.dir, 'web-meeting.tricolor.xlsx');
      await file.saveAs(saved);
      const web = packageParts(new Uint8Array(fs.readFileSync(saved)));
      const cli = packageParts(commandMeeting(suite.dir));
      expect(web.map((p) => p.name)).toEqual(cli.map((p) => p.name));
      expect(web.filter((p, i) => !p.content.equals(cli[i].content)).map((p) => p.name)).toEqual([]);

      expect(network.blocked).toEqual([]);
      expect(network.errors).toEqual([]);
      expect(describeViolations(await seriousAxeViolations(page))).toBe('');
      // E2E_SCREENSHOTS=DIR keeps pictures of the list of ledgers and of the result, to look at.
      const shots = process.env.E2E_SCREENSHOTS;
      if (shots) {
        await page.getByRole('region', { name: '1. 选择台账' }).screenshot({ path: path.join(shots, 'web-meeting-ledgers.png') });
        await result.screenshot({ path: path.join(shots, 'web-meeting-result.png') });
        await pie.scrollIntoViewIfNeeded();
        await page.getByRole('region', { name: '联席会议汇总' }).screenshot({ path: path.join(shots, 'web-meeting-charts.png') });
      }
    } finally {
      await page.close();
    }
  });
});
