/**
 * Where keyboard focus goes when the control that had it disappears (a dismissed message, an
 * undone correction): to the heading of the section it was in, so a keyboard or screen-reader
 * user stays where they were instead of being sent back to the top of the page.
 */
export function focusHeadingBefore(element: Element | null): void {
  if (!element) return;
  let heading: HTMLElement | null = null;
  for (const h of Array.from(document.querySelectorAll<HTMLElement>('h1, h2'))) {
    if (h.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) heading = h;
    else break;
  }
  if (!heading) return;
  // Headings are not in the tab order; -1 makes them focusable by script only.
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}
