import { Button, Divider, Field, Input, MessageBar, MessageBarBody, ProgressBar, Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { JobPanel } from '../jobs/JobPanel';
import type { JobState } from '../jobs/useJob';
import { FileChooserButton, LEDGER_FILE_TYPES, willJoin } from '../../ui';
import { usePaneText } from '../shared/pane-context';
import { useSectionStyles } from '../shared/useSectionStyles';
import { MaskOffDialog } from './MaskOffDialog';
import type { MeetingLedgersState } from './useMeetingLedgers';
import type { PeriodProblem, SummaryOptionsState } from './useSummaryOptions';

const useSummarySectionStyles = makeStyles({
  period: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS },
  input: { minWidth: 0 },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  itemHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  fileName: { overflowWrap: 'anywhere', minWidth: 0 },
});

export interface SummarySectionProps {
  options: SummaryOptionsState;
  /** Other units' ledgers for a joint meeting. */
  meeting: MeetingLedgersState;
  job: JobState;
  onRun(): void;
}

/** 汇总: the meeting period, the masking switch, and the 生成联席会议汇总 job. */
export function SummarySection({ options, meeting, job, onRun }: SummarySectionProps) {
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
    p === 'required' ? t('summary.periodRequired') : p === 'order' ? t('summary.periodOrder') : undefined;
  return (
    <section className={styles.section} aria-labelledby="tricolor-summary-heading">
      <h2 id="tricolor-summary-heading" className={styles.heading}>
        {t('summary.heading')}
      </h2>
      <Text className={styles.hint}>{t('summary.intro')}</Text>
      <div className={local.period}>
        <Field label={t('summary.from')} required validationMessage={say(options.problems.from)}>
          <Input className={local.input} type="date" value={options.from} onChange={(_, d) => options.setFrom(d.value)} />
        </Field>
        <Field label={t('summary.to')} required validationMessage={say(options.problems.to)}>
          <Input className={local.input} type="date" value={options.to} onChange={(_, d) => options.setTo(d.value)} />
        </Field>
      </div>
      <Switch ref={maskSwitch} label={t('summary.mask')} checked={options.mask} onChange={(_, d) => options.requestMask(d.checked)} />
      {!options.mask && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('summary.maskOffNotice')}</MessageBarBody>
        </MessageBar>
      )}
      <MaskOffDialog open={options.confirmingMaskOff} onConfirm={options.confirmMaskOff} onCancel={options.cancelMaskOff} />
      <Divider />
      <OtherLedgers meeting={meeting} />
      <JobPanel
        job={job}
        runLabel={t('jobs.summary.run')}
        doneTitle={t('jobs.summary.done')}
        waitHint={meeting.block === 'failed' ? t('summary.removeFailed') : meeting.block === 'reading' ? t('summary.waitForFiles') : null}
        onRun={onRun}
      />
    </section>
  );
}

/**
 * Other units' ledgers joined to this workbook's for 联席会议汇总: a file chooser (several at once),
 * each file with the unit its ledger names (editable) and the sheet read, or why it cannot be read.
 */
function OtherLedgers({ meeting }: { meeting: MeetingLedgersState }) {
  const { t, language } = usePaneText();
  const styles = useSectionStyles();
  const local = useSummarySectionStyles();
  const add = useRef<HTMLButtonElement>(null);
  return (
    <>
      <h3 className={styles.subheading}>{t('summary.othersHeading')}</h3>
      <Text className={styles.hint}>{t('summary.othersIntro')}</Text>
      <div className={styles.actions}>
        <FileChooserButton buttonRef={add} accept={LEDGER_FILE_TYPES} inputLabel={t('summary.othersInput')} multiple onChoose={(_, all) => meeting.add(all)}>
          {t('summary.addOthers')}
        </FileChooserButton>
      </div>
      <div role="status">
        {meeting.duplicate && <Text>{t('summary.alreadyAdded', { file: meeting.duplicate })}</Text>}
        {meeting.reading && (
          <Field label={t('summary.readingFile', { file: meeting.reading.name, number: meeting.reading.index + 1, count: meeting.reading.count })} validationState="none">
            <ProgressBar thickness="large" max={meeting.reading.count} value={meeting.reading.index} />
          </Field>
        )}
      </div>
      {meeting.ledgers.length > 0 && (
        <>
          <ul className={local.list} aria-label={t('summary.othersList')}>
            {meeting.ledgers.map((l) => (
              <li key={l.id} className={local.item}>
                <div className={local.itemHead}>
                  <Text weight="semibold" className={local.fileName}>
                    {l.file.name}
                  </Text>
                  <Button
                    size="small"
                    aria-label={t('summary.removeFile', { file: l.file.name })}
                    onClick={() => {
                      // The row goes with the button that has focus: back to 添加, where the list begins.
                      add.current?.focus();
                      meeting.remove(l.id);
                    }}
                  >
                    {t('summary.remove')}
                  </Button>
                </div>
                {l.status === 'ready' && (
                  <>
                    <Field label={t('summary.unitFor', { file: l.file.name })}>
                      <Input className={local.input} value={l.unit} onChange={(_, d) => meeting.setUnit(l.id, d.value)} />
                    </Field>
                    {l.sheet && <Text className={styles.hint}>{t('summary.sheetOf', { sheet: l.sheet })}</Text>}
                  </>
                )}
                {l.status === 'reading' && <Spinner size="extra-tiny" labelPosition="after" label={t('summary.reading')} />}
                {l.status === 'waiting' && <Text className={styles.hint}>{t('summary.waiting')}</Text>}
                {l.status === 'failed' && (
                  <MessageBar intent="error" role="alert" layout="multiline">
                    <MessageBarBody>{l.error}</MessageBarBody>
                  </MessageBar>
                )}
              </li>
            ))}
          </ul>
          <Text>{willJoin(language, meeting.ledgers.length)}</Text>
        </>
      )}
    </>
  );
}
