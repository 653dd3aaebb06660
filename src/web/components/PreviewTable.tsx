import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { LedgerPreview } from '../protocol';
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
  const { t } = useWebText();
  const styles = usePreviewStyles();
  const label = t.result.ledgerTableLabel(sheet);
  return (
    <div className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
      <table className={styles.table} aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className={styles.head}>
              {t.result.rowHeader}
            </th>
            <th scope="col" className={styles.head}>
              {t.result.levelColumn}
            </th>
            {preview.columns.map((c) => (
              <th key={c.column} scope="col" className={mergeClasses(styles.head, c.own && styles.own)}>
                <span className={styles.letter}>{c.column}</span> {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.row} className={row.level ? styles[row.level] : undefined} data-level={row.level ?? undefined}>
              <th scope="row" className={mergeClasses(styles.cell, styles.nowrap, styles.rowHead)}>
                {row.row}
              </th>
              <td className={mergeClasses(styles.cell, styles.nowrap)}>{row.level ? t.levels[row.level] : ''}</td>
              {row.cells.map((text, i) => (
                <td key={i} className={styles.cell}>
                  {text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
