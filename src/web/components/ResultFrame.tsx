import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useSectionStyles } from './styles';

export interface ResultFrameProps {
  heading: string;
  /** Shown when the options changed after the run, so the result no longer matches them. */
  staleText: string | null;
  children: ReactNode;
}

/** The result section's frame, the same for a single run and a meeting: its heading and the stale-result warning. */
export function ResultFrame({ heading, staleText, children }: ResultFrameProps) {
  const styles = useSectionStyles();
  return (
    <section className={styles.section} aria-labelledby="web-result-heading">
      <h2 id="web-result-heading" className={styles.heading}>
        {heading}
      </h2>
      {staleText && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{staleText}</MessageBarBody>
        </MessageBar>
      )}
      {children}
    </section>
  );
}
