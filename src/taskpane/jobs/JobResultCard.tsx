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
import type { JobReport, JointMeetingReport } from '../../addin/host';
import { CountFacts, disputeCount, duplicateText, jointTotal, LevelBadge, levelCountText, MeetingFacts } from '../../ui';
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
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere', textAlign: 'start', fontWeight: tokens.fontWeightRegular },
  number: { textAlign: 'end' },
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
        description={<Text size={200}>{t('jobs.writtenTo', { sheet: report.sheet })}</Text>}
      />
      {report.joint ? (
        <JointFacts joint={report.joint} />
      ) : (
        <>
          <Text>{disputeCount(language, counts.disputes)}</Text>
          <div role="group" aria-label={t('jobs.byLevel')} className={styles.badges}>
            {LEVELS.map((level) => (
              <LevelBadge key={level} level={level}>
                {levelCountText(language, level, counts.byLevel[level])}
              </LevelBadge>
            ))}
          </div>
          <CountFacts counts={counts} language={language} className={styles.facts} valueClassName={styles.value} />
        </>
      )}
      {report.meeting && <MeetingFacts meeting={report.meeting} language={language} className={styles.facts} valueClassName={styles.value} />}
      {report.staticFills && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('jobs.staticFillsTitle')}</MessageBarTitle>
            {t('jobs.staticFills')}
          </MessageBarBody>
        </MessageBar>
      )}
      {issues.length > 0 && (
        <>
          <h3 className={styles.heading}>{t('jobs.issuesHeading', { n: issues.length })}</h3>
          <ul className={styles.issues}>
            {listed.map((issue, i) => (
              <li key={i} className={styles.issue}>
                <Text>{issue.message}</Text>{' '}
                {issue.cell && (
                  <Link as="button" onClick={() => onGoTo(issue.sheet, issue.cell as string)}>
                    {t('jobs.goTo', { sheet: issue.sheet, cell: issue.cell })}
                  </Link>
                )}
              </li>
            ))}
          </ul>
          {issues.length > listed.length && <Text size={200}>{t('jobs.moreIssues', { n: issues.length - listed.length })}</Text>}
        </>
      )}
    </Card>
  );
}

/**
 * A joint meeting's result: the total with every dispute once, each unit's line (this workbook's
 * first), the disputes found in several ledgers, and where the joint revisit list went.
 */
function JointFacts({ joint }: { joint: JointMeetingReport }) {
  const { t, language } = usePaneText();
  const styles = useJobResultCardStyles();
  const lines = joint.units.reduce((n, u) => n + u.disputes, 0);
  return (
    <>
      <Text weight="semibold">{jointTotal(language, joint.disputes)}</Text>
      <Text size={200}>{t('summary.jointHint', { units: joint.units.length, lines })}</Text>
      <table className={styles.table} aria-label={t('summary.unitsTable')}>
        <thead>
          <tr>
            {[t('summary.unitColumn'), t('summary.disputesColumn'), t('summary.registeredColumn'), t('summary.openColumn')].map((h) => (
              <th key={h} scope="col" className={styles.th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {joint.units.map((u, i) => (
            <tr key={u.unit}>
              <th scope="row" className={styles.td}>
                {i === 0 ? t('summary.thisWorkbook', { unit: u.unit }) : u.unit}
              </th>
              <td className={`${styles.td} ${styles.number}`}>{u.disputes}</td>
              <td className={`${styles.td} ${styles.number}`}>{u.registered}</td>
              <td className={styles.td}>{t('summary.openValue', u.open)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className={styles.heading}>{t('summary.duplicatesHeading', { n: joint.duplicates.length })}</h3>
      {joint.duplicates.length > 0 ? (
        <ul className={styles.issues} aria-label={t('summary.duplicatesHeading', { n: joint.duplicates.length })}>
          {joint.duplicates.map((group, i) => (
            <li key={i} className={styles.issue}>
              <Text>{duplicateText(language, group)}</Text>
            </li>
          ))}
        </ul>
      ) : (
        <Text>{t('summary.noDuplicates')}</Text>
      )}
      <Text size={200}>{t('summary.jointDueList', { sheet: joint.dueListSheet })}</Text>
    </>
  );
}
