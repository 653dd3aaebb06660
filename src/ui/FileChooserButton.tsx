import { Button, makeStyles, type ButtonProps } from '@fluentui/react-components';
import { useRef, type ReactNode, type Ref } from 'react';

/** What a ledger file chooser accepts: Excel workbooks, with or without macros. */
export const LEDGER_FILE_TYPES = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12';
/** What a preset file chooser accepts. */
export const JSON_FILE_TYPES = '.json,application/json';

const useFileChooserStyles = makeStyles({ input: { display: 'none' } });

export interface FileChooserButtonProps {
  accept: string;
  /** The file input's accessible name; tests (and browsers' automation) find the input by it. */
  inputLabel: string;
  /** Called with the first file chosen, and every file when `multiple` lets the user choose several. */
  onChoose(file: File, all: File[]): void;
  /** The chooser takes several files at once. */
  multiple?: boolean;
  appearance?: ButtonProps['appearance'];
  className?: string;
  disabledFocusable?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
  children: ReactNode;
}

/**
 * A Fluent button that opens the browser's file chooser. The input itself stays out of sight: its
 * own button would be the browser's, in the browser's language, not the page's.
 */
export function FileChooserButton({ accept, inputLabel, onChoose, multiple, appearance, className, disabledFocusable, buttonRef, children }: FileChooserButtonProps) {
  const styles = useFileChooserStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button ref={buttonRef} appearance={appearance} className={className} disabledFocusable={disabledFocusable} onClick={() => input.current?.click()}>
        {children}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-label={inputLabel}
        tabIndex={-1}
        className={styles.input}
        onChange={(e) => {
          const all = Array.from(e.target.files ?? []);
          // Cleared, so that choosing the same file again (after editing it) still opens it.
          e.target.value = '';
          if (all.length) onChoose(all[0], all);
        }}
      />
    </>
  );
}
