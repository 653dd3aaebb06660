import type { UserEvent } from '@testing-library/user-event';

/**
 * Presses Tab until `target` has focus, proving it is reachable by keyboard; fails after
 * `limit` presses. The pane's and the web page's tests both use it.
 */
export async function tabTo(user: UserEvent, target: HTMLElement, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (document.activeElement === target) return;
    await user.tab();
  }
  if (document.activeElement !== target) throw new Error(`Not reachable by Tab in ${limit} presses: ${target.outerHTML.slice(0, 200)}`);
}

/** Types `text` at the end of a text box, after what is there (user.type would start where a click lands). */
export async function typeAtEnd(user: UserEvent, box: HTMLElement, text: string): Promise<void> {
  const end = (box as HTMLInputElement | HTMLTextAreaElement).value.length;
  await user.type(box, text, { initialSelectionStart: end, initialSelectionEnd: end });
}
