import { FluentProvider, Tab, TabList, Divider, makeStyles, tokens, useId } from '@fluentui/react-components';
import { JobPanel, type JobPanelProps } from './jobs/JobPanel';
import { LedgerSection } from './ledger/LedgerSection';
import { RevisitSection } from './revisit/RevisitSection';
import { RulesSection } from './rules/RulesSection';
import { PaneTextProvider } from './shared/pane-context';
import { useSectionStyles } from './shared/useSectionStyles';
import { SummarySection } from './summary/SummarySection';
import { PANE_SECTIONS, type PaneSection, type TaskPaneProps } from './TaskPane.types';
import { languageTag, tricolorTheme, type UiText } from '../ui';
import { useTaskPane, type TaskPaneState } from './useTaskPane';

const useTaskPaneStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  tabs: { flexWrap: 'wrap', marginInline: `calc(-1 * ${tokens.spacingHorizontalS})` },
  // Five tabs must fit a 320 px pane in both languages: less padding than Fluent's small tab.
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  panel: { minWidth: 0, paddingBlock: tokens.spacingVerticalS },
});

/** 三色台账's task pane: five sections (检测/分级/回访/规则/汇总) on tabs, fit for a 320 px pane. */
export function TaskPane(props: TaskPaneProps) {
  const state = useTaskPane(props);
  return renderTaskPane(state);
}

function renderTaskPane(state: TaskPaneState) {
  const { t, language } = state.text;
  return (
    <FluentProvider theme={tricolorTheme} lang={languageTag(language)}>
      <PaneTextProvider value={state.text}>
        <PaneLayout state={state} t={t} />
      </PaneTextProvider>
    </FluentProvider>
  );
}

function PaneLayout({ state, t }: { state: TaskPaneState; t: UiText }) {
  const styles = useTaskPaneStyles();
  const idBase = useId('tricolor-');
  const tabId = (s: PaneSection) => `${idBase}-tab-${s}`;
  const panelId = `${idBase}-panel`;
  return (
    <main className={styles.root}>
      <TabList
        size="small"
        className={styles.tabs}
        aria-label={t('tabs.label')}
        selectedValue={state.section}
        onTabSelect={(_, data) => state.selectSection(data.value as PaneSection)}
      >
        {PANE_SECTIONS.map((s) => (
          <Tab key={s} value={s} id={tabId(s)} aria-controls={panelId} className={styles.tab}>
            {t(`tabs.${s}`)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(state.section)} className={styles.panel}>
        <SectionBody state={state} />
      </div>
    </main>
  );
}

/** A job under its heading: the triage and due-list sections are built alike. */
function JobSection({ id, heading, ...panel }: JobPanelProps & { id: string; heading: string }) {
  const styles = useSectionStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {heading}
      </h2>
      <JobPanel {...panel} />
    </section>
  );
}

function SectionBody({ state }: { state: TaskPaneState }) {
  const { t } = state.text;
  const styles = useSectionStyles();
  switch (state.section) {
    case 'ledger':
      return <LedgerSection ledger={state.ledger} />;
    case 'triage':
      return (
        <JobSection
          id="tricolor-triage-heading"
          heading={t('jobs.triageHeading')}
          job={state.triage}
          runLabel={t('jobs.triage.run')}
          doneTitle={t('jobs.triage.done')}
          intro={t('jobs.triageIntro')}
          onRun={state.runTriage}
        />
      );
    case 'revisit':
      return (
        <div className={styles.section}>
          <JobSection
            id="tricolor-due-list-heading"
            heading={t('jobs.dueListHeading')}
            job={state.dueList}
            runLabel={t('jobs.dueList.run')}
            doneTitle={t('jobs.dueList.done')}
            intro={t('jobs.dueListIntro')}
            onRun={state.runDueList}
          />
          <Divider />
          <RevisitSection revisit={state.revisit} today={state.today} />
        </div>
      );
    case 'rules':
      return <RulesSection editor={state.rules} />;
    case 'summary':
      return <SummarySection options={state.summary} meeting={state.meeting} job={state.summaryJob} onRun={state.runSummary} />;
  }
}
