import type { JobCounts, Language } from '../core';
import { uiText } from './messages';

export interface CountFactsProps {
  counts: JobCounts;
  language: Language;
  /** The list's and the values' classes: the pane and the web page lay facts out their own way. */
  className?: string;
  valueClassName?: string;
}

/** What a job found: revisits due today and overdue, unreadable rows, and manual levels to review. */
export function CountFacts({ counts, language, className, valueClassName }: CountFactsProps) {
  const t = uiText(language);
  return (
    <dl className={className}>
      <dt>{t('jobs.dueToday')}</dt>
      <dd className={valueClassName}>{t('jobs.count', { n: counts.dueToday })}</dd>
      <dt>{t('jobs.overdue')}</dt>
      <dd className={valueClassName}>{t('jobs.count', { n: counts.overdue })}</dd>
      <dt>{t('jobs.unreadable')}</dt>
      <dd className={valueClassName}>{t('jobs.rowCount', { n: counts.unreadableRows })}</dd>
      {counts.needsReview > 0 && (
        <>
          <dt>{t('jobs.needsReview')}</dt>
          <dd className={valueClassName}>{t('jobs.count', { n: counts.needsReview })}</dd>
        </>
      )}
    </dl>
  );
}
