import { Button, Tab, TabList, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { startTransition, useState } from 'react';
import { MEETING_SUMMARY_SHEET } from '../../core';
import { MeetingFacts } from '../../ui';
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
  const m = t.meeting;
  const { summary } = result;
  // The summary sheet is what the meeting is for: it is shown first.
  const [panel, setPanel] = useState(() => Math.max(0, summary.reports.findIndex((r) => r.name === MEETING_SUMMARY_SHEET)));
  const idBase = useId('web-meeting-');
  const tabId = (i: number) => `${idBase}-tab-${i}`;
  const panelId = `${idBase}-panel`;
  const report = summary.reports[panel];
  const lines = summary.units.reduce((n, u) => n + u.disputes, 0);
  const c = m.columns;
  return (
    <ResultFrame heading={t.result.heading} staleText={stale ? m.stale : null}>
      <div className={layout.top}>
        <div className={layout.counts}>
          <Text weight="semibold" className={local.total}>
            {m.total(summary.disputes)}
          </Text>
          <Text className={styles.hint}>{m.totalHint(summary.units.length, lines)}</Text>
          <MeetingFacts meeting={summary.meeting} language={language} className={styles.facts} valueClassName={styles.value} />
        </div>
        <div className={layout.download}>
          <Button as="a" appearance="primary" size="large" href={result.url} download={summary.outputName}>
            {m.download(summary.outputName)}
          </Button>
          <Text className={styles.hint}>{m.downloadHint}</Text>
        </div>
      </div>

      <h3 className={styles.subheading}>{m.unitsLabel}</h3>
      <div className={local.scroller} role="region" aria-label={m.unitsLabel} tabIndex={0}>
        <table className={local.table} aria-label={m.unitsLabel}>
          <thead>
            <tr>
              {[c.unit, c.file, c.disputes, c.registered, c.open, c.overdue, c.shared].map((h) => (
                <th key={h} scope="col" className={local.head}>
                  {h}
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
                <td className={local.cell}>{m.fileSheet(u.fileName, u.sheet)}</td>
                <td className={`${local.cell} ${local.number}`}>{m.count(u.disputes)}</td>
                <td className={`${local.cell} ${local.number}`}>{m.count(u.registered)}</td>
                <td className={local.cell}>{m.openValue(u.open.total, u.open.red, u.open.yellow, u.open.green)}</td>
                <td className={`${local.cell} ${local.number}`}>{m.count(u.overdue)}</td>
                <td className={`${local.cell} ${local.number}`}>{m.count(u.shared)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className={styles.subheading}>{m.duplicatesHeading(summary.duplicates.length)}</h3>
      {summary.duplicates.length > 0 ? (
        <ul className={layout.list} aria-label={m.duplicatesHeading(summary.duplicates.length)}>
          {summary.duplicates.map((group, i) => (
            <li key={i} className={layout.item}>
              {m.duplicate(group)}
            </li>
          ))}
        </ul>
      ) : (
        <Text>{m.noDuplicates}</Text>
      )}

      {summary.issueCount > 0 && (
        <>
          <h3 className={styles.subheading}>{t.result.issuesHeading(summary.issueCount)}</h3>
          <ul className={layout.list} tabIndex={0} aria-label={t.result.issuesHeading(summary.issueCount)}>
            {summary.issues.map((issue, i) => (
              <li key={i} className={layout.item}>
                {m.issue(issue.unit, issue.message)}
              </li>
            ))}
          </ul>
          {summary.issueCount > summary.issues.length && <Text className={styles.hint}>{t.result.moreIssues(summary.issueCount - summary.issues.length)}</Text>}
        </>
      )}

      <TabList aria-label={t.result.tabsLabel} selectedValue={String(panel)} onTabSelect={(_, d) => startTransition(() => setPanel(Number(d.value)))}>
        {summary.reports.map((r, i) => (
          <Tab key={r.name} value={String(i)} id={tabId(i)} aria-controls={panelId}>
            {r.name}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(panel)} className={layout.panel}>
        {report && (
          <>
            {report.totalRows > report.rows.length && <Text className={styles.hint}>{t.result.reportNote(report.rows.length, report.totalRows)}</Text>}
            <ReportTable report={report} label={report.name} />
          </>
        )}
      </div>
    </ResultFrame>
  );
}
