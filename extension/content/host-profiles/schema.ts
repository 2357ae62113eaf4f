// A host profile describes how the content script reads one journey designer: which URLs it serves, where the
// journey id is, which tiles show results and where their result rows are, and where incomplete-journey reasons
// are listed. Selectors anchor on ARIA roles, semantic elements, data attributes and visible labels, never on CSS
// class names, which host apps rename on every release. Rows are told apart by their visible label, compared with
// the catalog labels in every UI language and with the profile's own label aliases.
//
// docs/host-profile.schema.json is generated from this schema (scripts/generate-host-profile-schema.ts), and the
// hostProfiles entry of managed-schema.json mirrors it for administrators.

import { z } from 'zod';

import { reasonIds, staticResultIds, uiLanguages } from '../../../shared/catalog';

const selector = z.string().min(1).describe('A CSS selector.');

/** A JavaScript regular expression source; rejected when it does not compile. */
const pattern = z
  .string()
  .min(1)
  .refine(
    (source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    },
    { error: 'This is not a valid regular expression. Check its brackets and escapes.' },
  )
  .describe('A JavaScript regular expression.');

/** A match pattern as browsers use them for host permissions, e.g. https://*.example.com/*. */
export const matchPattern = z
  .string()
  .regex(/^(\*|https?):\/\/(\*|(\*\.)?[^/*:]+)(:(\*|\d+))?\/.*$/, {
    error: 'This is not a match pattern for http or https pages. Use one such as https://*.example.com/*.',
  })
  .describe('A match pattern such as https://*.example.com/*.');

const languageLabels = z
  .object(Object.fromEntries(uiLanguages.map((language) => [language, z.array(z.string().min(1)).optional()])))
  .strict()
  .describe('Labels per UI language.');

const resultLabels = z
  .object(Object.fromEntries(staticResultIds.map((id) => [id, languageLabels.optional()])))
  .strict()
  .describe('Extra labels of catalog results on this host, by result id.');

const reasonLabels = z
  .object(Object.fromEntries(reasonIds.map((id) => [id, languageLabels.optional()])))
  .strict()
  .describe('Extra labels of catalog reasons on this host, by reason id.');

export const hostProfile = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/, { error: 'Use lowercase letters, digits and hyphens.' })
      .describe('Unique id of the profile. A policy profile with the id of a built-in profile replaces it.'),
    description: z.string().describe('What the profile is for, shown to users on the options page.'),
    matches: z
      .array(matchPattern)
      .min(1)
      .describe('The pages the content script runs on, which are also the host permission the profile needs.'),
    urlPattern: pattern.describe(
      'A JavaScript regular expression matched against the whole page URL; the first profile that matches is used.',
    ),
    journeyId: z
      .object({
        pathPattern: pattern
          .optional()
          .describe('A regular expression applied to the URL path; its first capture group is the journey id.'),
        queryParameter: z.string().min(1).optional().describe('The URL query parameter that holds the journey id.'),
      })
      .strict()
      .refine((value) => (value.pathPattern === undefined) !== (value.queryParameter === undefined), {
        error: 'Set exactly one of pathPattern and queryParameter.',
      })
      .describe('Where the journey id is: set exactly one of pathPattern and queryParameter.'),
    journeyName: z
      .object({ selector: selector.describe('The element whose text is the journey name.') })
      .strict()
      .optional()
      .describe('Without it, the journey name comes from the backend.'),
    tiles: z
      .object({
        selector: selector.describe(
          'Every tile whose results the page shows now: the one selected tile, or each tile card.',
        ),
        activityIdAttribute: z.string().min(1).describe('The tile attribute that holds the ActivityId.'),
        kindAttribute: z
          .string()
          .min(1)
          .optional()
          .describe('The tile attribute that holds the catalog tile kind, used when the backend does not know the tile.'),
      })
      .strict()
      .optional(),
    results: z
      .object({
        scope: z
          .enum(['page', 'tile'])
          .describe(
            'page: one panel on the page shows the results of the one selected tile. tile: each tile element holds its own results.',
          ),
        panelSelector: selector
          .optional()
          .describe('The element that holds the result rows, searched on the page or inside the tile (scope). Required for scope page; for scope tile it defaults to the tile itself.'),
        nameSelector: selector
          .optional()
          .describe("Inside the panel: the element whose text is the tile name. Without it, the tile's accessible name is used."),
        rowSelector: selector.describe('Inside the panel: every result row. Rows inside a [hidden] element are skipped.'),
        labelSelector: selector.describe('Inside a row: the element whose text is the result label.'),
        buttonSlotSelector: selector.describe(
          'Inside a row: the button goes at the end of the last element matching this selector, else of the row.',
        ),
      })
      .strict()
      .refine((value) => value.scope === 'tile' || value.panelSelector !== undefined, {
        error: 'A results section with scope "page" needs a panelSelector.',
      })
      .optional(),
    reasons: z
      .object({
        selector: selector.describe(
          'Every element that stands for one incomplete-journey reason: its contact list, or its row in a table of reasons.',
        ),
        labelSelector: selector.describe('Inside it: the element whose text is the reason label.'),
        buttonSlotSelector: selector
          .optional()
          .describe('Inside it: the button goes at the end of the last match. Without it, the button goes right after the label element.'),
      })
      .strict()
      .optional(),
    labels: z
      .object({ results: resultLabels.optional(), reasons: reasonLabels.optional() })
      .strict()
      .optional()
      .describe("What this host calls catalog results and reasons, where its wording differs from the catalog's."),
  })
  .strict()
  .refine((profile) => profile.results !== undefined || profile.reasons !== undefined, {
    error: 'A host profile needs a results section, a reasons section or both.',
  })
  .refine((profile) => profile.results === undefined || profile.tiles !== undefined, {
    error: 'A results section needs a tiles section that says where the tiles are.',
  });

export type HostProfile = z.infer<typeof hostProfile>;
export type LanguageLabels = z.infer<typeof languageLabels>;
