import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_PRESET, type PresetProblem, type TriagePreset } from '../../core';
import type { AddinHost } from '../../addin/host';
import type { Failure } from '../shared/failure';
import { applyEdits, checkPreset } from './preset-edit';
import { readTextFile, type SaveTextFile } from './save-text-file';

/** Why the preset was not saved, exported or imported. */
export type PresetTrouble =
  | { kind: 'invalid'; problems: PresetProblem[] }
  | { kind: 'importInvalid'; problems: PresetProblem[] }
  | { kind: 'notJson'; detail: string };

/** A short confirmation after an action. */
export type PresetNotice = { kind: 'saved' } | { kind: 'imported'; name: string } | { kind: 'exported'; file: string } | { kind: 'reset' };

export interface PresetEditorState {
  /** The preset being edited (as loaded, imported or reset), without the pending edits. */
  preset: TriagePreset | null;
  /** Pending edits by JSON path, as typed. */
  edits: Readonly<Record<string, string>>;
  loading: boolean;
  saving: boolean;
  trouble: PresetTrouble | null;
  notice: PresetNotice | null;
  failure: Failure | null;
  load(): void;
  edit(path: string, text: string): void;
  importFile(file: File): void;
  exportJson(): void;
  save(): void;
  resetToDefault(): void;
  dismissFailure(): void;
}

/** A file name for the exported preset: its name, without characters Windows refuses. */
export function presetFileName(preset: TriagePreset): string {
  const base = [...preset.name]
    .map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
  return `${base || 'tricolor-rules'}.json`;
}

/** 规则: the preset from the workbook's settings, edited, imported, exported and saved. */
export function usePresetEditor(host: AddinHost, saveTextFile: SaveTextFile): PresetEditorState {
  const [preset, setPreset] = useState<TriagePreset | null>(null);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [trouble, setTrouble] = useState<PresetTrouble | null>(null);
  const [notice, setNotice] = useState<PresetNotice | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const replace = (next: TriagePreset) => {
    setPreset(next);
    setEdits({});
  };

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
  }, [host]);

  useEffect(load, [load]);

  const edit = useCallback((path: string, text: string) => {
    setEdits((e) => ({ ...e, [path]: text }));
    setNotice(null);
  }, []);

  /** The edited preset, validated; on problems, says so and gives null. */
  const edited = (): TriagePreset | null => {
    if (!preset) return null;
    const checked = checkPreset(applyEdits(preset, edits));
    if (checked.ok) return checked.preset;
    setTrouble({ kind: 'invalid', problems: checked.problems });
    setNotice(null);
    return null;
  };

  const save = () => {
    setTrouble(null);
    const next = edited();
    if (!next || saving) return;
    setSaving(true);
    setFailure(null);
    setNotice(null);
    // Read the settings again just before writing: a column correction saved since the pane
    // opened (setFieldColumn) lives in the same settings and must not be overwritten.
    host
      .loadSettings()
      .then((current) => host.saveSettings({ ...current, preset: next }))
      .then(
        () => {
          replace(next);
          setNotice({ kind: 'saved' });
          setSaving(false);
        },
        (error: unknown) => {
          setFailure({ error });
          setSaving(false);
        },
      );
  };

  const exportJson = () => {
    setTrouble(null);
    const next = edited();
    if (!next) return;
    const file = presetFileName(next);
    saveTextFile(file, `${JSON.stringify(next, null, 2)}\n`);
    setNotice({ kind: 'exported', file });
  };

  const importFile = (file: File) => {
    setTrouble(null);
    setNotice(null);
    readTextFile(file).then(
      (text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (error) {
          setTrouble({ kind: 'notJson', detail: (error as Error).message });
          return;
        }
        const checked = checkPreset(json);
        if (!checked.ok) {
          setTrouble({ kind: 'importInvalid', problems: checked.problems });
          return;
        }
        replace(checked.preset);
        setNotice({ kind: 'imported', name: checked.preset.name });
      },
      (error: unknown) => setFailure({ error }),
    );
  };

  const resetToDefault = () => {
    setTrouble(null);
    replace(JSON.parse(JSON.stringify(DEFAULT_PRESET)) as TriagePreset);
    setNotice({ kind: 'reset' });
  };

  const dismissFailure = useCallback(() => setFailure(null), []);

  return { preset, edits, loading, saving, trouble, notice, failure, load, edit, importFile, exportJson, save, resetToDefault, dismissFailure };
}
