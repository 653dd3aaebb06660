import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { describeProblem, type PresetProblem } from '../../core';
import { FileChooserButton, JSON_FILE_TYPES } from '../shared/FileChooserButton';
import { HostErrorBar } from '../shared/HostErrorBar';
import { LevelBadge } from '../shared/LevelBadge';
import { usePaneText } from '../shared/pane-context';
import { useSectionStyles } from '../shared/useSectionStyles';
import { cadenceValues, editableValues, type EditableValue } from './preset-edit';
import { RuleEditor } from './RuleEditor';
import type { PresetEditorState, PresetNotice } from './usePresetEditor';

const useRulesSectionStyles = makeStyles({
  cadence: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalS },
  input: { minWidth: 0 },
  ruleHeader: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

export interface RulesSectionProps {
  editor: PresetEditorState;
}

/** 规则: thresholds, keywords and cadence of the preset; import, export and save. */
export function RulesSection({ editor }: RulesSectionProps) {
  const { t, language } = usePaneText();
  const styles = useSectionStyles();
  const local = useRulesSectionStyles();
  const { preset, trouble } = editor;
  const [openRules, setOpenRules] = useState<string[]>([]);

  const problems: PresetProblem[] = trouble && trouble.kind !== 'notJson' ? trouble.problems : [];
  // Field-level messages only for problems of the edited preset; an imported file's problems
  // belong to the file, not to the fields on screen.
  const problemAt = (path: string) => {
    if (trouble?.kind !== 'invalid') return undefined;
    const hit = problems.find((p) => p.path === path);
    return hit && describeProblem(hit, language).slice(path.length).replace(/^[:：]\s*/, '');
  };
  // Rules with a problem in the edited values open by themselves, so the message is seen.
  const rulesWithProblems =
    trouble?.kind === 'invalid' && preset
      ? preset.rules.filter((_, i) => problems.some((p) => p.path === `rules[${i}]` || p.path.startsWith(`rules[${i}].`))).map((r) => r.id)
      : [];
  const textOf = (v: EditableValue) => editor.edits[v.path] ?? v.text;
  const noticeText = (n: PresetNotice) =>
    n.kind === 'saved'
      ? t.rules.saved
      : n.kind === 'imported'
        ? t.rules.imported(n.name)
        : n.kind === 'exported'
          ? t.rules.exported(n.file)
          : t.rules.resetDone;

  return (
    <section className={styles.section} aria-labelledby="tricolor-rules-heading">
      <h2 id="tricolor-rules-heading" className={styles.heading}>
        {t.rules.heading}
      </h2>
      {editor.loading && <Spinner size="tiny" labelPosition="after" label={t.rules.loading} />}
      {editor.failure && (
        <HostErrorBar error={editor.failure.error} onDismiss={editor.dismissFailure} onRetry={preset ? undefined : editor.load} />
      )}
      <div className={styles.actions}>
        <FileChooserButton accept={JSON_FILE_TYPES} inputLabel={t.rules.importJson} onChoose={editor.importFile}>
          {t.rules.importJson}
        </FileChooserButton>
        <Button onClick={editor.exportJson} disabled={!preset}>
          {t.rules.exportJson}
        </Button>
        <Button onClick={editor.resetToDefault}>{t.rules.resetDefault}</Button>
      </div>
      {trouble && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            {trouble.kind === 'notJson' ? (
              t.rules.notJson(trouble.detail)
            ) : (
              <>
                <MessageBarTitle>{trouble.kind === 'invalid' ? t.rules.invalidTitle : t.rules.importInvalidTitle}</MessageBarTitle>
                <ul className={local.problems}>
                  {problems.map((p, i) => (
                    <li key={i}>{describeProblem(p, language)}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {editor.notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{noticeText(editor.notice)}</MessageBarBody>
        </MessageBar>
      )}
      {preset && (
        <>
          <Text>{t.rules.presetName(preset.name)}</Text>
          <h3 id="tricolor-cadence-heading" className={styles.subheading}>
            {t.rules.cadence}
          </h3>
          <div role="group" aria-labelledby="tricolor-cadence-heading" className={local.cadence}>
            {cadenceValues(preset).map((v) => {
              const level = v.path.slice('cadenceDays.'.length) as keyof typeof t.levels;
              return (
                <Field key={v.path} label={t.levels[level]} validationMessage={problemAt(v.path)}>
                  <Input className={local.input} type="number" min={1} max={366} value={textOf(v)} onChange={(_, d) => editor.edit(v.path, d.value)} />
                </Field>
              );
            })}
          </div>
          <h3 className={styles.subheading}>{t.rules.rulesHeading}</h3>
          <Accordion
            multiple
            collapsible
            openItems={[...new Set([...openRules, ...rulesWithProblems])]}
            onToggle={(_, data) => setOpenRules(data.openItems as string[])}
          >
            {preset.rules.map((rule, index) => (
              <AccordionItem key={rule.id} value={rule.id}>
                <AccordionHeader size="small">
                  <span className={local.ruleHeader}>
                    <LevelBadge level={rule.level}>{t.levels[rule.level]}</LevelBadge>
                    {rule.label[language]}
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <RuleEditor
                    label={rule.label[language]}
                    values={editableValues(preset, index)}
                    textOf={textOf}
                    problemAt={problemAt}
                    onEdit={editor.edit}
                  />
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={editor.save} disabledFocusable={editor.saving}>
              {editor.saving ? t.rules.saving : t.rules.save}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
