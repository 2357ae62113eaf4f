// Response bodies of the journey endpoints that the demo designer and the extension read.

import { z } from 'zod';

import type { ReasonTable } from '../catalog/reasons';
import { tileKinds } from '../catalog/tile-kinds';
import type { ResultSection } from '../catalog/results';

export interface ResultCount {
  resultId: string;
  section: ResultSection;
  indent: 0 | 1;
  /** Label in the requested UI language. */
  label: string;
  /** Distinct contacts with at least one of the result's interactions. */
  count: number;
}

export interface TileSummary {
  activityId: string;
  kind: string;
  name: string;
  emailId: string | null;
  parentActivityId: string | null;
  path: string | null;
  /** Contacts dispatched to the tile, processing there now, and stopped there. */
  volume: { inflow: number; processing: number; queued: number; stopped: number; failed: number; processed: number };
  results: ResultCount[];
}

export interface JourneyDetail {
  journeyId: string;
  name: string;
  status: string;
  startDate: string;
  recurring: boolean;
  tiles: TileSummary[];
}

export interface ReasonCount {
  reasonId: string;
  table: ReasonTable;
  label: string;
  count: number;
}

export interface IncompleteJourneys {
  stopped: ReasonCount[];
  blocked: ReasonCount[];
}

export interface ReasonContact {
  contactId: string;
  name: string;
  /** ISO 8601 UTC timestamp of the contact's latest interaction for the reason. */
  timestamp: string;
}

export interface ReasonContactsPage {
  reasonId: string;
  total: number;
  offset: number;
  limit: number;
  contacts: ReasonContact[];
}

/** PUT /api/journeys/:journeyId: register or update a journey definition. */
export const journeyDefinitionRequest = z.object({
  name: z.string().trim().min(1, { error: 'The journey name is empty. Give the journey a name.' }).max(200),
  status: z.string().default('Live'),
  startDate: z.iso.datetime({ offset: true, error: 'startDate must be an ISO 8601 timestamp such as 2026-11-02T09:00:00Z.' }),
  recurring: z.boolean().default(false),
  tiles: z
    .array(
      z.object({
        activityId: z.string().trim().min(1).max(100),
        kind: z.enum(tileKinds, { error: (issue) => `Tile kind ${JSON.stringify(issue.input)} is unknown. Use one of: ${tileKinds.join(', ')}.` }),
        name: z.string().trim().min(1).max(200),
        emailId: z.string().nullable().optional(),
        parentActivityId: z.string().nullable().optional(),
        path: z.string().nullable().optional(),
      }),
    )
    .min(1, { error: 'A journey needs at least one tile.' })
    .max(500),
});
export type JourneyDefinitionRequest = z.input<typeof journeyDefinitionRequest>;
