import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import type { LedgerPreview, PreviewRow } from '../protocol';
import { levelName } from '../../ui';
import { LEVELS } from '../../core';
import { previewColumnWidths } from './preview-widths';
import { LEVEL_BACKGROUND } from './styles';
import { useWebText } from './text';

const GRID_LINE = '1px solid #BFBFBF';

const usePreviewStyles = makeStyles({
  scroller: { overflow: 'auto', maxHeight: '70vh', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // Fixed widths (set per column below) and separate borders (each cell draws its right and bottom
  // edge): rows added later neither re-measure nor re-resolve the borders of the rows on screen.
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    borderTop: GRID_LINE,
    borderLeft: GRID_LINE,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  head: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'start',
    verticalAlign: 'bottom',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRight: GRID_LINE,
    borderBottom: GRID_LINE,
    whiteSpace: 'nowrap',
  },
  own: { backgroundColor: tokens.colorBrandBackground2 },
  letter: { display: 'block', fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRight: GRID_LINE,
    borderBottom: GRID_LINE,
    verticalAlign: 'top',
    whiteSpace: 'pre-line',
    overflowWrap: 'anywhere',
  },
  nowrap: { whiteSpace: 'nowrap' },
  rowHead: { fontWeight: tokens.fontWeightRegular, textAlign: 'end', color: tokens.colorNeutralForeground2 },
  red: { backgroundColor: LEVEL_BACKGROUND.red },
  yellow: { backgroundColor: LEVEL_BACKGROUND.yellow },
  green: { backgroundColor: LEVEL_BACKGROUND.green },
});

export interface PreviewTableProps {
  preview: LedgerPreview;
  sheet: string;
}

/** The coloured ledger: each row's cells on its level's colour, with the level also in words. */
export function PreviewTable({ preview, sheet }: PreviewTableProps) {
  const { t, language } = useWebText();
  const styles = usePreviewStyles();
  const label = t('result.ledgerTableLabel', { sheet });
  const shown = useRowsInSteps(preview.rows.length);
  const rowHeader = t('result.rowHeader');
  const levelHeader = t('result.levelColumn');
  const widths = useMemo(
    () => previewColumnWidths(preview, LEVELS.map((level) => levelName(language, level)), rowHeader, levelHeader),
    [preview, language, rowHeader, levelHeader],
  );
  const totalWidth = widths.reduce((sum, w) => sum + w, 0);
  return (
    <div className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
      <table className={styles.table} aria-label={label} style={{ width: `${totalWidth}em` }}>
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: `${w}em` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={styles.head}>
              {rowHeader}
            </th>
            <th scope="col" className={styles.head}>
              {levelHeader}
            </th>
            {preview.columns.map((c) => (
              <th key={c.column} scope="col" className={mergeClasses(styles.head, c.own && styles.own)}>
                <span className={styles.letter}>{c.column}</span> {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.slice(0, shown).map((row) => (
            <PreviewTableRow key={row.row} row={row} levelText={row.level ? levelName(language, row.level) : ''} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Rows added to the table per step: each step is one commit (DOM, layout, paint) of its own, about
 * 1 ms a row on a slow machine, so a step stays well under the 50 ms at which a task counts as long.
 */
const ROWS_PER_STEP = 20;

/**
 * How many of `total` rows to show: the first step at once, then one more step after each paint,
 * so that mounting a long preview never holds the page in one long task.
 */
function useRowsInSteps(total: number): number {
  const [shown, setShown] = useState(ROWS_PER_STEP);
  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => startTransition(() => setShown((n) => n + ROWS_PER_STEP)), 0);
    return () => clearTimeout(timer);
  }, [shown, total]);
  return Math.min(shown, total);
}

/**
 * One ledger row. A component of its own so that React renders the table as a transition in
 * slices, row by row: hundreds of rows in one render would hold the page for a noticeable moment.
 */
const PreviewTableRow = memo(function PreviewTableRow({ row, levelText }: { row: PreviewRow; levelText: string }) {
  const styles = usePreviewStyles();
  return (
    <tr className={row.level ? styles[row.level] : undefined} data-level={row.level ?? undefined}>
      <th scope="row" className={mergeClasses(styles.cell, styles.nowrap, styles.rowHead)}>
        {row.row}
      </th>
      <td className={mergeClasses(styles.cell, styles.nowrap)}>{levelText}</td>
      {row.cells.map((text, i) => (
        <td key={i} className={styles.cell}>
          {text}
        </td>
      ))}
    </tr>
  );
});
