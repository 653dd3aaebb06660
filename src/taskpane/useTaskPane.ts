import { useCallback, useState } from 'react';
import { downloadTextFile, uiText } from '../ui';
import { useJob, type JobState } from './jobs/useJob';
import { useLedger, type LedgerState } from './ledger/useLedger';
import { useRevisit, type RevisitState } from './revisit/useRevisit';
import { usePresetEditor, type PresetEditorState } from './rules/usePresetEditor';
import { useMeetingLedgers, type MeetingLedgersState } from './summary/useMeetingLedgers';
import { useSummaryOptions, type SummaryOptionsState } from './summary/useSummaryOptions';
import type { PaneSection, TaskPaneProps } from './TaskPane.types';
import type { PaneText } from './shared/pane-context';

export interface TaskPaneState {
  text: PaneText;
  today: string;
  section: PaneSection;
  selectSection(section: PaneSection): void;
  ledger: LedgerState;
  triage: JobState;
  dueList: JobState;
  summaryJob: JobState;
  revisit: RevisitState;
  rules: PresetEditorState;
  summary: SummaryOptionsState;
  /** Other units' ledgers for a joint 联席会议汇总. */
  meeting: MeetingLedgersState;
  runTriage(): void;
  runDueList(): void;
  runSummary(): void;
}

/**
 * All of the pane's state, kept here rather than in the sections so that switching tabs (which
 * unmounts the hidden section) loses nothing, and a job keeps reporting while another tab is shown.
 */
export function useTaskPane({ host, language, today, saveTextFile = downloadTextFile }: TaskPaneProps): TaskPaneState {
  const [section, setSection] = useState<PaneSection>('ledger');
  const ledger = useLedger(host);
  const triage = useJob(host);
  const dueList = useJob(host);
  const summaryJob = useJob(host);
  const revisit = useRevisit(host, today);
  const rules = usePresetEditor(host, saveTextFile);
  const summary = useSummaryOptions(today);
  const meeting = useMeetingLedgers(language);

  const { run: runTriageJob } = triage;
  const { run: runDueListJob } = dueList;
  const { run: runSummaryJob } = summaryJob;
  const runTriage = useCallback(() => runTriageJob((p) => host.triage(p)), [host, runTriageJob]);
  const runDueList = useCallback(() => runDueListJob((p) => host.writeDueList(p)), [host, runDueListJob]);
  const { check } = summary;
  const { others: otherLedgers, ledgers: added } = meeting;
  const runSummary = useCallback(() => {
    const options = check();
    if (!options) return;
    // With other units' ledgers added, a joint meeting: only once every one of them is read.
    const others = added.length > 0 ? otherLedgers() : undefined;
    if (others === null) return;
    runSummaryJob((p) => host.writeSummary(others ? { ...options, others } : options, p));
  }, [host, check, runSummaryJob, added.length, otherLedgers]);

  return {
    text: { language, t: uiText(language) },
    today,
    section,
    selectSection: setSection,
    ledger,
    triage,
    dueList,
    summaryJob,
    revisit,
    rules,
    summary,
    meeting,
    runTriage,
    runDueList,
    runSummary,
  };
}
