// The extension's UI lives in shadow roots of host elements it creates, so the host page's CSS cannot restyle
// it and page selectors do not find it. The roots are open so that accessibility tools and end-to-end tests
// can reach the controls. Page scripts can reach them too, which is acceptable because they hold no secrets.

import { render, type ComponentChild } from 'preact';

/** Creates a host element with a shadow root holding `css`. */
export function createShadowHost(document: Document, tagName: string, css: string): HTMLElement {
  const host = document.createElement(tagName);
  const root = host.attachShadow({ mode: 'open' });

  // A constructed stylesheet is not subject to the page's style-src CSP; older engines fall back to <style>.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  return host;
}

export function renderInShadow(host: HTMLElement, content: ComponentChild): void {
  render(content, host.shadowRoot as unknown as Element);
}

/** Unmounts the Preact tree, so its effects end, then removes the host from the page. */
export function removeShadowHost(host: HTMLElement): void {
  if (host.shadowRoot) {
    render(null, host.shadowRoot as unknown as Element);
  }
  host.remove();
}
