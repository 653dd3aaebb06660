import { useCallback, useMemo, useState } from 'react';
import type { FieldName } from '../../core';
import { correctedColumns } from '../columns';
import type { MappedColumn } from '../protocol';

/** Field → column index the user set (null: not in the ledger), in the order they were made. */
export type Corrections = Partial<Record<FieldName, number | null>>;

/** The user's corrections of the found mapping, for this run only: they are never written to the workbook. */
export function useColumnCorrections(found: readonly MappedColumn[] | undefined) {
  const [corrections, setCorrections] = useState<Corrections>({});
  const [lastCorrection, setLastCorrection] = useState<{ field: FieldName; column: string | null } | null>(null);

  const columns: MappedColumn[] = useMemo(() => (found ? correctedColumns(found, corrections) : []), [found, corrections]);

  const correct = useCallback(
    (index: number, field: FieldName | null) => {
      const current = columns.find((c) => c.index === index);
      if (!current || current.field === field) return;
      if (field === null) {
        if (!current.field) return;
        const removed = current.field;
        setCorrections((c) => ({ ...c, [removed]: null }));
        setLastCorrection({ field: removed, column: null });
      } else {
        setCorrections((c) => {
          // Corrections apply in order, a later one taking its column from an earlier one: the
          // field goes last, and a field corrected onto this column before now has no column.
          const next: Corrections = {};
          for (const [other, col] of Object.entries(c) as [FieldName, number | null][]) if (other !== field) next[other] = col === index ? null : col;
          next[field] = index;
          return next;
        });
        setLastCorrection({ field, column: current.column });
      }
    },
    [columns],
  );

  const clear = useCallback(() => {
    setCorrections({});
    setLastCorrection(null);
  }, []);

  return { columns, corrections, lastCorrection, correct, clear };
}
