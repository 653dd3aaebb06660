/**
 * What to tell the user about a rejected host call: the error's own message (hosts and the
 * core write their messages in the user's language), never a stack trace. Anything without a
 * usable message gets the generic text.
 */
export function hostErrorText(error: unknown, fallback: string): string {
  const raw =
    typeof error === 'string'
      ? error
      : typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
        ? (error as { message: string }).message
        : '';
  // Some runtimes fold the stack into the message; keep only what comes before the first frame.
  const text = raw.split(/\n\s*at\s/)[0].trim();
  return text || fallback;
}
