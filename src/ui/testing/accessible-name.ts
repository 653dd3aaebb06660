/** A name from aria-label, aria-labelledby, a <label>, or the text inside. */
export function accessibleName(el: HTMLElement): string {
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const by = el.getAttribute('aria-labelledby');
  if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length) return Array.from(labels).map((l) => l.textContent).join(' ').trim();
  return (el.textContent ?? '').trim();
}
