import { makeStyles, tokens } from '@fluentui/react-components';
import type { Language, TriagePreset } from '../../core';
import { uiText } from '../messages';
import { classValues } from './preset-edit';
import { WordListField, type PresetFieldAccess } from './WordListField';

const useWordClassEditorStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

export interface WordClassEditorProps {
  preset: TriagePreset;
  /** The class's key in `preset.classes`. */
  name: string;
  language: Language;
  access: PresetFieldAccess;
}

/** One word class: its words, and the phrases that contain one of them and do not mean it. */
export function WordClassEditor({ preset, name, language, access }: WordClassEditorProps) {
  const t = uiText(language);
  const styles = useWordClassEditorStyles();
  const label = preset.classes[name].label[language];
  const { words, exclude } = classValues(preset, name);
  return (
    <div role="group" aria-label={label} className={styles.group}>
      <WordListField value={words} label={t('rules.classWords', { label })} hint={t('rules.keywordsHint')} access={access} />
      <WordListField value={exclude} label={t('rules.classExclude', { label })} hint={t('rules.classExcludeHint')} access={access} />
    </div>
  );
}
