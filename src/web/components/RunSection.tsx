import { Button, Field, MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { WEB_STAGES, type FileProgress } from '../protocol';
import type { PageStage } from '../useWebApp';
import type { PageFailure } from '../useWebApp';
import { FailureBar } from './FailureBar';
import { useSectionStyles } from './styles';
import { useWebText } from './text';

export interface RunSectionProps {
  ready: boolean;
  /** No file chosen yet: say so beside the disabled button. */
  needFile: boolean;
  /** Why the run waits for other units' ledgers (a joint meeting), said beside the button. */
  waitHint?: string | null;
  /** The run joins several units' ledgers: its stages are worded for that, with the file being read. */
  meeting?: boolean;
  stage: PageStage | null;
  /** The file a stage is at, when the run reads several. */
  stageFile?: FileProgress | null;
  /** The work runs in a worker; otherwise the page warns that it will be unresponsive for a while. */
  inBackground: boolean;
  failure: PageFailure | null;
  onRun(): void;
  onCancel(): void;
  onDismissFailure(): void;
}

/** 4. 处理: the run button, the stage under way with a bar, and what went wrong. */
export function RunSection({ ready, needFile, waitHint, meeting, stage, stageFile, inBackground, failure, onRun, onCancel, onDismissFailure }: RunSectionProps) {
  const { t } = useWebText();
  const styles = useSectionStyles();
  const running = stage !== null;
  // Reading several files moves the bar on by each file read.
  const within = stageFile ? stageFile.index / stageFile.count : 0;
  const step = stage === 'showing' ? WEB_STAGES.length : stage && stage !== 'preparing' ? WEB_STAGES.indexOf(stage) + within : 0;
  const stageName = stage === null ? '' : stage === 'preparing' ? t('run.preparing') : stage === 'showing' ? t('run.showing') : t(meeting ? `meeting.stage.${stage}` : `run.stage.${stage}`);
  const stageText =
    stageFile && stage !== null ? t('meeting.stageFile', { stage: stageName, file: stageFile.name, number: stageFile.index + 1, count: stageFile.count }) : stageName;
  // 取消 goes when the work ends (or is cancelled); if it had focus, focus returns to 开始处理.
  const startButton = useRef<HTMLButtonElement>(null);
  const cancelHadFocus = useRef(false);
  useEffect(() => {
    if (running || !cancelHadFocus.current) return;
    cancelHadFocus.current = false;
    const active = document.activeElement;
    if (!active || active === document.body) startButton.current?.focus();
  }, [running]);
  return (
    <section className={styles.section} aria-labelledby="web-run-heading">
      <h2 id="web-run-heading" className={styles.heading}>
        {t('run.heading')}
      </h2>
      <div className={styles.actions}>
        <Button ref={startButton} appearance="primary" size="large" disabledFocusable={!ready || running} onClick={onRun}>
          {t('run.start')}
        </Button>
        {running && (
          // Once the result is being shown there is nothing left to cancel.
          <Button disabledFocusable={stage === 'showing'} onClick={onCancel} onFocus={() => (cancelHadFocus.current = true)} onBlur={(e) => (cancelHadFocus.current = e.relatedTarget === null)}>
            {t('run.cancel')}
          </Button>
        )}
      </div>
      {needFile && <span className={styles.hint}>{t('run.needFile')}</span>}
      {waitHint && <span className={styles.hint}>{waitHint}</span>}
      {/* A live region that is always there, so each stage is announced as it begins. */}
      <div role="status">
        {running && (
          <Field label={stageText} validationState="none">
            <ProgressBar thickness="large" max={WEB_STAGES.length} value={step} />
          </Field>
        )}
      </div>
      {running && !inBackground && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('run.inPage')}</MessageBarBody>
        </MessageBar>
      )}
      {failure && <FailureBar failure={failure} onDismiss={onDismissFailure} />}
    </section>
  );
}
