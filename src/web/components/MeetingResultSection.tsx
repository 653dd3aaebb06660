import { Button, Tab, TabList, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { startTransition, useState } from 'react';
import { MEETING_SUMMARY_SHEET, message } from '../../core';
import { duplicateText, MeetingFacts } from '../../ui';
import { meetingTotalText } from '../phrases';
import type { MeetingResult } from '../useWebApp';
import { ReportTable } from './ReportTable';
import { ResultFrame } from './ResultFrame';
import { useResultLayoutStyles, useSectionStyles } from './styles';
import { useWebText } from './text';

const useMeetingResultStyles = makeStyles({
  total: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  scroller: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  head: { textAlign: 'start', verticalAlign: 'bottom', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  cell: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, textAlign: 'start', fontWeight: tokens.fontWeightRegular },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

/** The units table's columns, in order. */
const UNIT_COLUMNS = ['unit', 'file', 'disputes', 'registered', 'open', 'overdue', 'shared'] as const;

export interface MeetingResultSectionProps {
  result: MeetingResult;
  /** The options or the ledgers changed after the run. */
  stale: boolean;
}

/**
 * 处理结果 of a joint meeting: the total with every dispute once, the headline, the download, each
 * unit's line, the disputes found in several ledgers, the issues, and the meeting workbook's
 * 回访清单 and 联席会议汇总 (with its charts) as tables.
 */
export function MeetingResultSection({ result, stale }: MeetingResultSectionProps) {
  const { t, language } = useWebText();
  const styles = useSectionStyles();
  const local = useMeetingResultStyles();
  const layout = useResultLayoutStyles();
  const { summary } = result;
  // The summary sheet is what the meeting is for: it is shown first.
  const [panel, setPanel] = useState(() => Math.max(0, summary.reports.findIndex((r) => r.name === MEETING_SUMMARY_SHEET)));
  const idBase = useId('web-meeting-');
  const tabId = (i: number) => `${idBase}-tab-${i}`;
  const panelId = `${idBase}-panel`;
  const report = summary.reports[panel];
  const lines = summary.units.reduce((n, u) => n + u.disputes, 0);
  return (
    <ResultFrame heading={t('result.heading')} staleText={stale ? t('meeting.stale') : null}>
      <div className={layout.top}>
        <div className={layout.counts}>
          <Text weight="semibold" className={local.total}>
            {meetingTotalText(language, summary.disputes)}
          </Text>
          <Text className={styles.hint}>{t('meeting.totalHint', { units: summary.units.length, lines })}</Text>
          <MeetingFacts meeting={summary.meeting} language={language} className={styles.facts} valueClassName={styles.value} />
        </div>
        <div className={layout.download}>
          <Button as="a" appearance="primary" size="large" href={result.url} download={summary.outputName}>
            {t('meeting.download', { name: summary.outputName })}
          </Button>
          <Text className={styles.hint}>{t('meeting.downloadHint')}</Text>
        </div>
      </div>

      <h3 className={styles.subheading}>{t('meeting.unitsLabel')}</h3>
      <div className={local.scroller} role="region" aria-label={t('meeting.unitsLabel')} tabIndex={0}>
        <table className={local.table} aria-label={t('meeting.unitsLabel')}>
          <thead>
            <tr>
              {UNIT_COLUMNS.map((column) => (
                <th key={column} scope="col" className={local.head}>
                  {t(`meeting.column.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.units.map((u) => (
              <tr key={u.unit}>
                <th scope="row" className={local.cell}>
                  {u.unit}
                </th>
                <td className={local.cell}>{t('meeting.fileSheet', { file: u.fileName, sheet: u.sheet })}</td>
                <td className={`${local.cell} ${local.number}`}>{t('meeting.count', { n: u.disputes })}</td>
                <td className={`${local.cell} ${local.number}`}>{t('meeting.count', { n: u.registered })}</td>
                <td className={local.cell}>{t('meeting.openValue', u.open)}</td>
                <td className={`${local.cell} ${local.number}`}>{t('meeting.count', { n: u.overdue })}</td>
                <td className={`${local.cell} ${local.number}`}>{t('meeting.count', { n: u.shared })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className={styles.subheading}>{t('meeting.duplicatesHeading', { n: summary.duplicates.length })}</h3>
      {summary.duplicates.length > 0 ? (
        <ul className={layout.list} aria-label={t('meeting.duplicatesHeading', { n: summary.duplicates.length })}>
          {summary.duplicates.map((group, i) => (
            <li key={i} className={layout.item}>
              {duplicateText(language, group)}
            </li>
          ))}
        </ul>
      ) : (
        <Text>{t('meeting.noDuplicates')}</Text>
      )}

      {summary.issueCount > 0 && (
        <>
          <h3 className={styles.subheading}>{t('result.issuesHeading', { n: summary.issueCount })}</h3>
          <ul className={layout.list} tabIndex={0} aria-label={t('result.issuesHeading', { n: summary.issueCount })}>
            {summary.issues.map((issue, i) => (
              <li key={i} className={layout.item}>
                {message('meeting.unitIssue', language, { unit: issue.unit, message: issue.message })}
              </li>
            ))}
          </ul>
          {summary.issueCount > summary.issues.length && <Text className={styles.hint}>{t('result.moreIssues', { n: summary.issueCount - summary.issues.length })}</Text>}
        </>
      )}

      <TabList aria-label={t('result.tabsLabel')} selectedValue={String(panel)} onTabSelect={(_, d) => startTransition(() => setPanel(Number(d.value)))}>
        {summary.reports.map((r, i) => (
          <Tab key={r.name} value={String(i)} id={tabId(i)} aria-controls={panelId}>
            {r.name}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(panel)} className={layout.panel}>
        {report && (
          <>
            {report.totalRows > report.rows.length && <Text className={styles.hint}>{t('result.reportNote', { shown: report.rows.length, total: report.totalRows })}</Text>}
            <ReportTable report={report} label={report.name} />
          </>
        )}
      </div>
    </ResultFrame>
  );
}
