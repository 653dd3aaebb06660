import { Button, FluentProvider, Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useEffect, useMemo, useState } from 'react';
import { FileSection } from './components/FileSection';
import { FailureBar } from './components/FailureBar';
import { LedgerSection } from './components/LedgerSection';
import { MeetingResultSection } from './components/MeetingResultSection';
import { OptionsSection } from './components/OptionsSection';
import { ResultSection } from './components/ResultSection';
import { RunSection } from './components/RunSection';
import { useSectionStyles } from './components/styles';
import { disputeCount, languageTag, tricolorTheme } from '../ui';
import { meetingTotalText } from './phrases';
import { WebTextProvider } from './components/text';
import { useWebApp, type WebAppProps, type WebAppState } from './useWebApp';

export type { WebAppProps } from './useWebApp';

// Each progress step re-renders the page; the mapping table, the options and the result (hundreds
// of cells on a big ledger) render again only when their own props change.
const LedgerSectionMemo = memo(LedgerSection);
const OptionsSectionMemo = memo(OptionsSection);
const ResultSectionMemo = memo(ResultSection);
const MeetingResultSectionMemo = memo(MeetingResultSection);

const useWebAppStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  main: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    maxWidth: '80rem',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  intro: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

/** 三色台账's offline web page: open a ledger, check the mapping, set the options, run, preview, download. */
export function WebApp(props: WebAppProps) {
  const state = useWebApp(props);
  const { language, t } = state;
  useEffect(() => {
    document.documentElement.lang = languageTag(language);
    document.title = t('appTitle');
  }, [language, t]);
  const dragging = useFileDrop(state.chooseFile, state.addLedgers);
  // A new context value would re-render every section that reads the text, memo or not.
  const text = useMemo(() => ({ language, t }), [language, t]);
  return (
    <FluentProvider theme={tricolorTheme} lang={languageTag(language)}>
      <WebTextProvider value={text}>
        <Page state={state} dragging={dragging} />
      </WebTextProvider>
    </FluentProvider>
  );
}

function Page({ state, dragging }: { state: WebAppState; dragging: boolean }) {
  const { t } = state;
  const styles = useWebAppStyles();
  const section = useSectionStyles();
  const other = state.language === 'zh' ? 'en' : 'zh';
  return (
    <div className={styles.page}>
      <main className={styles.main}>
        <header className={styles.header}>
          <div className={styles.intro}>
            <h1 className={styles.title}>{t('appTitle')}</h1>
            <Text>{t('tagline')}</Text>
            <Text className={section.hint}>{t('offline')}</Text>
          </div>
          <Button lang={languageTag(other)} onClick={() => state.setLanguage(other)}>
            {t('switchLanguage')}
          </Button>
        </header>
        <FileSection
          file={state.file}
          busy={state.inspecting}
          dragging={dragging}
          onChoose={state.chooseFile}
          meeting={{
            info: state.info,
            mainUnit: state.mainUnit,
            others: state.others,
            notice: state.addNotice,
            corrections: Object.keys(state.corrections).length,
            onAdd: state.addLedgers,
            onRemove: state.removeLedger,
            onUnit: state.setUnit,
          }}
        />
        {state.inspectFailure && <FailureBar failure={state.inspectFailure} onDismiss={state.info ? state.dismissInspectFailure : undefined} />}
        {state.info && (
          <LedgerSectionMemo
            info={state.info}
            columns={state.columns}
            corrections={Object.keys(state.corrections).length}
            lastCorrection={state.lastCorrection}
            busy={state.inspecting}
            onChooseSheet={state.chooseSheet}
            onCorrect={state.correct}
            onUndoCorrections={state.undoCorrections}
          />
        )}
        <OptionsSectionMemo
          asOf={state.asOf}
          period={state.period}
          mask={state.mask}
          presetDraft={state.presetDraft}
          dateProblems={state.dateProblems}
          onAsOf={state.setAsOf}
          onPeriod={state.setPeriod}
          onMask={state.setMask}
        />
        <RunSection
          ready={!!state.info && !state.inspecting && state.othersBlock === null}
          needFile={!state.file}
          waitHint={state.othersBlock === 'failed' ? t('meeting.removeFailed') : state.othersBlock === 'reading' ? t('meeting.waitForFiles') : null}
          meeting={state.others.length > 0}
          stage={state.stage}
          stageFile={state.stageFile}
          inBackground={state.inBackground}
          failure={state.runFailure}
          onRun={state.run}
          onCancel={state.cancel}
          onDismissFailure={state.dismissRunFailure}
        />
        <div role="status" className={section.visuallyHidden}>
          {state.result && !state.running && !state.stale ? disputeCount(state.language, state.result.summary.counts.disputes) : ''}
          {state.meetingResult && !state.running && !state.meetingStale ? meetingTotalText(state.language, state.meetingResult.summary.disputes) : ''}
        </div>
        {state.result && <ResultSectionMemo result={state.result} stale={state.stale} />}
        {state.meetingResult && <MeetingResultSectionMemo result={state.meetingResult} stale={state.meetingStale} />}
      </main>
    </div>
  );
}

/**
 * Files dropped anywhere on the page open as the ledger (a drop outside a handler would make the
 * browser navigate to the file and lose the page); with several dropped at once, the first is the
 * ledger and the others join it in a meeting. Returns whether a file is being dragged over it.
 */
function useFileDrop(onFile: (file: File) => void, onMore: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (!files.length) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      onFile(files[0]);
      if (files.length > 1) onMore(files.slice(1));
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragleave', leave);
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, [onFile, onMore]);
  return dragging;
}
