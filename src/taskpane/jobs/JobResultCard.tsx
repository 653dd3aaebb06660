import {
  Card,
  CardHeader,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { LEVELS } from '../../core';
import type { JobReport } from '../../addin/host';
import { LevelBadge } from '../shared/LevelBadge';
import { CountFacts } from '../shared/CountFacts';
import { MeetingFacts } from '../shared/MeetingFacts';
import { usePaneText } from '../shared/pane-context';

/** More than this many issues are counted, not listed: the pane is for finding the first ones. */
export const MAX_LISTED_ISSUES = 50;

const useJobResultCardStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  facts: {
    display: 'grid',
    gridTemplateColumns: '1fr max-content',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  value: { margin: 0, textAlign: 'end', fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  issues: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  issue: { overflowWrap: 'anywhere' },
});

export interface JobResultCardProps {
  report: JobReport;
  /** What was done, e.g. 分级上色完成. */
  title: string;
  onGoTo(sheet: string, cell: string): void;
}

/** What a job did: counts by colour, revisits due and overdue, unreadable rows, and each issue with a link. */
export function JobResultCard({ report, title, onGoTo }: JobResultCardProps) {
  const { t, language } = usePaneText();
  const styles = useJobResultCardStyles();
  const { counts, issues } = report;
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  return (
    <Card role="region" aria-label={title}>
      <CardHeader
        header={<Text weight="semibold">{title}</Text>}
        description={<Text size={200}>{t.jobs.writtenTo(report.sheet)}</Text>}
      />
      <Text>{t.jobs.disputes(counts.disputes)}</Text>
      <div role="group" aria-label={t.jobs.byLevel} className={styles.badges}>
        {LEVELS.map((level) => (
          <LevelBadge key={level} level={level}>
            {t.levelCount(t.levels[level], counts.byLevel[level])}
          </LevelBadge>
        ))}
      </div>
      <CountFacts counts={counts} language={language} className={styles.facts} valueClassName={styles.value} />
      {report.meeting && <MeetingFacts meeting={report.meeting} language={language} className={styles.facts} valueClassName={styles.value} />}
      {report.staticFills && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.jobs.staticFillsTitle}</MessageBarTitle>
            {t.jobs.staticFills}
          </MessageBarBody>
        </MessageBar>
      )}
      {issues.length > 0 && (
        <>
          <h3 className={styles.heading}>{t.jobs.issuesHeading(issues.length)}</h3>
          <ul className={styles.issues}>
            {listed.map((issue, i) => (
              <li key={i} className={styles.issue}>
                <Text>{issue.message}</Text>{' '}
                {issue.cell && (
                  <Link as="button" onClick={() => onGoTo(issue.sheet, issue.cell as string)}>
                    {t.jobs.goTo(issue.sheet, issue.cell)}
                  </Link>
                )}
              </li>
            ))}
          </ul>
          {issues.length > listed.length && <Text size={200}>{t.jobs.moreIssues(issues.length - listed.length)}</Text>}
        </>
      )}
    </Card>
  );
}
