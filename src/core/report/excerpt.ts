/**
 * The most characters of one ledger text a handout line shows. 简要情况 as staff write them run to a
 * few hundred characters; a cell of thousands is pasted material, and printed whole on every list
 * it is on (a dispute's line may be on three), one such cell shared by 100,000 rows made reports of
 * gigabytes. Past this, the line ends with … and the ledger holds the whole text.
 */
export const HANDOUT_TEXT_CHARS = 500;

/**
 * What of a text is masked before the line is cut to HANDOUT_TEXT_CHARS: twice as much. Masking
 * must see whole what the line shows — an ID, a phone number, a name, a label or an address cut in
 * two is no longer what its pattern finds, and its first half would be printed as it is — and a
 * pattern the window itself cuts lies past the half that is kept.
 */
const MASKED_WINDOW_CHARS = 2 * HANDOUT_TEXT_CHARS;

const isLetterOrDigit = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** `text` cut at `limit` characters, ended with …; a run of letters and digits the cut would split is left out whole, as is half a surrogate pair. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  if (isLetterOrDigit(text.charCodeAt(end - 1)) && isLetterOrDigit(text.charCodeAt(end))) while (end > 0 && isLetterOrDigit(text.charCodeAt(end - 1))) end--;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * A ledger text as a handout line shows it, once masked: whole up to HANDOUT_TEXT_CHARS, else cut
 * there and ended with …. Give it the masked text (of `handoutWindow`), never the raw one.
 */
export function handoutExcerpt(maskedText: string): string {
  return cut(maskedText, HANDOUT_TEXT_CHARS);
}

/** The part of a ledger text a handout masks and then cuts (`handoutExcerpt`): the whole of any text a line may show. */
export function handoutWindow(text: string): string {
  return cut(text, MASKED_WINDOW_CHARS);
}
