import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { outputNameFor } from '../../core';
import type { OutsideText } from './messages';

/** The open workbook as the page can save it. */
export interface SavableWorkbook {
  workbook(): { bytes: Uint8Array; fileName: string; changed: boolean };
  subscribe(listener: () => void): () => void;
}

/** Hands the workbook's bytes to the user under `fileName`; the entry point's downloads it. */
export type SaveWorkbook = (fileName: string, bytes: Uint8Array) => void;

const useDownloadStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, alignItems: 'center', marginTop: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/**
 * 下载: the workbook with what the pane wrote, offered as NAME.tricolor.xlsx (.xlsm for a macro
 * workbook) — the name the command and the web page give their output — so the downloaded copy
 * never passes for the untouched original, which the page cannot overwrite anyway.
 */
export function DownloadBar({ workbook, t, save }: { workbook: SavableWorkbook; t: OutsideText; save: SaveWorkbook }) {
  const styles = useDownloadStyles();
  const [now, setNow] = useState(() => workbook.workbook());
  const [saved, setSaved] = useState<Uint8Array | null>(null);
  useEffect(() => {
    setNow(workbook.workbook());
    return workbook.subscribe(() => setNow(workbook.workbook()));
  }, [workbook]);
  const name = outputNameFor(now.fileName);
  const unsaved = now.changed && saved !== now.bytes;
  return (
    <div className={styles.row}>
      <Button
        size="small"
        appearance={unsaved ? 'primary' : 'secondary'}
        onClick={() => {
          save(name, now.bytes);
          setSaved(now.bytes);
        }}
      >
        {t('file.download')}
      </Button>
      <Text size={200} className={styles.hint}>
        {t('file.downloadHint', { name })}
      </Text>
      {unsaved && (
        <Text size={200} role="status">
          {t('file.unsaved')}
        </Text>
      )}
    </div>
  );
}
