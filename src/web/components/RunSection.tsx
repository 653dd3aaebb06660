import { Button, Field, MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import { WEB_STAGES, type WebStage } from '../protocol';
import type { PageFailure } from '../useWebApp';
import { FailureBar } from './FailureBar';
import { useSectionStyles } from './styles';
import { useWebText } from './text';

export interface RunSectionProps {
  ready: boolean;
  /** No file chosen yet: say so beside the disabled button. */
  needFile: boolean;
  stage: WebStage | 'preparing' | null;
  /** The work runs in a worker; otherwise the page warns that it will be unresponsive for a while. */
  inBackground: boolean;
  failure: PageFailure | null;
  onRun(): void;
  onCancel(): void;
  onDismissFailure(): void;
}

/** 4. 处理: the run button, the stage under way with a bar, and what went wrong. */
export function RunSection({ ready, needFile, stage, inBackground, failure, onRun, onCancel, onDismissFailure }: RunSectionProps) {
  const { t } = useWebText();
  const styles = useSectionStyles();
  const running = stage !== null;
  const step = stage && stage !== 'preparing' ? WEB_STAGES.indexOf(stage) : 0;
  return (
    <section className={styles.section} aria-labelledby="web-run-heading">
      <h2 id="web-run-heading" className={styles.heading}>
        {t.run.heading}
      </h2>
      <div className={styles.actions}>
        <Button appearance="primary" size="large" disabledFocusable={!ready || running} onClick={onRun}>
          {t.run.start}
        </Button>
        {running && <Button onClick={onCancel}>{t.run.cancel}</Button>}
      </div>
      {needFile && <span className={styles.hint}>{t.run.needFile}</span>}
      {running && (
        <Field label={stage === 'preparing' ? t.run.preparing : t.run.stages[stage]} validationState="none">
          <ProgressBar thickness="large" max={WEB_STAGES.length} value={step} />
        </Field>
      )}
      {running && !inBackground && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.run.inPage}</MessageBarBody>
        </MessageBar>
      )}
      {failure && <FailureBar failure={failure} onDismiss={onDismissFailure} />}
    </section>
  );
}
