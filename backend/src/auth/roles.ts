// The roles an API token can have. Each role may do everything the roles before it may do.

export const roles = ['marketer', 'publisher', 'admin'] as const;

export type Role = (typeof roles)[number];

/** What each role adds to the one before it, for help texts and error messages. */
export const roleDescriptions: Readonly<Record<Role, string>> = {
  marketer: 'read journeys and segments, capture results, create and edit draft segments',
  publisher: 'also go live, stop, publish and rebuild segments, and read the audit log',
  admin: 'also manage API tokens, register journeys, ingest and import interactions',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** True when a token of role `held` may do what needs role `needed`. */
export function roleSatisfies(held: Role, needed: Role): boolean {
  return roles.indexOf(held) >= roles.indexOf(needed);
}
