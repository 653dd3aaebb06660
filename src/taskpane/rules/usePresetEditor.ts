import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AddinHost } from '../../addin/host';
import type { Failure } from '../shared/failure';
import { usePresetDraft, type PresetDraft, type SaveTextFile } from '../../ui';

/** The pane's preset: a draft that is loaded from, and saved to, the workbook's settings. */
export interface PresetEditorState extends PresetDraft {
  loading: boolean;
  saving: boolean;
  failure: Failure | null;
  load(): void;
  save(): void;
  dismissFailure(): void;
}

/** 规则: the preset from the workbook's settings, edited, imported, exported and saved. */
export function usePresetEditor(host: AddinHost, saveTextFile: SaveTextFile): PresetEditorState {
  const draft = usePresetDraft(saveTextFile);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const { replace, validated, notify } = draft;

  const load = useCallback(() => {
    setLoading(true);
    setFailure(null);
    host.loadSettings().then(
      (settings) => {
        replace(settings.preset);
        setLoading(false);
      },
      (error: unknown) => {
        setFailure({ error });
        setLoading(false);
      },
    );
  }, [host, replace]);

  useEffect(load, [load]);

  const save = useCallback(() => {
    const next = validated();
    if (!next || saving) return;
    setSaving(true);
    setFailure(null);
    notify(null);
    // Read the settings again just before writing: a column correction saved since the pane
    // opened (setFieldColumn) lives in the same settings and must not be overwritten.
    host
      .loadSettings()
      .then((current) => host.saveSettings({ ...current, preset: next }))
      .then(
        () => {
          replace(next);
          notify({ kind: 'saved' });
          setSaving(false);
        },
        (error: unknown) => {
          setFailure({ error });
          setSaving(false);
        },
      );
  }, [host, validated, saving, replace, notify]);

  const dismissFailure = useCallback(() => setFailure(null), []);

  return useMemo(
    () => ({ ...draft, loading, saving, failure, load, save, dismissFailure }),
    [draft, loading, saving, failure, load, save, dismissFailure],
  );
}
