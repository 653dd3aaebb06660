import { Dropdown, Option } from '@fluentui/react-components';
import { FIELD_NAMES, type FieldName, type Language } from '../../core';
import { uiText } from '../messages';
import { fieldTitle } from '../phrases';

/** The dropdown value for "this column holds none of the fields" (a field name is never '-'). */
const NO_FIELD = '-';

export interface FieldDropdownProps {
  /** The accessible name, e.g. "E 列（简要情况）对应的字段". */
  label: string;
  field: FieldName | null;
  /** The fields and "none" are named in this language. */
  language: Language;
  busy?: boolean;
  className?: string;
  onChoose(field: FieldName | null): void;
}

/**
 * Which canonical field a ledger column holds, or none: one control for the task pane's mapping
 * table and the web page's, so both offer the same choices in the same order.
 */
export function FieldDropdown({ label, field, language, busy, className, onChoose }: FieldDropdownProps) {
  const noField = uiText(language)('ledger.noField');
  return (
    <Dropdown
      size="small"
      className={className}
      aria-label={label}
      aria-busy={busy || undefined}
      value={field ? fieldTitle(language, field) : noField}
      selectedOptions={[field ?? NO_FIELD]}
      onOptionSelect={(_, data) => {
        const chosen = data.optionValue;
        if (chosen === undefined) return;
        onChoose(chosen === NO_FIELD ? null : (chosen as FieldName));
      }}
    >
      <Option value={NO_FIELD}>{noField}</Option>
      {FIELD_NAMES.map((name) => (
        <Option key={name} value={name}>
          {fieldTitle(language, name)}
        </Option>
      ))}
    </Dropdown>
  );
}
