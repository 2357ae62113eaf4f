// Headers that let a test call the admin routes (ingest, import, journey definitions) of a test backend.

import type { TestBackend } from '../../support/backend';

/** Returns the admin's Authorization header when the test backend issues tokens, else no header. */
export function adminHeaders(backend: TestBackend): Record<string, string> {
  const authorization = (backend as { authorization?: (role?: string) => Record<string, string> }).authorization;
  return authorization ? authorization('admin') : {};
}
