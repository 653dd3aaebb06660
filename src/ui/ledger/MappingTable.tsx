import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { FieldName, Language } from '../../core';
import { uiText } from '../messages';
import { fieldForText } from '../phrases';
import { FieldDropdown } from './FieldDropdown';

const useMappingTableStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  columnCell: { width: '2.5em' },
  headerCell: { width: '38%', overflowWrap: 'anywhere' },
  dropdown: { minWidth: 0, width: '100%' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/** A column of the ledger as the table lists it. */
export interface MappingColumn {
  /** Column letter, e.g. 'E'. */
  column: string;
  header: string;
  field: FieldName | null;
}

export interface MappingTableProps<C extends MappingColumn> {
  columns: readonly C[];
  /** While a correction is saved, changes are ignored; the dropdowns stay focusable. */
  busy?: boolean;
  language: Language;
  /** 'extra-small' in the narrow task pane, 'small' on the web page. */
  size?: 'extra-small' | 'small';
  className?: string;
  onCorrect(column: C, field: FieldName | null): void;
}

/**
 * Every column of the ledger: letter, header text, and the field it holds (editable). The task
 * pane's and the web page's mapping table.
 */
export function MappingTable<C extends MappingColumn>({ columns, busy, language, size = 'extra-small', className, onCorrect }: MappingTableProps<C>) {
  const t = uiText(language);
  const styles = useMappingTableStyles();
  return (
    <Table size={size} aria-label={t('ledger.tableLabel')} className={mergeClasses(styles.table, className)}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.columnCell}>{t('ledger.column')}</TableHeaderCell>
          <TableHeaderCell className={styles.headerCell}>{t('ledger.header')}</TableHeaderCell>
          <TableHeaderCell>{t('ledger.field')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {columns.map((c) => (
          <TableRow key={c.column}>
            <TableCell className={styles.mono}>{c.column}</TableCell>
            <TableCell>{c.header}</TableCell>
            <TableCell>
              <FieldDropdown
                className={styles.dropdown}
                label={fieldForText(language, c.column, c.header)}
                busy={busy}
                field={c.field}
                language={language}
                onChoose={(chosen) => onCorrect(c, chosen)}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
