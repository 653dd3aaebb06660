import { Button, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { HostErrorBar } from '../shared/HostErrorBar';
import { useSectionStyles } from '../shared/useSectionStyles';
import { JobProgress } from './JobProgress';
import { JobResultCard } from './JobResultCard';
import type { JobState } from './useJob';

export interface JobPanelProps {
  job: JobState;
  /** The button, e.g. 一键分级上色. */
  runLabel: string;
  /** The result card's title, e.g. 分级上色完成. */
  doneTitle: string;
  intro?: ReactNode;
  onRun(): void;
}

/** A job's button, its progress while it runs, then its result card or the host's message. */
export function JobPanel({ job, runLabel, doneTitle, intro, onRun }: JobPanelProps) {
  const styles = useSectionStyles();
  const running = job.status === 'running';
  return (
    <div className={styles.form}>
      {intro && <Text className={styles.hint}>{intro}</Text>}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onRun} disabledFocusable={running}>
          {runLabel}
        </Button>
      </div>
      <div aria-live="polite">{running && <JobProgress progress={job.progress} />}</div>
      {job.failure && <HostErrorBar error={job.failure.error} onDismiss={job.dismissFailure} />}
      {job.report && <JobResultCard report={job.report} title={doneTitle} onGoTo={job.goTo} />}
    </div>
  );
}
