import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, useMemo } from 'react';
import { formatDay, REPORT_HEADER_FILL, rgbHex, type Language, type ReportCell, type ReportChart, type ReportStyle } from '../../core';
import { ReportChartSvg } from '../../ui';
import type { ReportPreview } from '../protocol';
import { LEVEL_BACKGROUND } from './styles';
import { useWebText } from './text';

const useReportStyles = makeStyles({
  scroller: { overflow: 'auto', maxHeight: '70vh', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, verticalAlign: 'top', whiteSpace: 'pre-line', textAlign: 'start' },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, textAlign: 'center', paddingBlock: tokens.spacingVerticalS },
  subtitle: { fontWeight: tokens.fontWeightSemibold },
  header: { fontWeight: tokens.fontWeightSemibold, backgroundColor: rgbHex(REPORT_HEADER_FILL), textAlign: 'center', border: '1px solid #A6A6A6' },
  text: { border: '1px solid #A6A6A6' },
  wrap: { border: '1px solid #A6A6A6', minWidth: '14em' },
  number: { border: '1px solid #A6A6A6', textAlign: 'center' },
  percent: { border: '1px solid #A6A6A6', textAlign: 'center' },
  date: { border: '1px solid #A6A6A6', textAlign: 'center', whiteSpace: 'nowrap' },
  red: { border: '1px solid #A6A6A6', textAlign: 'center', backgroundColor: LEVEL_BACKGROUND.red },
  yellow: { border: '1px solid #A6A6A6', textAlign: 'center', backgroundColor: LEVEL_BACKGROUND.yellow },
  green: { border: '1px solid #A6A6A6', textAlign: 'center', backgroundColor: LEVEL_BACKGROUND.green },
  note: { fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  chart: { padding: tokens.spacingVerticalS, verticalAlign: 'middle', textAlign: 'center' },
  // The picture keeps a readable size however wide the columns it covers are.
  chartBox: { display: 'inline-block', width: '30rem', maxWidth: '100%', minWidth: '18rem' },
});

/** A report cell's text as the sheet shows it: dates as YYYY-MM-DD, fractions as 0.0%. */
export function reportCellText(cell: ReportCell | undefined): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'number') {
    if (cell.style === 'date') return formatDay(cell.value);
    if (cell.style === 'percent') return `${(cell.value * 100).toFixed(1)}%`;
    return String(cell.value);
  }
  return cell.value;
}

export interface ReportTableProps {
  report: ReportPreview;
  label: string;
}

/**
 * A ReportSheet (回访清单, 联席会议汇总) as an HTML table: merged cells span, styles as in the
 * workbook, and each native chart drawn over the blank cells it covers in the sheet, from the cells
 * it reads there.
 */
export function ReportTable({ report, label }: ReportTableProps) {
  const styles = useReportStyles();
  const { language } = useWebText();
  const layout = useMemo(() => mergeLayout(report, language), [report, language]);
  return (
    <div className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
      <table className={styles.table} aria-label={label}>
        <tbody>
          {report.rows.map((row, r) => (
            <ReportTableRow key={r} row={row} index={r} layout={layout} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface MergeLayout {
  width: number;
  /** Cells covered by a merge or a chart (all but its top-left), as "row,column": not rendered. */
  covered: Set<string>;
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** Charts by the top-left cell of the cells they cover. */
  charts: Map<string, ReportChart>;
  rows: ReportPreview['rows'];
  language: Language;
}

function mergeLayout(report: ReportPreview, language: Language): MergeLayout {
  const width = Math.max(1, report.columnWidths.length, ...report.rows.map((r) => r.length));
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const charts = new Map<string, ReportChart>();
  const span = (m: { top: number; left: number; bottom: number; right: number }) => {
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  };
  for (const m of report.merges) span(m);
  // The sheet leaves a chart's cells empty; the table draws the chart in their place.
  for (const chart of report.charts ?? []) {
    const key = `${chart.anchor.top},${chart.anchor.left}`;
    if (covered.has(key) || spans.has(key)) continue;
    span(chart.anchor);
    charts.set(key, chart);
  }
  return { width, covered, spans, charts, rows: report.rows, language };
}

/** One row: a component of its own so that React can render a long report in slices (see PreviewTable). */
const ReportTableRow = memo(function ReportTableRow({ row, index: r, layout }: { row: ReportCell[]; index: number; layout: MergeLayout }) {
  const styles = useReportStyles();
  return (
    <tr>
      {Array.from({ length: layout.width }, (_, c) => {
        if (layout.covered.has(`${r},${c}`)) return null;
        const cell = row[c];
        const span = layout.spans.get(`${r},${c}`);
        const chart = layout.charts.get(`${r},${c}`);
        if (chart && span)
          return (
            <td key={c} className={styles.chart} rowSpan={span.rowSpan > 1 ? span.rowSpan : undefined} colSpan={span.colSpan > 1 ? span.colSpan : undefined}>
              <div className={styles.chartBox}>
                <ReportChartSvg chart={chart} rows={layout.rows} language={layout.language} />
              </div>
            </td>
          );
        const style: ReportStyle | undefined = cell?.style;
        const className = mergeClasses(styles.cell, style && styles[style]);
        const props = { className, rowSpan: span && span.rowSpan > 1 ? span.rowSpan : undefined, colSpan: span && span.colSpan > 1 ? span.colSpan : undefined };
        return style === 'header' ? (
          <th key={c} {...props} scope="col">
            {reportCellText(cell)}
          </th>
        ) : (
          <td key={c} {...props}>
            {reportCellText(cell)}
          </td>
        );
      })}
    </tr>
  );
});
