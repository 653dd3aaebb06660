import { useCallback, useMemo, useState } from 'react';
import { DEFAULT_PRESET, presetFileTooLarge, type PresetProblem, type TriagePreset } from '../../core';
import { applyEdits, checkPreset, presetFileName, type PresetCheck } from './preset-edit';
import { readTextFile, type SaveTextFile } from './save-text-file';

/** Why the preset was not used, saved, exported or imported. `file` names an imported file. */
export type PresetTrouble =
  | { kind: 'invalid'; problems: PresetProblem[] }
  | { kind: 'importInvalid'; file: string; problems: PresetProblem[] }
  | { kind: 'notJson'; file: string; detail: string }
  | { kind: 'unreadable'; file: string; detail: string }
  | { kind: 'tooLarge'; file: string; size: number; limit: number };

/** A short confirmation after an action. */
export type PresetNotice = { kind: 'saved' } | { kind: 'imported'; name: string } | { kind: 'exported'; file: string } | { kind: 'reset' };

/**
 * A preset being edited, the same in the task pane and on the web page: the preset as loaded,
 * imported or reset, the user's pending edits by JSON path, and what became of the last action.
 * Where the preset comes from and goes to (workbook settings, a run) is the caller's.
 */
export interface PresetDraft {
  /** The preset as loaded, imported or reset, without the pending edits; null until loaded. */
  preset: TriagePreset | null;
  /** The file it was imported from; null for a loaded or default preset. */
  file: string | null;
  /** Pending edits by JSON path, as typed. */
  edits: Readonly<Record<string, string>>;
  /** The preset with the edits applied, checked by `validatePreset`. */
  checked: PresetCheck | null;
  /** The edits change the preset (an edit typed back to the original value does not). */
  changed: boolean;
  trouble: PresetTrouble | null;
  notice: PresetNotice | null;
  edit(path: string, text: string): void;
  /** Puts `next` in place of the preset, dropping the edits. */
  replace(next: TriagePreset): void;
  /** The edited preset; when it has problems, shows them (on their fields) and gives null. */
  validated(): TriagePreset | null;
  importFile(file: File): void;
  exportJson(): void;
  resetToDefault(): void;
  notify(notice: PresetNotice | null): void;
}

const cloneDefault = () => JSON.parse(JSON.stringify(DEFAULT_PRESET)) as TriagePreset;

/**
 * The editing state of a preset. The pane starts with none and `replace`s it with the workbook's
 * (`start: 'none'`); the web page starts from the default.
 */
export function usePresetDraft(saveTextFile: SaveTextFile, start: 'none' | 'default' = 'none'): PresetDraft {
  const [source, setSource] = useState<{ preset: TriagePreset | null; file: string | null }>(() => ({
    preset: start === 'default' ? cloneDefault() : null,
    file: null,
  }));
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [trouble, setTrouble] = useState<PresetTrouble | null>(null);
  const [notice, setNotice] = useState<PresetNotice | null>(null);
  const { preset, file } = source;

  const checked = useMemo(() => (preset ? checkPreset(applyEdits(preset, edits)) : null), [preset, edits]);
  const changed = useMemo(
    () => Object.keys(edits).length > 0 && !!preset && !!checked && (!checked.ok || JSON.stringify(checked.preset) !== JSON.stringify(preset)),
    [preset, edits, checked],
  );

  const edit = useCallback((path: string, text: string) => {
    setEdits((e) => ({ ...e, [path]: text }));
    setNotice(null);
  }, []);

  const replace = useCallback((next: TriagePreset) => {
    setSource({ preset: next, file: null });
    setEdits({});
  }, []);

  const validated = useCallback((): TriagePreset | null => {
    if (!checked) return null;
    setTrouble(checked.ok ? null : { kind: 'invalid', problems: checked.problems });
    if (checked.ok) return checked.preset;
    setNotice(null);
    return null;
  }, [checked]);

  const exportJson = useCallback(() => {
    const next = validated();
    if (!next) return;
    const name = presetFileName(next);
    saveTextFile(name, `${JSON.stringify(next, null, 2)}\n`);
    setNotice({ kind: 'exported', file: name });
  }, [validated, saveTextFile]);

  const importFile = useCallback((chosen: File) => {
    setTrouble(null);
    setNotice(null);
    // A film chosen by mistake is refused by its size, not read into the page.
    const tooLarge = presetFileTooLarge(chosen.size);
    if (tooLarge) {
      setTrouble({ kind: 'tooLarge', file: chosen.name, ...tooLarge });
      return;
    }
    readTextFile(chosen).then(
      (text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (error) {
          setTrouble({ kind: 'notJson', file: chosen.name, detail: (error as Error).message });
          return;
        }
        const imported = checkPreset(json);
        if (!imported.ok) {
          setTrouble({ kind: 'importInvalid', file: chosen.name, problems: imported.problems });
          return;
        }
        setSource({ preset: imported.preset, file: chosen.name });
        setEdits({});
        setNotice({ kind: 'imported', name: imported.preset.name });
      },
      (error: unknown) => setTrouble({ kind: 'unreadable', file: chosen.name, detail: error instanceof Error ? error.message : String(error) }),
    );
  }, []);

  const resetToDefault = useCallback(() => {
    setTrouble(null);
    replace(cloneDefault());
    setNotice({ kind: 'reset' });
  }, [replace]);

  // One object for as long as nothing in it changes: the web page's memoised options section
  // then skips the re-renders a run's progress causes.
  return useMemo(
    () => ({ preset, file, edits, checked, changed, trouble, notice, edit, replace, validated, importFile, exportJson, resetToDefault, notify: setNotice }),
    [preset, file, edits, checked, changed, trouble, notice, edit, replace, validated, importFile, exportJson, resetToDefault],
  );
}
