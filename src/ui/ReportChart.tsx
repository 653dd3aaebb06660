import { memo, useMemo, type ReactNode } from 'react';
import { cellLabel, cellsInRange, dayToExcelSerial, type Language, type ReportCell, type ReportChart } from '../core';
import { uiText } from './messages';

/**
 * A report sheet's native chart (ReportChart) drawn as inline SVG, from the sheet's own cells the
 * way the .xlsx chart reads them (src/hosts/xlsx/chart-writer.ts): the categories range as labels,
 * each series' values range as numbers (a cell without a number is a gap), the series' and points'
 * colours, the title, a legend below and the value on each bar, point or slice (the workbook's
 * data labels). No chart library, no fonts: the text takes the page's font. For screen readers the
 * picture is one image whose name says the chart and its numbers.
 */

/** Excel's default series colours (the Office theme's accents 1–6), for a series given none. */
const DEFAULT_COLORS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

type Rows = readonly (readonly ReportCell[])[];

export interface ChartSeriesData {
  name: string;
  /** One per category; null where the cell holds no number (a gap, as in the workbook). */
  values: (number | null)[];
  /** RRGGBB */
  color: string;
  pointColors: readonly string[] | null;
  /** The cells are percentages (fractions shown as 0.0%). */
  percent: boolean;
}

export interface ChartData {
  categories: string[];
  series: ChartSeriesData[];
}



/** What the chart shows, read from the sheet's cells as the workbook's chart reads them. */
export function chartData(chart: ReportChart, rows: Rows): ChartData {
  return {
    categories: cellsInRange(rows, chart.categories).map(cellLabel),
    series: chart.series.map((s, i) => {
      const cells = cellsInRange(rows, s.values);
      return {
        name: s.name,
        // A date cell holds its serial in the workbook, and the chart plots that.
        values: cells.map((c) => (typeof c?.value === 'number' ? (c.style === 'date' ? dayToExcelSerial(c.value, false) : c.value) : null)),
        color: s.color ?? DEFAULT_COLORS[i % DEFAULT_COLORS.length],
        pointColors: s.pointColors ?? null,
        percent: cells.some((c) => c?.style === 'percent'),
      };
    }),
  };
}

function valueText(value: number | null, percent: boolean, language: Language): string {
  if (value === null) return uiText(language)('chart.noValue');
  if (percent) return `${(value * 100).toFixed(1)}%`;
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** A blank category is numbered, as Excel numbers it. */
const categoryName = (data: ChartData, i: number) => data.categories[i] || String(i + 1);

/**
 * The chart in words, for its accessible name: "本期登记纠纷（按预警等级）：红 5，黄 13，绿 11";
 * with several series each is named: "…：在办红色（2026-10 3，2026-11 5）；在办黄色（…）".
 */
export function chartLabel(chart: ReportChart, data: ChartData, language: Language): string {
  const t = uiText(language);
  const points = (s: ChartSeriesData) =>
    data.categories
      .map((_, i) => t('chart.point', { category: categoryName(data, i), value: valueText(s.values[i] ?? null, s.percent, language) }))
      .join(t('chart.pointSeparator'));
  const body =
    data.series.length === 1
      ? points(data.series[0])
      : data.series.map((s) => t('chart.series', { name: s.name, points: points(s) })).join(t('chart.seriesSeparator'));
  return t('chart.label', { title: chart.title, body });
}

// The drawing's own coordinates; the SVG scales to the width it is given.
const WIDTH = 480;
const HEIGHT = 320;
const TITLE_SIZE = 14;
const TEXT_SIZE = 11;
const LABEL_SIZE = 10;
const TEXT = '#242424';
const GRID = '#D9D9D9';
const AXIS = '#A6A6A6';

/** About how wide a text is drawn: a CJK character is square, a Latin one a little over half. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? size : size * 0.6;
  return w;
}

/** Text shortened with … to fit `width`. */
function fit(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > width) break;
    out += ch;
  }
  return `${out}…`;
}

/** Words packed into at most `max` lines of `width` (a period "2026-10-01 至 2026-10-31" in two); null when they do not fit. */
function wrap(text: string, size: number, width: number, max = 3): string[] | null {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (textWidth(word, size) > width) return null;
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length <= max ? lines : null;
}

/** Axis ticks: 0 to a round maximum in about five steps (whole steps for counts). */
function scale(max: number, whole: boolean): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: whole ? 1 : 0.2 };
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  if (whole) step = Math.max(1, Math.round(step));
  return { max: Math.ceil(max / step - 1e-9) * step, step };
}

/** Black or white text, whichever reads on the fill. */
function textOn(rgb: string): string {
  const n = parseInt(rgb, 16);
  const lum = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return lum > 150 ? TEXT : '#FFFFFF';
}

interface LegendItem {
  name: string;
  color: string;
}

/** Legend items in rows under the plot, centred; returns the elements and the height they take. */
function legend(items: LegendItem[]): { height: number; node: ReactNode } {
  const rows: { items: (LegendItem & { width: number })[]; width: number }[] = [];
  for (const item of items) {
    const width = 14 + textWidth(item.name, TEXT_SIZE) + 16;
    const last = rows[rows.length - 1];
    if (last && last.width + width <= WIDTH - 16) {
      last.items.push({ ...item, width });
      last.width += width;
    } else rows.push({ items: [{ ...item, width }], width });
  }
  const lineHeight = 18;
  const top = HEIGHT - rows.length * lineHeight - 4;
  const node = rows.map((row, r) => {
    let x = (WIDTH - row.width) / 2 + 8;
    const y = top + r * lineHeight + lineHeight / 2;
    return row.items.map((item, i) => {
      const at = x;
      x += item.width;
      return (
        <g key={`${r}-${i}`}>
          <rect x={at} y={y - 5} width={10} height={10} fill={`#${item.color}`} />
          <text x={at + 14} y={y} dominantBaseline="central" fontSize={TEXT_SIZE} fill={TEXT}>
            {item.name}
          </text>
        </g>
      );
    });
  });
  return { height: rows.length * lineHeight + 8, node };
}

function pie(data: ChartData, plot: Box): ReactNode {
  const s = data.series[0];
  if (!s) return null;
  const cx = plot.left + plot.width / 2;
  const cy = plot.top + plot.height / 2;
  const r = Math.max(10, Math.min(plot.width, plot.height) / 2 - 4);
  const values = s.values.map((v) => (v !== null && v > 0 ? v : 0));
  const total = values.reduce((a, b) => a + b, 0);
  const colorOf = (i: number) => s.pointColors?.[i] ?? DEFAULT_COLORS[i % DEFAULT_COLORS.length];
  if (total === 0) return <circle cx={cx} cy={cy} r={r} fill="none" stroke={AXIS} />;
  let angle = -Math.PI / 2;
  const point = (a: number, radius: number) => [cx + radius * Math.cos(a), cy + radius * Math.sin(a)];
  return values.map((v, i) => {
    if (v === 0) return null;
    const from = angle;
    const sweep = (v / total) * 2 * Math.PI;
    angle += sweep;
    const fill = colorOf(i);
    const [lx, ly] = point(from + sweep / 2, r * 0.62);
    const shape =
      v === total ? (
        <circle cx={cx} cy={cy} r={r} fill={`#${fill}`} />
      ) : (
        <path
          d={`M ${cx} ${cy} L ${point(from, r).join(' ')} A ${r} ${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${point(from + sweep, r).join(' ')} Z`}
          fill={`#${fill}`}
          stroke="#FFFFFF"
          strokeWidth={1.5}
        />
      );
    return (
      <g key={i}>
        {shape}
        <text x={lx} y={ly} textAnchor="middle" dominantBaseline="central" fontSize={TEXT_SIZE} fontWeight={600} fill={textOn(fill)}>
          {valueText(s.values[i] ?? null, s.percent, 'en')}
        </text>
      </g>
    );
  });
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Columns, bars (categories down the left, first on top, as the table reads) or lines. */
function axes(chart: ReportChart, data: ChartData, plot: Box): ReactNode {
  const horizontal = chart.kind === 'bar';
  const n = Math.max(1, data.categories.length);
  const percent = data.series.some((s) => s.percent);
  const whole = data.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));
  const sums = data.categories.map((_, i) => data.series.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0));
  const highest = chart.stacked && chart.kind !== 'line' ? Math.max(0, ...sums) : Math.max(0, ...data.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const { max, step } = scale(highest, whole && !percent);
  const tickText = (v: number) => (percent ? `${Math.round(v * 100)}%` : String(Math.round(v * 1000) / 1000));

  // Room for the category labels: on the left for bars, below for columns and lines.
  const longest = Math.max(0, ...data.categories.map((_, i) => textWidth(categoryName(data, i), TEXT_SIZE)));
  const labelWidth = horizontal ? Math.min(plot.width * 0.4, longest + 8) : 0;
  const band = ((horizontal ? plot.height - 18 : plot.width - 36) / n) | 0;
  // Labels under columns: on one line, else wrapped at their spaces, else slanted.
  const wrapped = horizontal ? [] : data.categories.map((_, i) => wrap(categoryName(data, i), TEXT_SIZE, band - 6));
  const tilt = !horizontal && wrapped.some((w) => w === null);
  const lineCount = Math.max(1, ...wrapped.map((w) => w?.length ?? 1));
  const below = horizontal ? 18 : tilt ? Math.min(plot.height * 0.4, longest * 0.7 + 10) : 6 + lineCount * (TEXT_SIZE + 2);
  const area: Box = horizontal
    ? { left: plot.left + labelWidth, top: plot.top, width: plot.width - labelWidth - 28, height: plot.height - below }
    : { left: plot.left + 36, top: plot.top + 12, width: plot.width - 40, height: plot.height - below - 12 };
  const bandSize = (horizontal ? area.height : area.width) / n;
  const along = (v: number) => ((horizontal ? area.width : area.height) * Math.max(0, v)) / max;

  const ticks: ReactNode[] = [];
  for (let v = 0, i = 0; v <= max + 1e-9 && i < 50; v += step, i++) {
    const t = Math.round(v * 1e6) / 1e6;
    if (horizontal) {
      const x = area.left + along(t);
      ticks.push(
        <g key={`t${i}`}>
          <line x1={x} x2={x} y1={area.top} y2={area.top + area.height} stroke={i === 0 ? AXIS : GRID} />
          <text x={x} y={area.top + area.height + 12} textAnchor="middle" fontSize={LABEL_SIZE} fill={TEXT}>
            {tickText(t)}
          </text>
        </g>,
      );
    } else {
      const y = area.top + area.height - along(t);
      ticks.push(
        <g key={`t${i}`}>
          <line x1={area.left} x2={area.left + area.width} y1={y} y2={y} stroke={i === 0 ? AXIS : GRID} />
          <text x={area.left - 4} y={y} textAnchor="end" dominantBaseline="central" fontSize={LABEL_SIZE} fill={TEXT}>
            {tickText(t)}
          </text>
        </g>,
      );
    }
  }

  const categoryLabels = data.categories.map((_, i) => {
    const name = categoryName(data, i);
    const mid = (horizontal ? area.top : area.left) + bandSize * (i + 0.5);
    if (horizontal)
      return (
        <text key={`c${i}`} x={area.left - 6} y={mid} textAnchor="end" dominantBaseline="central" fontSize={TEXT_SIZE} fill={TEXT}>
          {fit(name, TEXT_SIZE, labelWidth - 8)}
        </text>
      );
    const y = area.top + area.height + 14;
    return tilt ? (
      <text key={`c${i}`} x={mid} y={y - 4} textAnchor="end" fontSize={LABEL_SIZE} fill={TEXT} transform={`rotate(-35 ${mid} ${y - 4})`}>
        {fit(name, LABEL_SIZE, below * 1.3)}
      </text>
    ) : (
      <text key={`c${i}`} x={mid} y={y} textAnchor="middle" fontSize={TEXT_SIZE} fill={TEXT}>
        {(wrapped[i] ?? [name]).map((line, k) => (
          <tspan key={k} x={mid} dy={k === 0 ? 0 : TEXT_SIZE + 2}>
            {line}
          </tspan>
        ))}
      </text>
    );
  });

  const marks: ReactNode[] = [];
  if (chart.kind === 'line') {
    data.series.forEach((s, k) => {
      const points = s.values.map((v, i) => (v === null ? null : [area.left + bandSize * (i + 0.5), area.top + area.height - along(v)]));
      // A gap breaks the line, as dispBlanksAs="gap" does.
      const runs: number[][][] = [[]];
      for (const p of points) {
        if (p) runs[runs.length - 1].push(p);
        else if (runs[runs.length - 1].length) runs.push([]);
      }
      for (const [j, run] of runs.entries())
        if (run.length > 1) marks.push(<polyline key={`l${k}-${j}`} points={run.map((p) => p.join(',')).join(' ')} fill="none" stroke={`#${s.color}`} strokeWidth={2.25} />);
      points.forEach((p, i) => {
        if (!p) return;
        marks.push(
          <g key={`p${k}-${i}`}>
            <circle cx={p[0]} cy={p[1]} r={3.5} fill={`#${s.color}`} />
            <text x={p[0]} y={p[1] - 7} textAnchor="middle" fontSize={LABEL_SIZE} fill={TEXT}>
              {valueText(s.values[i] ?? null, s.percent, 'en')}
            </text>
          </g>,
        );
      });
    });
  } else {
    // Excel's gap width of 80%: the bars of a category fill 1 / 1.8 of its band.
    const group = bandSize / 1.8;
    const each = chart.stacked ? group : group / Math.max(1, data.series.length);
    const stackedAt = data.categories.map(() => 0);
    data.series.forEach((s, k) => {
      s.values.forEach((v, i) => {
        if (v === null) return;
        const start = chart.stacked ? stackedAt[i] : 0;
        if (chart.stacked) stackedAt[i] += Math.max(0, v);
        const fill = s.pointColors?.[i] ?? s.color;
        const offset = (horizontal ? area.top : area.left) + bandSize * i + (bandSize - group) / 2 + (chart.stacked ? 0 : each * k);
        const from = along(start);
        const length = along(start + v) - from;
        const label = valueText(v, s.percent, 'en');
        if (horizontal) {
          const x = area.left + from;
          marks.push(
            <g key={`b${k}-${i}`}>
              <rect x={x} y={offset} width={Math.max(0, length)} height={each} fill={`#${fill}`} />
              <text
                x={chart.stacked ? x + length / 2 : x + length + 4}
                y={offset + each / 2}
                textAnchor={chart.stacked ? 'middle' : 'start'}
                dominantBaseline="central"
                fontSize={LABEL_SIZE}
                fill={chart.stacked ? textOn(fill) : TEXT}
              >
                {label}
              </text>
            </g>,
          );
        } else {
          const y = area.top + area.height - from - length;
          marks.push(
            <g key={`b${k}-${i}`}>
              <rect x={offset} y={y} width={each} height={Math.max(0, length)} fill={`#${fill}`} />
              <text
                x={offset + each / 2}
                y={chart.stacked ? y + length / 2 : y - 4}
                textAnchor="middle"
                dominantBaseline={chart.stacked ? 'central' : 'auto'}
                fontSize={LABEL_SIZE}
                fill={chart.stacked ? textOn(fill) : TEXT}
              >
                {label}
              </text>
            </g>,
          );
        }
      });
    });
  }
  return (
    <>
      {ticks}
      {marks}
      {categoryLabels}
    </>
  );
}

export interface ReportChartSvgProps {
  chart: ReportChart;
  /** The report sheet's cells, from which the chart reads its categories and values. */
  rows: Rows;
  /** How the accessible name is punctuated; the words are the sheet's own. */
  language: Language;
  className?: string;
}

/** One chart of a report sheet as an SVG picture with a name that carries its numbers. */
export const ReportChartSvg = memo(function ReportChartSvg({ chart, rows, language, className }: ReportChartSvgProps) {
  const data = useMemo(() => chartData(chart, rows), [chart, rows]);
  const name = chartLabel(chart, data, language);
  const items: LegendItem[] =
    chart.kind === 'pie'
      ? data.categories.map((_, i) => ({ name: categoryName(data, i), color: data.series[0]?.pointColors?.[i] ?? DEFAULT_COLORS[i % DEFAULT_COLORS.length] }))
      : data.series.map((s) => ({ name: s.name, color: s.color }));
  const key = legend(items);
  const plot: Box = { left: 8, top: 34, width: WIDTH - 16, height: HEIGHT - 34 - key.height - 4 };
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label={name}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className={className}
      style={{ fontFamily: 'inherit', display: 'block', width: '100%', height: 'auto' }}
    >
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill="#FFFFFF" />
      <text x={WIDTH / 2} y={20} textAnchor="middle" fontSize={TITLE_SIZE} fontWeight={600} fill={TEXT}>
        {fit(chart.title, TITLE_SIZE, WIDTH - 16)}
      </text>
      {chart.kind === 'pie' ? pie(data, plot) : axes(chart, data, plot)}
      {key.node}
    </svg>
  );
});
