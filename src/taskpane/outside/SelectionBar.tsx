import { Button, Input, Label, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { qualifiedSelection, type SelectableWorkbook, type SelectProblem, type WorkbookSelection } from '../../addin/selection';
import { selectionText, selectProblemText, type OutsideText } from './messages';

export type { SelectableWorkbook };

const useSelectionBarStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, marginTop: tokens.spacingVerticalS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  input: { flexGrow: 1, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  current: { overflowWrap: 'anywhere' },
});

const same = (a: WorkbookSelection | null, b: WorkbookSelection | null) =>
  a === b || (!!a && !!b && a.sheet === b.sheet && a.address === b.address && a.value === b.value);

/**
 * Outside Excel there is no grid to click: a box that selects a cell or row of the open workbook,
 * as a click would in Excel, and a line saying what is selected and what it holds. The
 * line follows the selection wherever it is made (here, or by the pane's own links).
 */
export function SelectionBar({ workbook, t }: { workbook: SelectableWorkbook; t: OutsideText }) {
  const styles = useSelectionBarStyles();
  const id = useId('tricolor-select');
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<SelectProblem | null>(null);
  const [selection, setSelection] = useState<WorkbookSelection | null>(() => workbook.selection());

  useEffect(() => {
    const update = () => {
      const now = workbook.selection();
      setSelection((before) => (same(before, now) ? before : now));
    };
    update();
    return workbook.subscribe(update);
  }, [workbook]);

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (!reference.trim()) return;
        void workbook.select(reference).then((result) => setProblem(result.ok ? null : result.problem));
      }}
    >
      <Label htmlFor={`${id}-input`} size="small" weight="semibold">
        {t('select.label')}
      </Label>
      <div className={styles.row}>
        <Input
          id={`${id}-input`}
          className={styles.input}
          size="small"
          value={reference}
          aria-describedby={`${id}-hint`}
          aria-invalid={problem ? true : undefined}
          aria-errormessage={problem ? `${id}-error` : undefined}
          onChange={(_, d) => {
            setReference(d.value);
            setProblem(null);
          }}
        />
        <Button size="small" type="submit">
          {t('select.button')}
        </Button>
      </div>
      {problem && (
        <Text id={`${id}-error`} role="alert" size={200} className={styles.error}>
          {selectProblemText(t, problem)}
        </Text>
      )}
      <Text id={`${id}-hint`} size={200} className={styles.hint}>
        {t('select.hint')}
      </Text>
      <Text role="status" size={200} weight="semibold" className={styles.current}>
        {selection ? selectionText(t, qualifiedSelection(selection), selection.value) : ''}
      </Text>
    </form>
  );
}
