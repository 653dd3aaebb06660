/**
 * The most characters of one ledger text a handout line shows. 简要情况 as staff write them run to a
 * few hundred characters; a cell of thousands is pasted material, and printed whole on every list
 * it is on (a dispute's line may be on three), one such cell shared by 100,000 rows made reports of
 * gigabytes. Past this, the line ends with … and the ledger holds the whole text.
 */
export const HANDOUT_TEXT_CHARS = 500;

const isLetterOrDigit = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * A ledger text as a handout line shows it: whole up to HANDOUT_TEXT_CHARS, else cut there and
 * ended with …. A run of letters and digits the cut would split (an ID or phone number) is left out
 * whole, so no part of one reaches the paper unmasked; nor is a surrogate pair split.
 */
export function handoutExcerpt(text: string): string {
  if (text.length <= HANDOUT_TEXT_CHARS) return text;
  let end = HANDOUT_TEXT_CHARS;
  if (isLetterOrDigit(text.charCodeAt(end - 1)) && isLetterOrDigit(text.charCodeAt(end))) while (end > 0 && isLetterOrDigit(text.charCodeAt(end - 1))) end--;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}
