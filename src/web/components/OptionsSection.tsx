import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { FileChooserButton, JSON_FILE_TYPES } from '../../taskpane/shared/FileChooserButton';
import { describeProblem } from '../../core';
import type { DateProblem, PresetProblem } from '../useWebApp';
import { useSectionStyles } from './styles';
import { useWebText } from './text';

const useOptionsStyles = makeStyles({
  dates: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
    maxWidth: '48rem',
  },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface OptionsSectionProps {
  asOf: string;
  period: { from: string; to: string };
  mask: boolean;
  preset: { file: string; name: string } | null;
  presetProblem: PresetProblem | null;
  dateProblems: { asOf?: DateProblem; from?: DateProblem; to?: DateProblem };
  onAsOf(day: string): void;
  onPeriod(which: 'from' | 'to', day: string): void;
  onMask(on: boolean): void;
  onChoosePreset(file: File): void;
  onClearPreset(): void;
}

/** 3. 选项: as-of date, meeting period, masking (on by default) and an optional preset JSON file. */
export function OptionsSection(props: OptionsSectionProps) {
  const { t, language } = useWebText();
  const styles = useSectionStyles();
  const local = useOptionsStyles();
  const presetButton = useRef<HTMLButtonElement>(null);
  const problemText = (p: DateProblem | undefined) =>
    p === 'required' ? t.options.dateRequired : p === 'invalid' ? t.options.dateInvalid : p === 'order' ? t.options.periodOrder : undefined;
  const dateField = (label: string, value: string, problem: DateProblem | undefined, onChange: (day: string) => void, hint?: string) => (
    <Field label={label} validationMessage={problemText(problem)} validationState={problem ? 'error' : 'none'} hint={hint}>
      <Input type="date" value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
  const { presetProblem } = props;
  return (
    <section className={styles.section} aria-labelledby="web-options-heading">
      <h2 id="web-options-heading" className={styles.heading}>
        {t.options.heading}
      </h2>
      <div className={local.dates}>
        {dateField(t.options.asOf, props.asOf, props.dateProblems.asOf, props.onAsOf, t.options.asOfHint)}
        {dateField(t.options.periodFrom, props.period.from, props.dateProblems.from, (d) => props.onPeriod('from', d), t.options.periodHint)}
        {dateField(t.options.periodTo, props.period.to, props.dateProblems.to, (d) => props.onPeriod('to', d))}
      </div>
      <Switch checked={props.mask} label={t.options.mask} onChange={(_, d) => props.onMask(d.checked)} />
      {!props.mask && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.options.maskOffNotice}</MessageBarBody>
        </MessageBar>
      )}
      <h3 className={styles.subheading}>{t.options.preset}</h3>
      <Text>{props.preset ? t.options.presetLoaded(props.preset.file, props.preset.name) : t.options.presetDefault}</Text>
      <div className={styles.actions}>
        <FileChooserButton buttonRef={presetButton} accept={JSON_FILE_TYPES} inputLabel={t.options.presetInputLabel} onChoose={props.onChoosePreset}>
          {t.options.presetChoose}
        </FileChooserButton>
        {props.preset && (
          <Button
            onClick={() => {
              // This button goes with the preset: focus stays with the preset's other button.
              presetButton.current?.focus();
              props.onClearPreset();
            }}
          >
            {t.options.presetClear}
          </Button>
        )}
      </div>
      {presetProblem && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.options.presetInvalidTitle}</MessageBarTitle>
            {presetProblem.kind === 'notJson' ? (
              t.options.presetNotJson(presetProblem.file, presetProblem.detail)
            ) : (
              <ul className={local.problems}>
                {presetProblem.problems.map((p, i) => (
                  <li key={i}>{describeProblem(p, language)}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <Text className={styles.hint}>{t.options.reportLanguage}</Text>
    </section>
  );
}
