import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Input,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Language, Level, PresetProblem, TriagePreset } from '../../core';
import { LevelBadge } from '../LevelBadge';
import { uiText } from '../messages';
import { levelName } from '../phrases';
import { cadenceValues, placeOfProblem, problemTextAt, sharedListValues, type EditableValue } from './preset-edit';
import { RuleEditor } from './RuleEditor';
import { WordClassEditor } from './WordClassEditor';
import { WordListField, type PresetFieldAccess } from './WordListField';

const usePresetFieldsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  block: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // One column in the 320 px pane; rules beside classes where the web page has room.
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 24rem), 1fr))',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
  },
  cadence: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalS, maxWidth: '24rem' },
  input: { minWidth: 0 },
  ruleHeader: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export interface PresetFieldsProps {
  preset: TriagePreset;
  /** Pending edits by JSON path, as typed. */
  edits: Readonly<Record<string, string>>;
  /** Problems of the edited preset: each shows on its field and opens the rule or class that holds it. */
  problems: readonly PresetProblem[];
  language: Language;
  onEdit(path: string, text: string): void;
  /** The editor's headings sit one level below the host's: h3 in the pane, h4 on the web page. */
  headingLevel: 3 | 4;
  headingClassName?: string;
}

/**
 * Every value of a preset a county edits without JSON: revisit cadence, each rule's thresholds
 * (and the word classes it reads), each word class's words and exclusions, and the exclusions
 * and negations that apply to all. The task pane's 规则 tab and the web page's options share it.
 */
export function PresetFields({ preset, edits, problems, language, onEdit, headingLevel, headingClassName }: PresetFieldsProps) {
  const t = uiText(language);
  const styles = usePresetFieldsStyles();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const ids = { cadence: useId('preset-cadence-'), rules: useId('preset-rules-'), classes: useId('preset-classes-'), lists: useId('preset-lists-') };
  const [openRules, setOpenRules] = useState<string[]>([]);
  const [openClasses, setOpenClasses] = useState<string[]>([]);

  const access: PresetFieldAccess = {
    textOf: (v: EditableValue) => edits[v.path] ?? v.text,
    problemAt: (path) => problemTextAt(problems, path, language),
    onEdit,
  };
  // Items with a problem open by themselves, so that its message is seen.
  const withProblems = useMemo(() => {
    const rules = new Set<string>();
    const classes = new Set<string>();
    for (const p of problems) {
      const place = placeOfProblem(p.path);
      if (place.kind === 'rule' && preset.rules[place.index]) rules.add(preset.rules[place.index].id);
      if (place.kind === 'class') classes.add(place.name);
    }
    return { rules, classes };
  }, [problems, preset]);
  const lists = sharedListValues(preset);

  return (
    <div className={styles.root}>
      <Heading id={ids.cadence} className={headingClassName}>
        {t('rules.cadence')}
      </Heading>
      <div role="group" aria-labelledby={ids.cadence} className={styles.cadence}>
        {cadenceValues(preset).map((v) => {
          const level = v.path.slice('cadenceDays.'.length) as Level;
          return (
            <Field key={v.path} label={levelName(language, level)} validationMessage={access.problemAt(v.path)}>
              <Input className={styles.input} type="number" min={1} max={366} value={access.textOf(v)} onChange={(_, d) => onEdit(v.path, d.value)} />
            </Field>
          );
        })}
      </div>
      <div className={styles.columns}>
        <section aria-labelledby={ids.rules} className={styles.block}>
          <Heading id={ids.rules} className={headingClassName}>
            {t('rules.rulesHeading')}
          </Heading>
          <Accordion
            multiple
            collapsible
            openItems={[...new Set([...openRules, ...withProblems.rules])]}
            onToggle={(_, data) => setOpenRules(data.openItems as string[])}
          >
            {preset.rules.map((rule, index) => (
              <AccordionItem key={rule.id} value={rule.id}>
                <AccordionHeader size="small">
                  <span className={styles.ruleHeader}>
                    <LevelBadge level={rule.level}>{levelName(language, rule.level)}</LevelBadge>
                    {rule.label[language]}
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <RuleEditor preset={preset} index={index} language={language} access={access} />
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </section>
        <section aria-labelledby={ids.classes} className={styles.block}>
          <Heading id={ids.classes} className={headingClassName}>
            {t('rules.classesHeading')}
          </Heading>
          <Text className={styles.hint}>{Object.keys(preset.classes).length ? t('rules.classesHint') : t('rules.noClasses')}</Text>
          <Accordion
            multiple
            collapsible
            openItems={[...new Set([...openClasses, ...withProblems.classes])]}
            onToggle={(_, data) => setOpenClasses(data.openItems as string[])}
          >
            {Object.keys(preset.classes).map((name) => (
              <AccordionItem key={name} value={name}>
                <AccordionHeader size="small">{preset.classes[name].label[language]}</AccordionHeader>
                <AccordionPanel>
                  <WordClassEditor preset={preset} name={name} language={language} access={access} />
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </section>
      </div>
      <section aria-labelledby={ids.lists} className={styles.block}>
        <Heading id={ids.lists} className={headingClassName}>
          {t('rules.sharedListsHeading')}
        </Heading>
        <WordListField value={lists.exclusions} label={t('rules.exclusions')} hint={t('rules.exclusionsHint')} access={access} />
        <WordListField value={lists.negations} label={t('rules.negations')} hint={t('rules.negationsHint')} access={access} />
        <WordListField value={lists.retractions} label={t('rules.retractions')} hint={t('rules.retractionsHint')} access={access} />
        <WordListField value={lists.reports} label={t('rules.reports')} hint={t('rules.reportsHint')} access={access} />
      </section>
    </div>
  );
}
