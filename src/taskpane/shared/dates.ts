/** `YYYY-MM-DD`: the form date inputs and the host use. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first day of the month of `day` (a `YYYY-MM-DD` string). */
export function firstOfMonth(day: string): string {
  return ISO_DAY.test(day) ? `${day.slice(0, 8)}01` : day;
}
