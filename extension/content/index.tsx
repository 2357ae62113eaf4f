/*
 * Journey Segments content script: adds "Save as segment" to journey designer pages.
 *
 * Parts, and when each one is on:
 * - Host profiles (host-profiles/): declarative descriptions of the designers we know, plus those an administrator
 *   adds by policy. The features run only while a profile matches the page URL and yields a journey id. boot.ts
 *   checks that again on every mutation batch and on history navigation, and restarts the features when the
 *   journey or the settings change.
 * - Observer (observer.ts): one MutationObserver on the whole document, always on. Its callback only queues;
 *   the queue is read on the next animation frame, and only childList changes and a few ARIA attributes
 *   (aria-pressed, aria-selected, hidden, data-activity-id) count.
 * - Features (features/): tile-data-panel puts a button on each result row the catalog offers for a tile whose
 *   results the page shows; incomplete-journeys puts one on each reason the page shows. Results and reasons the
 *   policy leaves out get none. Each starts with init(signal) and removes its buttons when the signal aborts.
 * - UI (ui/): Preact components in shadow roots of hosts we create (button, flyout, toast), so page CSS and
 *   page selectors cannot reach in. Page text is only ever passed to them as text, never as markup.
 * - Messaging: everything that needs the backend goes through the background (journey detail, capture save,
 *   opening the record page); this script never asks for the backend URL or the API token.
 * - Injection: the manifest injects this script on its own hosts, and the background registers it for the hosts of
 *   policy profiles. Both may match one page, so a second copy in the same page does nothing.
 */

import { startContentScript } from './boot';

const startedFlag = Symbol.for('journey-segments.content-script');
const scope = globalThis as typeof globalThis & { [startedFlag]?: true };
if (!scope[startedFlag]) {
  scope[startedFlag] = true;
  startContentScript(window);
}
