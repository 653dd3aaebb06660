/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { LEVEL_CHART_COLORS, type ReportCell, type ReportChart } from '../core';
import { ReportChartSvg } from './ReportChart';

const n = (value: number, style: ReportCell['style'] = 'number'): ReportCell => ({ value, style });
const s = (value: string): ReportCell => ({ value, style: 'text' });
const range = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

/** A sheet like 联席会议汇总's: levels with their counts, units, and two meetings' open reds and yellows. */
const ROWS: ReportCell[][] = [
  [s('等级'), s('本期登记')],
  [{ value: '红', style: 'red' }, n(4)],
  [{ value: '黄', style: 'yellow' }, n(5)],
  [{ value: '绿', style: 'green' }, n(23)],
  [s('青山镇派出所'), n(12), n(0.5, 'percent')],
  [s('青山镇司法所'), n(11), n(0.364, 'percent')],
  [s('青山人民法庭'), { value: null }, n(0.25, 'percent')],
  [s('2026-10-01 至 2026-10-31'), n(3), n(9)],
  [s('2026-11-01 至 2026-11-30'), n(5), n(13)],
  [{ value: null }, n(2)],
];

const PIE: ReportChart = {
  kind: 'pie',
  title: '本期登记纠纷（按预警等级）',
  categories: range(1, 0, 3, 0),
  series: [{ name: '本期登记件数（含已化解）', values: range(1, 1, 3, 1), pointColors: [LEVEL_CHART_COLORS.red, LEVEL_CHART_COLORS.yellow, LEVEL_CHART_COLORS.green] }],
  anchor: range(10, 0, 20, 3),
};

const draw = (chart: ReportChart, language: 'zh' | 'en' = 'zh') => render(<ReportChartSvg chart={chart} rows={ROWS} language={language} />);

describe('a report sheet’s chart drawn as SVG from the sheet’s cells', () => {
  it('a pie by level: named with its numbers, one slice per level in the level’s colour, each count on its slice', () => {
    draw(PIE);
    const img = screen.getByRole('img', { name: '本期登记纠纷（按预警等级）：红 4，黄 5，绿 23' });
    expect(img.tagName.toLowerCase()).toBe('svg');
    expect(Array.from(img.querySelectorAll('path')).map((p) => p.getAttribute('fill'))).toEqual(['#D9363E', '#F2B93B', '#4CAF50']);
    const texts = Array.from(img.querySelectorAll('text')).map((t) => t.textContent);
    // The title, the three counts and the legend (the categories, as a pie's legend names its slices).
    expect(texts).toEqual(['本期登记纠纷（按预警等级）', '4', '5', '23', '红', '黄', '绿']);
    // 23 of 32 is more than half the pie: its arc is the large one.
    expect(img.querySelectorAll('path')[2].getAttribute('d')).toMatch(/A [\d.]+ [\d.]+ 0 1 1/);
  });

  it('one slice that is the whole: a full circle', () => {
    const rows: ReportCell[][] = [[s('红'), n(0)], [s('黄'), n(0)], [s('绿'), n(7)]];
    render(<ReportChartSvg chart={{ ...PIE, categories: range(0, 0, 2, 0), series: [{ ...PIE.series[0], values: range(0, 1, 2, 1) }] }} rows={rows} language="zh" />);
    const img = screen.getByRole('img', { name: '本期登记纠纷（按预警等级）：红 0，黄 0，绿 7' });
    expect(img.querySelectorAll('path')).toHaveLength(0);
    expect(Array.from(img.querySelectorAll('circle')).map((c) => c.getAttribute('fill'))).toEqual(['#4CAF50']);
  });

  it('bars by unit read as the table does (first unit on top), longest for the largest, and a cell without a number is a gap', () => {
    draw({ kind: 'bar', title: '本期登记纠纷（按单位）', categories: range(4, 0, 6, 0), series: [{ name: '本期登记', values: range(4, 1, 6, 1), color: '4472C4' }], anchor: range(10, 4, 20, 8) });
    const img = screen.getByRole('img', { name: '本期登记纠纷（按单位）：青山镇派出所 12，青山镇司法所 11，青山人民法庭 无' });
    const bars = Array.from(img.querySelectorAll('rect')).filter((r) => r.getAttribute('fill') === '#4472C4' && Number(r.getAttribute('height')) > 10);
    expect(bars).toHaveLength(2);
    const [police, justice] = bars;
    expect(Number(police.getAttribute('y'))).toBeLessThan(Number(justice.getAttribute('y')));
    expect(Number(police.getAttribute('width')) / Number(justice.getAttribute('width'))).toBeCloseTo(12 / 11, 5);
    expect(within(img as unknown as HTMLElement).getByText('青山镇派出所')).toBeTruthy();
    expect(within(img as unknown as HTMLElement).getByText('本期登记')).toBeTruthy();
  });

  it('columns of two series (the trend over meetings): each series named in the label, in its colour', () => {
    draw({
      kind: 'column',
      title: '历次会议在办红色、黄色纠纷',
      categories: range(7, 0, 8, 0),
      series: [
        { name: '在办红色', values: range(7, 1, 8, 1), color: LEVEL_CHART_COLORS.red },
        { name: '在办黄色', values: range(7, 2, 8, 2), color: LEVEL_CHART_COLORS.yellow },
      ],
      anchor: range(10, 0, 20, 8),
    });
    const img = screen.getByRole('img', {
      name: '历次会议在办红色、黄色纠纷：在办红色（2026-10-01 至 2026-10-31 3，2026-11-01 至 2026-11-30 5）；在办黄色（2026-10-01 至 2026-10-31 9，2026-11-01 至 2026-11-30 13）',
    });
    const columns = Array.from(img.querySelectorAll('rect')).filter((r) => ['#D9363E', '#F2B93B'].includes(r.getAttribute('fill')!) && Number(r.getAttribute('width')) > 10);
    expect(columns.map((r) => r.getAttribute('fill'))).toEqual(['#D9363E', '#D9363E', '#F2B93B', '#F2B93B']);
    // Taller for more: 13 yellow in November against 9 in October.
    expect(Number(columns[3].getAttribute('height')) / Number(columns[2].getAttribute('height'))).toBeCloseTo(13 / 9, 5);
  });

  it('a line of percentages, a blank category numbered as Excel numbers it, and English punctuation', () => {
    draw({ kind: 'line', title: 'Resolved share', categories: range(4, 0, 6, 0), series: [{ name: 'Share', values: range(4, 2, 6, 2) }], anchor: range(10, 0, 20, 8) }, 'en');
    const img = screen.getByRole('img', { name: 'Resolved share: 青山镇派出所 50.0%, 青山镇司法所 36.4%, 青山人民法庭 25.0%' });
    expect(img.querySelectorAll('polyline')).toHaveLength(1);
    // A series without a colour takes Excel's first accent.
    expect(img.querySelector('polyline')!.getAttribute('stroke')).toBe('#4472C4');
    render(<ReportChartSvg chart={{ ...PIE, title: '无名', categories: range(8, 0, 9, 0), series: [{ name: 'x', values: range(8, 1, 9, 1) }] }} rows={ROWS} language="zh" />);
    expect(screen.getByRole('img', { name: '无名：2026-11-01 至 2026-11-30 5，2 2' })).toBeTruthy();
  });
});
