import { FluentProvider, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AddinHost } from '../../addin/host';
import type { Language } from '../../core';
import { TaskPane } from '../TaskPane';
import { SelectionBar, type SelectableWorkbook } from './SelectionBar';
import { DownloadBar, type SavableWorkbook, type SaveWorkbook } from './DownloadBar';
import { outsideText } from './messages';
import { downloadFile, FileChooserButton, languageTag, LEDGER_FILE_TYPES, tricolorTheme } from '../../ui';
import { checkWorkbookFileSize, workbookMimeType } from '../../core';

/** An opened ledger: the pane's host, the workbook the selection box works on and the page saves. */
export interface OutsideSession extends SelectableWorkbook, SavableWorkbook {
  host: AddinHost;
  /** Ends the session (its worker) when another file is opened. */
  dispose(): void;
}

const downloadWorkbook: SaveWorkbook = (fileName, bytes) => downloadFile(fileName, new Blob([bytes as BlobPart], { type: workbookMimeType(fileName) }));

export interface OutsideExcelProps {
  language: Language;
  /** Today as YYYY-MM-DD, read by the entry point. */
  today: () => string;
  /** Opens a file's bytes; the entry point's runs the file host in a worker (openFileAddinSession). */
  open(bytes: Uint8Array, fileName: string): Promise<OutsideSession>;
  /** Hands the changed workbook to the user; a download by default. */
  save?: SaveWorkbook;
}

const useOutsideStyles = makeStyles({
  bar: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  chooser: { alignSelf: 'flex-start' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type Opened = { key: number; session: OutsideSession; name: string };

/** The pane outside Excel: a file chooser, then the normal pane on the workbook file, and its download. */
export function OutsideExcel({ language, today, open, save = downloadWorkbook }: OutsideExcelProps) {
  const t = outsideText(language);
  const styles = useOutsideStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [status, setStatus] = useState<{ kind: 'busy' | 'error'; message: string } | null>(null);

  const choose = async (file: File) => {
    setStatus({ kind: 'busy', message: t('file.opening', { name: file.name }) });
    try {
      checkWorkbookFileSize(file.size, file.name, language);
      const session = await open(new Uint8Array(await file.arrayBuffer()), file.name);
      setOpened((previous) => {
        previous?.session.dispose();
        return { key: (previous?.key ?? 0) + 1, session, name: file.name };
      });
      setStatus(null);
    } catch (e) {
      setStatus({ kind: 'error', message: t('file.failed', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <>
      <FluentProvider theme={tricolorTheme} lang={languageTag(language)}>
        <div className={styles.bar}>
          {!opened && <Text>{t('file.intro')}</Text>}
          <FileChooserButton
            className={styles.chooser}
            appearance={opened ? 'secondary' : 'primary'}
            accept={LEDGER_FILE_TYPES}
            inputLabel={t('file.label')}
            disabledFocusable={status?.kind === 'busy'}
            onChoose={(file) => void choose(file)}
          >
            {opened ? t('file.chooseAnother') : t('file.choose')}
          </FileChooserButton>
          {status?.kind === 'busy' && <Text role="status">{status.message}</Text>}
          {status?.kind === 'error' && (
            <Text role="alert" className={styles.error}>
              {status.message}
            </Text>
          )}
          {opened && !status && <Text role="status">{t('file.opened', { name: opened.name })}</Text>}
          {opened && <SelectionBar key={opened.key} workbook={opened.session} t={t} />}
          {opened && <DownloadBar key={`download-${opened.key}`} workbook={opened.session} t={t} save={save} />}
        </div>
      </FluentProvider>
      {opened && <TaskPane key={opened.key} host={opened.session.host} language={language} today={today()} />}
    </>
  );
}
