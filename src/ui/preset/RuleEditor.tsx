import { Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Language, NumericField, TriagePreset } from '../../core';
import { uiText } from '../messages';
import { classesText } from '../phrases';
import { classesOfRule, editableValues, type EditableValue } from './preset-edit';
import { WordListField, type PresetFieldAccess } from './WordListField';

const useRuleEditorStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  bounds: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS },
  input: { minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface RuleEditorProps {
  preset: TriagePreset;
  /** The rule's index in `preset.rules`: its values' paths start `rules[index]`. */
  index: number;
  language: Language;
  access: PresetFieldAccess;
}

/**
 * The editable values of one rule (number bounds, days, keyword lists) and, read-only, the word
 * classes it reads: a word is added to the class, in the 词类 part of the editor, not to the rule.
 */
export function RuleEditor({ preset, index, language, access }: RuleEditorProps) {
  const t = uiText(language);
  const styles = useRuleEditorStyles();
  const rule = preset.rules[index];
  const values = editableValues(preset, index);
  const keywordLists = values.filter((v) => v.kind === 'keywords');
  const classes = classesOfRule(rule);
  const labelOf = (name: string) => preset.classes[name]?.label[language] ?? name;

  const numberField = (v: EditableValue, fieldLabel: string, problem = access.problemAt(v.path)) => (
    <Field key={v.path} label={fieldLabel} validationMessage={problem}>
      <Input className={styles.input} type="number" inputMode="decimal" value={access.textOf(v)} onChange={(_, d) => access.onEdit(v.path, d.value)} />
    </Field>
  );

  const rows: ReactNode[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v.kind === 'min' && values[i + 1]?.kind === 'max') {
      const what = t(`rules.number.${v.number as NumericField}`);
      const max = values[i + 1];
      // "needs min or max" and "min must not exceed max" are the condition's, not one bound's: shown under the pair.
      const conditionProblem = access.problemAt(v.path.slice(0, -'.min'.length));
      rows.push(
        <div key={v.path} className={styles.bounds}>
          {numberField(v, t('rules.min', { what }))}
          {numberField(max, t('rules.max', { what }), access.problemAt(max.path) ?? conditionProblem)}
        </div>,
      );
      i++;
    } else if (v.kind === 'days') rows.push(numberField(v, t('rules.days')));
    else if (v.kind === 'keywords') {
      const n = keywordLists.indexOf(v) + 1;
      rows.push(
        <WordListField key={v.path} value={v} label={keywordLists.length > 1 ? t('rules.keywordsGroup', { n }) : t('rules.keywords')} hint={t('rules.keywordsHint')} access={access} />,
      );
    }
  }
  if (classes.uses.length) rows.push(<Text key="uses">{classesText(language, 'used', classes.uses.map(labelOf))}</Text>);
  if (classes.unless.length) rows.push(<Text key="unless" className={styles.hint}>{classesText(language, 'unless', classes.unless.map(labelOf))}</Text>);

  return (
    <div role="group" aria-label={rule.label[language]} className={styles.group}>
      {rows.length ? rows : <Text className={styles.hint}>{t('rules.noEditable')}</Text>}
    </div>
  );
}
