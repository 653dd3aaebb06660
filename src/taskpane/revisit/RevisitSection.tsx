import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import { recordedNextText } from '../../ui';
import { HostErrorBar } from '../shared/HostErrorBar';
import { usePaneText } from '../shared/pane-context';
import { useSectionStyles } from '../shared/useSectionStyles';
import { SelectedDisputeCard } from './SelectedDisputeCard';
import type { RevisitMethod, RevisitProblem, RevisitState } from './useRevisit';

const METHODS: RevisitMethod[] = ['电话', '上门'];

export interface RevisitSectionProps {
  revisit: RevisitState;
  /** The latest date a revisit may have (today). */
  today: string;
}

/** 记录回访: read the selected row, then date, method, result and who, sent to the host. */
export function RevisitSection({ revisit, today }: RevisitSectionProps) {
  const { t, language } = usePaneText();
  const styles = useSectionStyles();
  const { selected, form, problems } = revisit;
  const say = (problem: RevisitProblem | undefined, what: string) =>
    problem === 'required' ? t('revisit.required', { what }) : problem === 'future' ? t('revisit.dateInFuture') : undefined;

  return (
    <section className={styles.section} aria-labelledby="tricolor-revisit-heading">
      <h2 id="tricolor-revisit-heading" className={styles.heading}>
        {t('revisit.heading')}
      </h2>
      <div className={styles.actions}>
        <Button onClick={revisit.readSelection} disabledFocusable={revisit.reading}>
          {t('revisit.readSelection')}
        </Button>
      </div>
      {revisit.reading && <Spinner size="tiny" labelPosition="after" label={t('revisit.reading')} />}
      {revisit.failure && <HostErrorBar error={revisit.failure.error} onDismiss={revisit.dismissFailure} />}
      {selected === null && (
        <MessageBar intent="info">
          <MessageBarBody>{t('revisit.noSelection')}</MessageBarBody>
        </MessageBar>
      )}
      {selected && (
        <>
          <SelectedDisputeCard dispute={selected} />
          <form
            className={styles.form}
            noValidate
            aria-label={t('revisit.heading')}
            onSubmit={(e) => {
              e.preventDefault();
              revisit.submit();
            }}
          >
            <Field label={t('revisit.date')} required validationMessage={say(problems.date, t('revisit.date'))}>
              <Input type="date" max={today} value={form.date} onChange={(_, d) => revisit.change('date', d.value)} />
            </Field>
            <Field label={t('revisit.method')} required>
              <RadioGroup
                layout="horizontal"
                value={form.method}
                onChange={(_, d) => revisit.change('method', d.value as RevisitMethod)}
              >
                {METHODS.map((m) => (
                  <Radio key={m} value={m} label={t(`revisit.method.${m}`)} />
                ))}
              </RadioGroup>
            </Field>
            <Field label={t('revisit.result')} required validationMessage={say(problems.result, t('revisit.result'))}>
              <Textarea resize="vertical" value={form.result} onChange={(_, d) => revisit.change('result', d.value)} />
            </Field>
            <Field label={t('revisit.by')} required validationMessage={say(problems.by, t('revisit.by'))}>
              <Input value={form.by} onChange={(_, d) => revisit.change('by', d.value)} />
            </Field>
            <div className={styles.actions}>
              <Button appearance="primary" type="submit" disabledFocusable={revisit.submitting}>
                {revisit.submitting ? t('revisit.submitting') : t('revisit.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
      {revisit.recorded && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <MessageBarTitle>{t('revisit.recorded')}</MessageBarTitle>
            {recordedNextText(language, revisit.recorded.nextRevisit)}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
