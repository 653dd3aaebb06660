import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { describeProblem, type Language, type PresetProblem } from '../../core';

const usePresetProblemsBarStyles = makeStyles({
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

export interface PresetProblemsBarProps {
  /** What was refused, e.g. "规则有误，未保存"; the bar's accessible name. */
  title?: string;
  /** Every problem `validatePreset` named, each with its JSON path… */
  problems?: readonly PresetProblem[];
  /** …or one sentence, for a file that could not be read or parsed. */
  detail?: string;
  language: Language;
}

/** Why a preset was refused: every problem with its path, so a county fixes them in one pass. */
export function PresetProblemsBar({ title, problems = [], detail, language }: PresetProblemsBarProps) {
  const styles = usePresetProblemsBarStyles();
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {detail}
        {problems.length > 0 && (
          <ul className={styles.problems}>
            {problems.map((p, i) => (
              <li key={i}>{describeProblem(p, language)}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
