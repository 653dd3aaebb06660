import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, startTransition, useEffect, useState } from 'react';
import type { LedgerPreview, PreviewRow } from '../protocol';
import { levelName } from '../../ui';
import { LEVEL_BACKGROUND } from './styles';
import { useWebText } from './text';

const usePreviewStyles = makeStyles({
  scroller: { overflow: 'auto', maxHeight: '70vh', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  head: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'start',
    verticalAlign: 'bottom',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: '1px solid #BFBFBF',
    whiteSpace: 'nowrap',
  },
  own: { backgroundColor: tokens.colorBrandBackground2 },
  letter: { display: 'block', fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: '1px solid #BFBFBF',
    verticalAlign: 'top',
    whiteSpace: 'pre-line',
    minWidth: '4em',
    maxWidth: '24em',
    overflowWrap: 'anywhere',
  },
  nowrap: { whiteSpace: 'nowrap', minWidth: 0 },
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
  return (
    <div className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
      <table className={styles.table} aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className={styles.head}>
              {t('result.rowHeader')}
            </th>
            <th scope="col" className={styles.head}>
              {t('result.levelColumn')}
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

/** Rows added to the table per step: each step is one commit (DOM and layout) of its own. */
const ROWS_PER_STEP = 50;

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
