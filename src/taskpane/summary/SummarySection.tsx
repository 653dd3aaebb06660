import { Field, Input, MessageBar, MessageBarBody, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { JobPanel } from '../jobs/JobPanel';
import type { JobState } from '../jobs/useJob';
import { usePaneText } from '../shared/pane-context';
import { useSectionStyles } from '../shared/useSectionStyles';
import { MaskOffDialog } from './MaskOffDialog';
import type { PeriodProblem, SummaryOptionsState } from './useSummaryOptions';

const useSummarySectionStyles = makeStyles({
  period: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS },
  input: { minWidth: 0 },
});

export interface SummarySectionProps {
  options: SummaryOptionsState;
  job: JobState;
  onRun(): void;
}

/** 汇总: the meeting period, the masking switch, and the 生成联席会议汇总 job. */
export function SummarySection({ options, job, onRun }: SummarySectionProps) {
  const { t } = usePaneText();
  const styles = useSectionStyles();
  const local = useSummarySectionStyles();
  // The dialog opens from the switch, not from a DialogTrigger, so Fluent has nowhere to return
  // focus when it closes: put it back on the switch, where a keyboard user left off.
  const maskSwitch = useRef<HTMLInputElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (wasConfirming.current && !options.confirmingMaskOff) maskSwitch.current?.focus();
    wasConfirming.current = options.confirmingMaskOff;
  }, [options.confirmingMaskOff]);
  const say = (p: PeriodProblem | undefined) =>
    p === 'required' ? t.summary.periodRequired : p === 'order' ? t.summary.periodOrder : undefined;
  return (
    <section className={styles.section} aria-labelledby="tricolor-summary-heading">
      <h2 id="tricolor-summary-heading" className={styles.heading}>
        {t.summary.heading}
      </h2>
      <Text className={styles.hint}>{t.summary.intro}</Text>
      <div className={local.period}>
        <Field label={t.summary.from} required validationMessage={say(options.problems.from)}>
          <Input className={local.input} type="date" value={options.from} onChange={(_, d) => options.setFrom(d.value)} />
        </Field>
        <Field label={t.summary.to} required validationMessage={say(options.problems.to)}>
          <Input className={local.input} type="date" value={options.to} onChange={(_, d) => options.setTo(d.value)} />
        </Field>
      </div>
      <Switch ref={maskSwitch} label={t.summary.mask} checked={options.mask} onChange={(_, d) => options.requestMask(d.checked)} />
      {!options.mask && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.summary.maskOffNotice}</MessageBarBody>
        </MessageBar>
      )}
      <MaskOffDialog open={options.confirmingMaskOff} onConfirm={options.confirmMaskOff} onCancel={options.cancelMaskOff} />
      <JobPanel job={job} runLabel={t.jobs.summary.run} doneTitle={t.jobs.summary.done} onRun={onRun} />
    </section>
  );
}
