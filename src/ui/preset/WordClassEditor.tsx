import { makeStyles, tokens } from '@fluentui/react-components';
import type { Language, TriagePreset } from '../../core';
import { STRINGS } from '../strings';
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
  const t = STRINGS[language].rules;
  const styles = useWordClassEditorStyles();
  const label = preset.classes[name].label[language];
  const { words, exclude } = classValues(preset, name);
  return (
    <div role="group" aria-label={label} className={styles.group}>
      <WordListField value={words} label={t.classWords(label)} hint={t.keywordsHint} access={access} />
      <WordListField value={exclude} label={t.classExclude(label)} hint={t.classExcludeHint} access={access} />
    </div>
  );
}
