import { Button, MessageBar, MessageBarBody, Text, useId } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { FileChooserButton, JSON_FILE_TYPES, PresetFields, PresetProblemsBar, uiText, type PresetDraft, type PresetTrouble } from '../../ui';
import type { WebText } from '../messages';
import type { Language } from '../../core';
import { useSectionStyles } from './styles';
import { useWebText } from './text';

export interface PresetOptionsProps {
  draft: PresetDraft;
}

/**
 * The options' 分级规则: the rules a run uses (the default, or a chosen JSON file), edited in
 * place with the task pane's editor, exported as JSON, or set back to the default.
 */
export function PresetOptions({ draft }: PresetOptionsProps) {
  const { t, language } = useWebText();
  const styles = useSectionStyles();
  const chooseButton = useRef<HTMLButtonElement>(null);
  const headingId = useId('web-preset-heading-');
  const editorId = useId('web-preset-editor-');
  const [editorOpen, setEditorOpen] = useState(false);
  // Invalid edits open the editor so their messages are seen; closed again by hand, it stays
  // closed until the next check finds problems.
  const [troubleSeen, setTroubleSeen] = useState<PresetTrouble | null>(null);
  const { preset, trouble } = draft;
  const shown = editorOpen || (trouble?.kind === 'invalid' && trouble !== troubleSeen);
  const notDefault = draft.file !== null || draft.changed;

  return (
    <>
      <h3 id={headingId} className={styles.subheading}>
        {t('options.preset')}
      </h3>
      <Text>{draft.file && preset ? t('options.presetLoaded', { file: draft.file, name: preset.name }) : t('options.presetDefault')}</Text>
      {draft.changed && <Text>{t('options.presetEdited')}</Text>}
      <div role="group" aria-labelledby={headingId} className={styles.actions}>
        <FileChooserButton buttonRef={chooseButton} accept={JSON_FILE_TYPES} inputLabel={t('options.presetInputLabel')} onChoose={draft.importFile}>
          {t('options.presetChoose')}
        </FileChooserButton>
        <Button
          aria-expanded={shown}
          aria-controls={editorId}
          onClick={() => {
            setEditorOpen(!shown);
            setTroubleSeen(trouble);
          }}
        >
          {t('options.presetEdit')}
        </Button>
        <Button onClick={draft.exportJson}>{t('options.presetExport')}</Button>
        {notDefault && (
          <Button
            onClick={() => {
              // This button goes with the chosen or edited rules: focus stays with the rules' first button.
              chooseButton.current?.focus();
              draft.resetToDefault();
            }}
          >
            {t('options.presetClear')}
          </Button>
        )}
      </div>
      {trouble && <PresetProblemsBar {...troubleBar(trouble, t, language)} language={language} />}
      {draft.notice?.kind === 'exported' && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('options.presetExported', { file: draft.notice.file })}</MessageBarBody>
        </MessageBar>
      )}
      <div id={editorId} hidden={!shown}>
        {shown && preset && (
          <>
            <Text className={styles.hint}>{t('options.presetEditHint')}</Text>
            <PresetFields
              preset={preset}
              edits={draft.edits}
              problems={trouble?.kind === 'invalid' ? trouble.problems : []}
              language={language}
              onEdit={draft.edit}
              headingLevel={4}
              headingClassName={styles.minorHeading}
            />
          </>
        )}
      </div>
    </>
  );
}

function troubleBar(trouble: PresetTrouble, t: WebText, language: Language) {
  switch (trouble.kind) {
    case 'invalid':
      return { title: t('options.presetEditsInvalidTitle'), problems: trouble.problems };
    case 'importInvalid':
      return { title: t('options.presetInvalidTitle'), problems: trouble.problems };
    case 'notJson':
      return { title: t('options.presetInvalidTitle'), detail: t('options.presetNotJson', { file: trouble.file, detail: trouble.detail }) };
    case 'unreadable':
      return { title: t('options.presetInvalidTitle'), detail: t('options.presetUnreadable', { file: trouble.file, detail: trouble.detail }) };
    case 'tooLarge':
      // The pane's words (src/ui), shared rather than copied.
      return { title: t('options.presetInvalidTitle'), detail: uiText(language)('rules.tooLarge', { file: trouble.file, size: trouble.size, limit: trouble.limit }) };
  }
}
