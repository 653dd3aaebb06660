import { Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { FileChooserButton, LEDGER_FILE_TYPES } from '../../ui';
import { fileSizeText } from '../phrases';
import { MeetingLedgers, type MeetingLedgersProps } from './MeetingLedgers';
import { useSectionStyles } from './styles';
import { useWebText } from './text';

const useFileSectionStyles = makeStyles({
  zone: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  active: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

export interface FileSectionProps {
  file: File | null;
  busy: boolean;
  /** A file is being dragged over the page. */
  dragging: boolean;
  onChoose(file: File): void;
  /** Other units' ledgers for a joint meeting, once a ledger is chosen. */
  meeting?: Omit<MeetingLedgersProps, 'file'>;
}

/** 1. 选择台账: a button for the file chooser (the keyboard way) and a drop zone; then other units' ledgers. */
export function FileSection({ file, busy, dragging, onChoose, meeting }: FileSectionProps) {
  const { t, language } = useWebText();
  const styles = useSectionStyles();
  const local = useFileSectionStyles();
  return (
    <section className={styles.section} aria-labelledby="web-file-heading">
      <h2 id="web-file-heading" className={styles.heading}>
        {t('file.heading')}
      </h2>
      <div className={mergeClasses(local.zone, dragging && local.active)}>
        <FileChooserButton appearance="primary" accept={LEDGER_FILE_TYPES} inputLabel={t('file.inputLabel')} onChoose={(chosen) => onChoose(chosen)}>
          {t('file.choose')}
        </FileChooserButton>
        <Text>{dragging ? t('file.dropActive') : t('file.drop')}</Text>
      </div>
      <div role="status">
        {file && <Text>{t('file.chosen', { name: file.name, size: fileSizeText(language, file.size) })}</Text>}
        {busy && <Spinner size="tiny" labelPosition="after" label={t('file.reading')} />}
      </div>
      {file && meeting && <MeetingLedgers {...meeting} file={file} />}
    </section>
  );
}
