import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { FIELD_NAMES } from '../../core';
import { HostErrorBar } from '../shared/HostErrorBar';
import { usePaneText } from '../shared/pane-context';
import { useSectionStyles } from '../shared/useSectionStyles';
import { correctionText, headerRowsText, MappingTable, missingFieldsText } from '../../ui';
import type { LedgerState } from './useLedger';

const useLedgerSectionStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

export interface LedgerSectionProps {
  ledger: LedgerState;
}

/** 检测: the sheet, its header rows and the column mapping, with corrections. */
export function LedgerSection({ ledger }: LedgerSectionProps) {
  const { t, language } = usePaneText();
  const styles = useSectionStyles();
  const local = useLedgerSectionStyles();
  const { info, detecting, saving, lastSaved, failure } = ledger;
  const mapped = new Set(info?.columns.map((c) => c.field));
  const missing = FIELD_NAMES.filter((f) => !mapped.has(f));

  return (
    <section className={styles.section} aria-labelledby="tricolor-ledger-heading">
      <div className={styles.headingRow}>
        <h2 id="tricolor-ledger-heading" className={styles.heading}>
          {t('ledger.heading')}
        </h2>
        <Button size="small" onClick={ledger.detect} disabledFocusable={detecting || saving}>
          {t('ledger.redetect')}
        </Button>
      </div>
      {detecting && <Spinner size="tiny" labelPosition="after" label={t('ledger.detecting')} />}
      {failure && <HostErrorBar error={failure.error} onDismiss={ledger.dismissFailure} onRetry={info ? undefined : ledger.detect} />}
      {info && (
        <>
          <dl className={local.facts}>
            <dt className={local.term}>{t('ledger.sheet')}</dt>
            <dd className={local.value}>{info.sheet}</dd>
            <dt className={local.term}>{t('ledger.headerRows')}</dt>
            <dd className={local.value}>{headerRowsText(language, info.headerRows)}</dd>
          </dl>
          <Text className={styles.hint}>{t('ledger.hint')}</Text>
          <div role="status">
            {saving ? (
              <Spinner size="tiny" labelPosition="after" label={t('ledger.saving')} />
            ) : (
              lastSaved && <Text>{correctionText(language, lastSaved.field, lastSaved.column)}</Text>
            )}
          </div>
          <MappingTable columns={info.columns} busy={saving || detecting} language={language} onCorrect={(c, field) => ledger.correct(c.column, field)} />
          {missing.length > 0 && (
            <Text className={styles.hint}>{missingFieldsText(language, missing)}</Text>
          )}
        </>
      )}
    </section>
  );
}
