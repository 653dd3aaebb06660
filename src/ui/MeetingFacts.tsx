import { label, type Language, type MeetingHeadline } from '../core';
import { uiText } from './messages';

export interface MeetingFactsProps {
  meeting: MeetingHeadline;
  language: Language;
  /** The list's and the values' classes: the pane and the web page lay facts out their own way. */
  className?: string;
  valueClassName?: string;
}

/**
 * The joint meeting's headline after 联席会议汇总 is written — period, 排查数, 调处数, 成功数, 在办 —
 * named as the sheet names them, so what the pane or the web page says matches the handout.
 */
export function MeetingFacts({ meeting, language, className, valueClassName }: MeetingFactsProps) {
  const t = uiText(language);
  const { open } = meeting;
  return (
    <dl className={className} aria-label={t('jobs.meetingFacts')}>
      <dt>{t('jobs.meetingPeriod')}</dt>
      <dd className={valueClassName}>{t('jobs.meetingPeriodValue', { from: meeting.from, to: meeting.to })}</dd>
      <dt>{label(language, 'registered')}</dt>
      <dd className={valueClassName}>{t('jobs.count', { n: meeting.registered })}</dd>
      <dt>{label(language, 'handled')}</dt>
      <dd className={valueClassName}>{t('jobs.count', { n: meeting.handled })}</dd>
      <dt>{label(language, 'resolved')}</dt>
      <dd className={valueClassName}>{t('jobs.count', { n: meeting.resolved })}</dd>
      <dt>{t('jobs.open')}</dt>
      <dd className={valueClassName}>{t('jobs.openValue', open)}</dd>
    </dl>
  );
}
