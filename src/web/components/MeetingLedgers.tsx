import { Button, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { FileChooserButton, LEDGER_FILE_TYPES } from '../../ui';
import type { WorkbookInfo } from '../protocol';
import { fileFailureText, type AddedLedger } from '../useWebApp';
import { focusHeadingBefore } from './focus';
import { useSectionStyles } from './styles';
import { useWebText } from './text';

const useMeetingStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  scroller: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  head: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  cell: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, verticalAlign: 'middle', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere' },
  unit: { minWidth: '12rem' },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

export interface MeetingLedgersProps {
  /** The ledger chosen above; its info once found, and its unit as shown. */
  file: File;
  info: WorkbookInfo | null;
  mainUnit: string;
  others: AddedLedger[];
  /** A file was not added because it is in the list already. */
  notice: { file: string } | null;
  /** The chosen ledger's mapping has corrections, which a meeting does not use. */
  corrections: number;
  onAdd(files: File[]): void;
  onRemove(id: number): void;
  onUnit(id: number | 'main', unit: string): void;
}

/**
 * 联席会议: other units' ledgers added to the one chosen above — each read in the worker like the
 * first, listed with the unit its title or 填报单位 line names (editable) and the sheet found, or
 * why it cannot be read. With any added, the run is `tricolor meeting` on all of them.
 */
export function MeetingLedgers({ file, info, mainUnit, others, notice, corrections, onAdd, onRemove, onUnit }: MeetingLedgersProps) {
  const { t, language } = useWebText();
  const styles = useSectionStyles();
  const local = useMeetingStyles();
  const failed = others.filter((o) => o.status === 'failed');
  const unitInput = (id: number | 'main', file: string, unit: string) => (
    <Input className={local.unit} aria-label={t('meeting.unitLabel', { file })} value={unit} onChange={(_, d) => onUnit(id, d.value)} />
  );
  return (
    <div className={local.part}>
      <h3 className={styles.subheading}>{t('meeting.heading')}</h3>
      <Text className={styles.hint}>{t('meeting.intro')}</Text>
      <div className={styles.actions}>
        <FileChooserButton accept={LEDGER_FILE_TYPES} inputLabel={t('meeting.inputLabel')} multiple onChoose={(_, all) => onAdd(all)}>
          {t('meeting.add')}
        </FileChooserButton>
      </div>
      <div role="status">{notice && <Text>{t('meeting.alreadyAdded', { file: notice.file })}</Text>}</div>
      {others.length > 0 && (
        <>
          <div className={local.scroller}>
            <table className={local.table} aria-label={t('meeting.listLabel')}>
              <thead>
                <tr>
                  <th scope="col" className={local.head}>
                    {t('meeting.file')}
                  </th>
                  <th scope="col" className={local.head}>
                    {t('meeting.unit')}
                  </th>
                  <th scope="col" className={local.head}>
                    {t('meeting.sheet')}
                  </th>
                  <th scope="col" className={local.head}>
                    {t('meeting.state')}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row" className={local.cell}>
                    {file.name}
                  </th>
                  <td className={local.cell}>{info ? unitInput('main', file.name, mainUnit) : '—'}</td>
                  <td className={local.cell}>{info?.sheet ?? '—'}</td>
                  <td className={local.cell}>{t('meeting.mainLedger')}</td>
                </tr>
                {others.map((o) => (
                  <tr key={o.id}>
                    <th scope="row" className={local.cell}>
                      {o.file.name}
                    </th>
                    <td className={local.cell}>{o.status === 'ready' ? unitInput(o.id, o.file.name, o.unit) : '—'}</td>
                    <td className={local.cell}>{o.info?.sheet ?? '—'}</td>
                    <td className={local.cell}>
                      <div className={styles.actions}>
                        {o.status === 'reading' ? (
                          <Spinner size="extra-tiny" labelPosition="after" label={t('meeting.reading')} />
                        ) : (
                          <Text className={o.status === 'failed' ? local.failed : undefined}>
                            {o.status === 'waiting' ? t('meeting.waiting') : o.status === 'ready' ? t('meeting.ready') : t('errors.title')}
                          </Text>
                        )}
                        <Button
                          size="small"
                          aria-label={t('meeting.remove', { file: o.file.name })}
                          onClick={(e) => {
                            // The row goes with the button that has focus: keep the user in this section.
                            focusHeadingBefore(e.currentTarget);
                            onRemove(o.id);
                          }}
                        >
                          {t('meeting.removeText')}
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Text className={styles.hint}>{t('meeting.unitHint')}</Text>
          {failed.map((o) => (
            <MessageBar key={o.id} intent="error" role="alert" layout="multiline">
              <MessageBarBody>{o.failure ? fileFailureText(o.failure, language, o.file.name) : o.file.name}</MessageBarBody>
            </MessageBar>
          ))}
          {corrections > 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t('meeting.correctionsIgnored')}</MessageBarBody>
            </MessageBar>
          )}
          <Text>{t('meeting.willJoin', { n: others.length + 1 })}</Text>
        </>
      )}
    </div>
  );
}
