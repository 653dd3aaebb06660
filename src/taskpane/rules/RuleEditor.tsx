import { Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { EditableValue } from './preset-edit';
import { usePaneText } from '../shared/pane-context';

const useRuleEditorStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  bounds: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS },
  input: { minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface RuleEditorProps {
  /** The rule's label, naming the group of inputs for screen readers. */
  label: string;
  values: EditableValue[];
  /** The text shown for a path: the user's edit, else the preset's value. */
  textOf(value: EditableValue): string;
  /** A problem `validatePreset` found at a path, as a line for the user. */
  problemAt(path: string): string | undefined;
  onEdit(path: string, text: string): void;
}

/** The editable values of one rule: number bounds, days, and keyword lists. */
export function RuleEditor({ label, values, textOf, problemAt, onEdit }: RuleEditorProps) {
  const { t } = usePaneText();
  const styles = useRuleEditorStyles();
  const keywordLists = values.filter((v) => v.kind === 'keywords');

  const numberField = (v: EditableValue, fieldLabel: string) => (
    <Field key={v.path} label={fieldLabel} validationMessage={problemAt(v.path)}>
      <Input className={styles.input} type="number" inputMode="decimal" value={textOf(v)} onChange={(_, d) => onEdit(v.path, d.value)} />
    </Field>
  );

  const rows: React.ReactNode[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v.kind === 'min' && values[i + 1]?.kind === 'max') {
      const what = t.rules.numberNames[v.number as keyof typeof t.rules.numberNames];
      const max = values[i + 1];
      rows.push(
        <div key={v.path} className={styles.bounds}>
          {numberField(v, t.rules.min(what))}
          {numberField(max, t.rules.max(what))}
        </div>,
      );
      i++;
    } else if (v.kind === 'days') rows.push(numberField(v, t.rules.days));
    else if (v.kind === 'keywords') {
      const n = keywordLists.indexOf(v) + 1;
      rows.push(
        <Field
          key={v.path}
          label={keywordLists.length > 1 ? t.rules.keywordsGroup(n) : t.rules.keywords}
          hint={t.rules.keywordsHint}
          validationMessage={problemAt(v.path)}
        >
          <Textarea resize="vertical" value={textOf(v)} onChange={(_, d) => onEdit(v.path, d.value)} />
        </Field>,
      );
    }
  }
  return (
    <div role="group" aria-label={label} className={styles.group}>
      {rows.length ? rows : <Text className={styles.hint}>{t.rules.noEditable}</Text>}
    </div>
  );
}
