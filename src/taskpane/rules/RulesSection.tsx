import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { FileChooserButton, JSON_FILE_TYPES, PresetFields, PresetProblemsBar, type PresetNotice, type PresetTrouble, type UiText } from '../../ui';
import { HostErrorBar } from '../shared/HostErrorBar';
import { usePaneText } from '../shared/pane-context';
import { useSectionStyles } from '../shared/useSectionStyles';
import type { PresetEditorState } from './usePresetEditor';

export interface RulesSectionProps {
  editor: PresetEditorState;
}

/** 规则: cadence, thresholds, word classes, exclusions and negations of the preset; import, export and save. */
export function RulesSection({ editor }: RulesSectionProps) {
  const { t, language } = usePaneText();
  const styles = useSectionStyles();
  const { preset, trouble } = editor;

  return (
    <section className={styles.section} aria-labelledby="tricolor-rules-heading">
      <h2 id="tricolor-rules-heading" className={styles.heading}>
        {t('rules.heading')}
      </h2>
      {editor.loading && <Spinner size="tiny" labelPosition="after" label={t('rules.loading')} />}
      {editor.failure && (
        <HostErrorBar error={editor.failure.error} onDismiss={editor.dismissFailure} onRetry={preset ? undefined : editor.load} />
      )}
      <div className={styles.actions}>
        <FileChooserButton accept={JSON_FILE_TYPES} inputLabel={t('rules.importJson')} onChoose={editor.importFile}>
          {t('rules.importJson')}
        </FileChooserButton>
        <Button onClick={editor.exportJson} disabled={!preset}>
          {t('rules.exportJson')}
        </Button>
        <Button onClick={editor.resetToDefault}>{t('rules.resetDefault')}</Button>
      </div>
      {trouble && <PresetProblemsBar {...troubleBar(trouble, t)} language={language} />}
      {editor.notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{noticeText(editor.notice, t)}</MessageBarBody>
        </MessageBar>
      )}
      {preset && (
        <>
          <Text>{t('rules.presetName', { name: preset.name })}</Text>
          <PresetFields
            preset={preset}
            edits={editor.edits}
            // Only the edited preset's problems belong on the fields; an imported file's belong to the file.
            problems={trouble?.kind === 'invalid' ? trouble.problems : []}
            language={language}
            onEdit={editor.edit}
            headingLevel={3}
            headingClassName={styles.subheading}
          />
          <div className={styles.actions}>
            <Button appearance="primary" onClick={editor.save} disabledFocusable={editor.saving}>
              {editor.saving ? t('rules.saving') : t('rules.save')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

function troubleBar(trouble: PresetTrouble, t: UiText) {
  switch (trouble.kind) {
    case 'invalid':
      return { title: t('rules.invalidTitle'), problems: trouble.problems };
    case 'importInvalid':
      return { title: t('rules.importInvalidTitle'), problems: trouble.problems };
    case 'notJson':
      return { detail: t('rules.notJson', { detail: trouble.detail }) };
    case 'unreadable':
      return { detail: t('rules.unreadable', { detail: trouble.detail }) };
    case 'tooLarge':
      return { detail: t('rules.tooLarge', { file: trouble.file, size: trouble.size, limit: trouble.limit }) };
  }
}

function noticeText(notice: PresetNotice, t: UiText): string {
  switch (notice.kind) {
    case 'saved':
      return t('rules.saved');
    case 'imported':
      return t('rules.imported', { name: notice.name });
    case 'exported':
      return t('rules.exported', { file: notice.file });
    case 'reset':
      return t('rules.resetDone');
  }
}
