import { Button, Text, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { HostErrorBar } from '../shared/HostErrorBar';
import { useSectionStyles } from '../shared/useSectionStyles';
import { JobProgress } from './JobProgress';
import { JobResultCard } from './JobResultCard';
import type { JobState } from './useJob';
import { VISUALLY_HIDDEN } from '../../ui';

const useJobPanelStyles = makeStyles({
  // Read by screen readers, not shown: the card below already carries the same title.
  visuallyHidden: VISUALLY_HIDDEN,
});

export interface JobPanelProps {
  job: JobState;
  /** The button, e.g. 一键分级上色. */
  runLabel: string;
  /** The result card's title, e.g. 分级上色完成. */
  doneTitle: string;
  intro?: ReactNode;
  /** The run must wait (e.g. for other units' ledgers to be read), and why, said beside the button. */
  waitHint?: string | null;
  onRun(): void;
}

/** A job's button, its progress while it runs, then its result card or the host's message. */
export function JobPanel({ job, runLabel, doneTitle, intro, waitHint, onRun }: JobPanelProps) {
  const styles = useSectionStyles();
  const local = useJobPanelStyles();
  const running = job.status === 'running';
  return (
    <div className={styles.form}>
      {intro && <Text className={styles.hint}>{intro}</Text>}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onRun} disabledFocusable={running || !!waitHint}>
          {runLabel}
        </Button>
      </div>
      {waitHint && <Text className={styles.hint}>{waitHint}</Text>}
      <div aria-live="polite">
        {running && <JobProgress progress={job.progress} />}
        {job.status === 'done' && <span className={local.visuallyHidden}>{doneTitle}</span>}
      </div>
      {job.failure && <HostErrorBar error={job.failure.error} onDismiss={job.dismissFailure} />}
      {job.report && <JobResultCard report={job.report} title={doneTitle} onGoTo={job.goTo} />}
    </div>
  );
}
