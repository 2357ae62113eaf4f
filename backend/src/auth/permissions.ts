// The permission table: the role each API route needs, keyed by HTTP method and route pattern (Fastify's
// request.routeOptions.url). The authentication hook denies every /api route missing here, so a new route is
// refused until someone decides who may call it. Routes outside /api (the demo designer) are public.

import type { Role } from './roles';

/**
 * A role, or "designer" for the reads the demo designer page makes from the browser without a token: public
 * while the backend serves the demo designer, marketer otherwise.
 */
export type Access = Role | 'designer';

export const permissions: Readonly<Record<string, Access>> = {
  // Journeys: the designer page reads labels, the journey with its counts and the incomplete-journey lists.
  'GET /api/catalog/labels': 'designer',
  'GET /api/journeys': 'designer',
  'GET /api/journeys/:journeyId': 'designer',
  'GET /api/journeys/:journeyId/incomplete': 'designer',
  'GET /api/journeys/:journeyId/reasons/:reasonId/contacts': 'designer',
  'PUT /api/journeys/:journeyId': 'admin',

  // Segments: reading, capturing and editing drafts.
  'GET /api/segments': 'marketer',
  'POST /api/segments': 'marketer',
  'POST /api/segments/captures': 'marketer',
  'GET /api/segments/:segmentId': 'marketer',
  'PATCH /api/segments/:segmentId': 'marketer',
  'GET /api/segments/:segmentId/explanation': 'marketer',
  'GET /api/segments/:segmentId/transitions': 'marketer',
  'POST /api/logic/validate': 'marketer',
  'POST /api/logic/preview': 'marketer',
  // Preparing and dropping an edit of a live segment leaves the live logic as it is; publishing it does not.
  'POST /api/segments/:segmentId/edit': 'marketer',
  'POST /api/segments/:segmentId/cancel-edit': 'marketer',

  // Segment lifecycle: what changes the members that follow-up journeys target.
  'POST /api/segments/:segmentId/go-live': 'publisher',
  'POST /api/segments/:segmentId/stop': 'publisher',
  'POST /api/segments/:segmentId/publish': 'publisher',
  'POST /api/segments/:segmentId/rebuild': 'publisher',

  // Members of live segments, for targeting.
  'GET /api/targeting/segments': 'marketer',
  'GET /api/segments/:segmentId/members': 'marketer',
  'GET /api/segments/:segmentId/members.csv': 'marketer',
  'GET /api/segments/:segmentId/changes': 'marketer',

  'GET /api/audit': 'publisher',

  // Administration.
  'POST /api/interactions': 'admin',
  'POST /api/imports': 'admin',
  'GET /api/tokens': 'admin',
  'POST /api/tokens': 'admin',
  'DELETE /api/tokens/:tokenId': 'admin',
};

/** Paths under this prefix need a token; everything else the backend serves is public. */
export const apiPrefix = '/api/';

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith(apiPrefix);
}

/** The table key of a request; HEAD requests need what the GET of the same route needs. */
export function permissionKey(method: string, routeUrl: string): string {
  return `${method === 'HEAD' ? 'GET' : method} ${routeUrl}`;
}

/** The access a route needs, or undefined when the table lacks it and the route must be denied. */
export function accessOf(method: string, routeUrl: string): Access | undefined {
  return permissions[permissionKey(method, routeUrl)];
}
