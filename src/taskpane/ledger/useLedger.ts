import { useCallback, useEffect, useState } from 'react';
import type { FieldName } from '../../core';
import type { AddinHost, LedgerInfo } from '../../addin/host';
import type { Failure } from '../shared/failure';

export interface LedgerState {
  info: LedgerInfo | null;
  detecting: boolean;
  /** A correction is being saved. */
  saving: boolean;
  /** The last correction the host accepted, for a status line. */
  lastSaved: { field: FieldName; column: string | null } | null;
  failure: Failure | null;
  detect(): void;
  /** The user says `column` holds `field` (or, with null, that it holds none of the fields). */
  correct(column: string, field: FieldName | null): void;
  dismissFailure(): void;
}

/** The detected ledger: detected once when the pane opens, again on demand, corrected per column. */
export function useLedger(host: AddinHost): LedgerState {
  const [info, setInfo] = useState<LedgerInfo | null>(null);
  const [detecting, setDetecting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [lastSaved, setLastSaved] = useState<LedgerState['lastSaved']>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const detect = useCallback(() => {
    setDetecting(true);
    setFailure(null);
    host.detect().then(
      (found) => {
        setInfo(found);
        setDetecting(false);
      },
      (error: unknown) => {
        setFailure({ error });
        setDetecting(false);
      },
    );
  }, [host]);

  useEffect(detect, [detect]);

  const correct = useCallback(
    (column: string, field: FieldName | null) => {
      // One correction at a time: the host rewrites the saved settings for each one.
      if (saving) return;
      const current = info?.columns.find((c) => c.column === column)?.field ?? null;
      if (field === current) return;
      // A column that no longer holds its field: the field is not in this ledger (until the user
      // puts it in another column). A column given a field: the host moves the field there.
      const change = field === null ? { field: current as FieldName, column: null } : { field, column };
      setSaving(true);
      setFailure(null);
      host.setFieldColumn(change.field, change.column).then(
        (updated) => {
          setInfo(updated);
          setLastSaved(change);
          setSaving(false);
        },
        (error: unknown) => {
          setFailure({ error });
          setSaving(false);
        },
      );
    },
    [host, info, saving],
  );

  const dismissFailure = useCallback(() => setFailure(null), []);

  return { info, detecting, saving, lastSaved, failure, detect, correct, dismissFailure };
}
