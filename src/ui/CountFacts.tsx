import type { JobCounts, Language } from '../core';
import { STRINGS } from './strings';

export interface CountFactsProps {
  counts: JobCounts;
  language: Language;
  /** The list's and the values' classes: the pane and the web page lay facts out their own way. */
  className?: string;
  valueClassName?: string;
}

/** What a job found: revisits due today and overdue, unreadable rows, and manual levels to review. */
export function CountFacts({ counts, language, className, valueClassName }: CountFactsProps) {
  const t = STRINGS[language].jobs;
  return (
    <dl className={className}>
      <dt>{t.dueToday}</dt>
      <dd className={valueClassName}>{t.count(counts.dueToday)}</dd>
      <dt>{t.overdue}</dt>
      <dd className={valueClassName}>{t.count(counts.overdue)}</dd>
      <dt>{t.unreadable}</dt>
      <dd className={valueClassName}>{t.rowCount(counts.unreadableRows)}</dd>
      {counts.needsReview > 0 && (
        <>
          <dt>{t.needsReview}</dt>
          <dd className={valueClassName}>{t.count(counts.needsReview)}</dd>
        </>
      )}
    </dl>
  );
}
