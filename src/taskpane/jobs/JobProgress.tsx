import { Field, ProgressBar } from '@fluentui/react-components';
import type { Progress } from '../../addin/host';
import { usePaneText } from '../shared/pane-context';

export interface JobProgressProps {
  /** null until the host reports the first stage. */
  progress: Progress | null;
}

/** The running job's stage, and how far it is when the host knows (else an indeterminate bar). */
export function JobProgress({ progress }: JobProgressProps) {
  const { t } = usePaneText();
  const label = progress ? t(`jobs.stage.${progress.stage}`) : t('jobs.preparing');
  const fraction = progress?.fraction;
  return (
    <Field label={label} validationState="none">
      <ProgressBar
        thickness="large"
        max={1}
        value={fraction === undefined ? undefined : Math.min(1, Math.max(0, fraction))}
      />
    </Field>
  );
}
