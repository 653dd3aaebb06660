import { Dropdown, Option } from '@fluentui/react-components';
import { FIELD_NAMES, type FieldName } from '../../core';

/** The dropdown value for "this column holds none of the fields" (a field name is never '-'). */
const NO_FIELD = '-';

export interface FieldDropdownProps {
  /** The accessible name, e.g. "E 列（简要情况）对应的字段". */
  label: string;
  field: FieldName | null;
  /** Names of the fields and of "none", in the UI language. */
  fieldNames: Record<FieldName, string>;
  noField: string;
  busy?: boolean;
  className?: string;
  onChoose(field: FieldName | null): void;
}

/**
 * Which canonical field a ledger column holds, or none: one control for the task pane's mapping
 * table and the web page's, so both offer the same choices in the same order.
 */
export function FieldDropdown({ label, field, fieldNames, noField, busy, className, onChoose }: FieldDropdownProps) {
  return (
    <Dropdown
      size="small"
      className={className}
      aria-label={label}
      aria-busy={busy || undefined}
      value={field ? fieldNames[field] : noField}
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
          {fieldNames[name]}
        </Option>
      ))}
    </Dropdown>
  );
}
