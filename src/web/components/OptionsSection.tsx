import { Field, Input, MessageBar, MessageBarBody, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PresetDraft } from '../../ui';
import type { DateProblem } from '../useWebApp';
import { PresetOptions } from './PresetOptions';
import { useSectionStyles } from './styles';
import { useWebText } from './text';

const useOptionsStyles = makeStyles({
  dates: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
    maxWidth: '48rem',
  },
});

export interface OptionsSectionProps {
  asOf: string;
  period: { from: string; to: string };
  mask: boolean;
  /** The rules a run uses, as chosen and edited. */
  presetDraft: PresetDraft;
  dateProblems: { asOf?: DateProblem; from?: DateProblem; to?: DateProblem };
  onAsOf(day: string): void;
  onPeriod(which: 'from' | 'to', day: string): void;
  onMask(on: boolean): void;
}

/** 3. 选项: as-of date, meeting period, masking (on by default) and the triage rules (default, a JSON file, or edited). */
export function OptionsSection(props: OptionsSectionProps) {
  const { t } = useWebText();
  const styles = useSectionStyles();
  const local = useOptionsStyles();
  const problemText = (p: DateProblem | undefined) =>
    p === 'required' ? t('options.dateRequired') : p === 'invalid' ? t('options.dateInvalid') : p === 'order' ? t('options.periodOrder') : undefined;
  const dateField = (label: string, value: string, problem: DateProblem | undefined, onChange: (day: string) => void, hint?: string) => (
    <Field label={label} validationMessage={problemText(problem)} validationState={problem ? 'error' : 'none'} hint={hint}>
      <Input type="date" value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
  return (
    <section className={styles.section} aria-labelledby="web-options-heading">
      <h2 id="web-options-heading" className={styles.heading}>
        {t('options.heading')}
      </h2>
      <div className={local.dates}>
        {dateField(t('options.asOf'), props.asOf, props.dateProblems.asOf, props.onAsOf, t('options.asOfHint'))}
        {dateField(t('options.periodFrom'), props.period.from, props.dateProblems.from, (d) => props.onPeriod('from', d), t('options.periodHint'))}
        {dateField(t('options.periodTo'), props.period.to, props.dateProblems.to, (d) => props.onPeriod('to', d))}
      </div>
      <Switch checked={props.mask} label={t('options.mask')} onChange={(_, d) => props.onMask(d.checked)} />
      {!props.mask && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('options.maskOffNotice')}</MessageBarBody>
        </MessageBar>
      )}
      <PresetOptions draft={props.presetDraft} />
      <Text className={styles.hint}>{t('options.reportLanguage')}</Text>
    </section>
  );
}
