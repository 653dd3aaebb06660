import { Badge, Button, Tab, TabList, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { startTransition, useState } from 'react';
import { LEVELS, type Level } from '../../core';
import { CountFacts, disputeCount, levelCountText, MeetingFacts } from '../../ui';
import type { Result } from '../useWebApp';
import { PreviewTable } from './PreviewTable';
import { ReportTable } from './ReportTable';
import { ResultFrame } from './ResultFrame';
import { LEVEL_BACKGROUND, useResultLayoutStyles, useSectionStyles } from './styles';
import { useWebText } from './text';

const useResultStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  badge: { color: tokens.colorNeutralForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
});

export interface ResultSectionProps {
  result: Result;
  /** The options changed after the run. */
  stale: boolean;
}

type Panel = 'ledger' | number;

/** 处理结果: counts, the download, the issues, and previews of the ledger and both report sheets. */
export function ResultSection({ result, stale }: ResultSectionProps) {
  const { t, language } = useWebText();
  const styles = useSectionStyles();
  const local = useResultStyles();
  const layout = useResultLayoutStyles();
  const [panel, setPanel] = useState<Panel>('ledger');
  const idBase = useId('web-result-');
  const { summary } = result;
  const { counts } = summary;
  const tabId = (p: Panel) => `${idBase}-tab-${p}`;
  const panelId = `${idBase}-panel`;
  const report = typeof panel === 'number' ? summary.reports[panel] : undefined;
  const badgeStyle = (level: Level) => ({ backgroundColor: LEVEL_BACKGROUND[level] });
  return (
    <ResultFrame heading={t('result.heading')} staleText={stale ? t('result.stale') : null}>
      <div className={layout.top}>
        <div className={layout.counts}>
          <Text weight="semibold">{disputeCount(language, counts.disputes)}</Text>
          <div role="group" aria-label={t('result.byLevel')} className={local.badges}>
            {LEVELS.map((level) => (
              <Badge key={level} appearance="filled" shape="rounded" size="large" className={local.badge} style={badgeStyle(level)}>
                {levelCountText(language, level, counts.byLevel[level])}
              </Badge>
            ))}
          </div>
          <CountFacts counts={counts} language={language} className={styles.facts} valueClassName={styles.value} />
          <MeetingFacts meeting={summary.meeting} language={language} className={styles.facts} valueClassName={styles.value} />
        </div>
        <div className={layout.download}>
          <Button as="a" appearance="primary" size="large" href={result.url} download={summary.outputName}>
            {t('result.download', { name: summary.outputName })}
          </Button>
          <Text className={styles.hint}>{t('result.downloadHint')}</Text>
        </div>
      </div>
      {summary.issueCount > 0 && (
        <>
          <h3 className={styles.subheading}>{t('result.issuesHeading', { n: summary.issueCount })}</h3>
          <ul className={layout.list} tabIndex={0} aria-label={t('result.issuesHeading', { n: summary.issueCount })}>
            {summary.issues.map((issue, i) => (
              <li key={i} className={layout.item}>
                {issue.message}
              </li>
            ))}
          </ul>
          {summary.issueCount > summary.issues.length && <Text className={styles.hint}>{t('result.moreIssues', { n: summary.issueCount - summary.issues.length })}</Text>}
        </>
      )}
      <TabList aria-label={t('result.tabsLabel')} selectedValue={String(panel)} onTabSelect={(_, d) => startTransition(() => setPanel(d.value === 'ledger' ? 'ledger' : Number(d.value)))}>
        <Tab value="ledger" id={tabId('ledger')} aria-controls={panelId}>
          {t('result.ledgerTab')}
        </Tab>
        {summary.reports.map((r, i) => (
          <Tab key={r.name} value={String(i)} id={tabId(i)} aria-controls={panelId}>
            {r.name}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(panel)} className={layout.panel}>
        {report ? (
          <>
            {report.totalRows > report.rows.length && <Text className={styles.hint}>{t('result.reportNote', { shown: report.rows.length, total: report.totalRows })}</Text>}
            <ReportTable report={report} label={report.name} />
          </>
        ) : (
          <>
            <Text className={styles.hint}>
              {t('result.legend')}
              {summary.preview.truncated ? ` ${t('result.previewNote', { shown: summary.preview.rows.length, disputes: counts.disputes })}` : ''}
            </Text>
            {/* A new result starts its preview from the first rows again. */}
            <PreviewTable key={result.url} preview={summary.preview} sheet={summary.sheet} />
          </>
        )}
      </div>
    </ResultFrame>
  );
}

