import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FieldName } from '../../core';
import type { LedgerInfo } from '../../addin/host';
import { usePaneText } from '../shared/pane-context';
import { FieldDropdown } from './FieldDropdown';

const useMappingTableStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  columnCell: { width: '2.5em' },
  headerCell: { width: '38%', overflowWrap: 'anywhere' },
  dropdown: { minWidth: 0, width: '100%' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

export interface MappingTableProps {
  columns: LedgerInfo['columns'];
  /** While a correction is saved, changes are ignored; the dropdowns stay focusable. */
  busy: boolean;
  onCorrect(column: string, field: FieldName | null): void;
}

/** Every column of the ledger: letter, header text, and the field it holds (editable). */
export function MappingTable({ columns, busy, onCorrect }: MappingTableProps) {
  const { t } = usePaneText();
  const styles = useMappingTableStyles();
  return (
    <Table size="extra-small" aria-label={t.ledger.tableLabel} className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.columnCell}>{t.ledger.column}</TableHeaderCell>
          <TableHeaderCell className={styles.headerCell}>{t.ledger.header}</TableHeaderCell>
          <TableHeaderCell>{t.ledger.field}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {columns.map(({ column, header, field }) => (
          <TableRow key={column}>
            <TableCell className={styles.mono}>{column}</TableCell>
            <TableCell>{header}</TableCell>
            <TableCell>
              <FieldDropdown
                className={styles.dropdown}
                label={t.ledger.fieldFor(column, header)}
                busy={busy}
                field={field}
                fieldNames={t.fields}
                noField={t.ledger.noField}
                onChoose={(chosen) => onCorrect(column, chosen)}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
