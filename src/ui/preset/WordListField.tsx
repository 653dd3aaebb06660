import { Field, Textarea } from '@fluentui/react-components';
import type { EditableValue } from './preset-edit';

/** How the editor's fields read and report: the text shown, the problem at a path, where edits go. */
export interface PresetFieldAccess {
  /** The text shown for a value: the user's edit, else the preset's value. */
  textOf(value: EditableValue): string;
  /** The problem `validatePreset` found at exactly this path, as a line for the user. */
  problemAt(path: string): string | undefined;
  onEdit(path: string, text: string): void;
}

export interface WordListFieldProps {
  value: EditableValue;
  /** The field's visible label, which is also the text box's accessible name. */
  label: string;
  hint?: string;
  access: PresetFieldAccess;
}

/** A list of words typed in one box, separated by 、，, ; or line breaks (keywords, a class's words, exclusions). */
export function WordListField({ value, label, hint, access }: WordListFieldProps) {
  return (
    <Field label={label} hint={hint} validationMessage={access.problemAt(value.path)}>
      <Textarea resize="vertical" value={access.textOf(value)} onChange={(_, d) => access.onEdit(value.path, d.value)} />
    </Field>
  );
}
