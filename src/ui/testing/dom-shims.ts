/**
 * What Fluent UI v9 may reach for that jsdom lacks. Import this first in every pane test.
 * Each shim is installed only when missing, so a newer jsdom's own implementation wins.
 */
if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverShim {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverShim;
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;

  // Layout. jsdom lays nothing out: every offsetParent is null and <body> is 0×0, so tabster
  // (Fluent's focus manager) takes every element for invisible and Tab after a TabList or
  // Dropdown lands on <body>. Give elements a layout parent unless they, or an ancestor, are
  // hidden, and give <body> the size of a 320 px task pane.
  const layoutParent = (element: HTMLElement): Element | null => {
    for (let e: HTMLElement | null = element; e && e !== document.body; e = e.parentElement) {
      if (e.hidden || window.getComputedStyle(e).display === 'none') return null;
    }
    return element.isConnected && element !== document.body ? document.body : null;
  };
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      return layoutParent(this);
    },
  });
  const bodyRect = document.body.getBoundingClientRect.bind(document.body);
  document.body.getBoundingClientRect = () => {
    const r = bodyRect();
    return r.width || r.height ? r : new DOMRect(0, 0, 320, 800);
  };
}

export {};
