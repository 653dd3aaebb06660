import { Button, Dropdown, Field, Option, Text, makeStyles } from '@fluentui/react-components';
import { correctionText, headerRowsText, MappingTable, missingFieldsText } from '../../ui';
import { FIELD_NAMES, type FieldName } from '../../core';
import type { MappedColumn, WorkbookInfo } from '../protocol';
import { correctedCountText } from '../phrases';
import { focusHeadingBefore } from './focus';
import { useSectionStyles } from './styles';
import { useWebText } from './text';

const useLedgerStyles = makeStyles({
  table: { maxWidth: '46rem' },
  sheetPicker: { maxWidth: '24rem' },
});

export interface LedgerSectionProps {
  info: WorkbookInfo;
  columns: MappedColumn[];
  corrections: number;
  lastCorrection: { field: FieldName; column: string | null } | null;
  busy: boolean;
  onChooseSheet(sheet: string): void;
  onCorrect(index: number, field: FieldName | null): void;
  onUndoCorrections(): void;
}

/** 2. 检测到的台账: the sheet (which the user may change), the header rows and the column mapping. */
export function LedgerSection({ info, columns, corrections, lastCorrection, busy, onChooseSheet, onCorrect, onUndoCorrections }: LedgerSectionProps) {
  const { t, language } = useWebText();
  const styles = useSectionStyles();
  const local = useLedgerStyles();
  const mapped = new Set(columns.map((c) => c.field));
  const missing = FIELD_NAMES.filter((f) => !mapped.has(f));
  return (
    <section className={styles.section} aria-labelledby="web-ledger-heading">
      <h2 id="web-ledger-heading" className={styles.heading}>
        {t('ledger.heading')}
      </h2>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('ledger.sheet')}</dt>
        <dd className={styles.value}>{info.sheet}</dd>
        <dt className={styles.term}>{t('ledger.headerRows')}</dt>
        <dd className={styles.value}>{headerRowsText(language, info.headerRows)}</dd>
      </dl>
      {info.sheets.length > 1 && (
        <Field label={t('ledger.sheetPicker')} className={local.sheetPicker}>
          <Dropdown
            value={info.sheet}
            selectedOptions={[info.sheet]}
            aria-busy={busy || undefined}
            onOptionSelect={(_, data) => {
              if (!busy && data.optionValue !== undefined && data.optionValue !== info.sheet) onChooseSheet(data.optionValue);
            }}
          >
            {info.sheets.map((s) => (
              <Option key={s} value={s}>
                {s}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Text className={styles.hint}>{t('ledger.hint')}</Text>
      <div role="status">
        {lastCorrection && <Text>{correctionText(language, lastCorrection.field, lastCorrection.column)}</Text>}
      </div>
      {corrections > 0 && (
        <div className={styles.actions}>
          <Text>{correctedCountText(language, corrections)}</Text>
          <Button
            size="small"
            onClick={(e) => {
              focusHeadingBefore(e.currentTarget);
              onUndoCorrections();
            }}
          >
            {t('ledger.undoCorrections')}
          </Button>
        </div>
      )}
      <MappingTable columns={columns} language={language} size="small" className={local.table} onCorrect={(c, field) => onCorrect(c.index, field)} />
      {missing.length > 0 && <Text className={styles.hint}>{missingFieldsText(language, missing)}</Text>}
    </section>
  );
}
