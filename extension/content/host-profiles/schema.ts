// A host profile describes how the content script reads one journey designer: which URLs it serves, where the
// journey id is, and how to find the selected tile, its result rows and the incomplete-journey reason lists.
// Selectors anchor on ARIA roles, data attributes and visible labels, never on CSS class names, which host
// apps rename on every release.

import { z } from 'zod';

const selector = z.string().min(1);

/** A JavaScript regular expression source; rejected when it does not compile. */
const pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { error: 'This is not a valid regular expression.' },
);

export const hostProfile = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'Use lowercase letters, digits and hyphens.' }),
  description: z.string(),
  /** Matched against the whole page URL. */
  urlPattern: pattern,
  /** Location of the journey id: the first capture group of `pathPattern` applied to the URL path. */
  journeyId: z.object({ pathPattern: pattern }),
  journeyName: z.object({ selector }),
  tile: z.object({
    /** The selected tile; there is at most one. */
    selectedSelector: selector,
    activityIdAttribute: z.string().min(1),
    /** Attribute holding the catalog tile kind; used when the backend does not know the tile. */
    kindAttribute: z.string().min(1),
  }),
  tilePanel: z.object({
    /** The side panel of the selected tile. */
    selector,
    /** Inside the panel: the element holding the tile name. */
    nameSelector: selector,
    /** Inside the panel: every result row. Rows inside a [hidden] element are skipped. */
    rowSelector: selector,
    /** Inside a row: the element whose text is the result label. */
    labelSelector: selector,
    /** Inside a row: the button goes at the end of the last element matching this selector, else of the row. */
    buttonSlotSelector: selector,
  }),
  reasonLists: z.object({
    /** A contact list of one selected reason. */
    selector,
    /** Inside the list: the heading holding the reason label; the button goes right after it. */
    labelSelector: selector,
  }),
});

export type HostProfile = z.infer<typeof hostProfile>;
