// Response bodies of the journey endpoints that the demo designer and the extension read.

import type { ReasonTable } from '../catalog/reasons';
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
