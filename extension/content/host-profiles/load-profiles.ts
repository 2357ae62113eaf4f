// Validates host profile candidates with the profile schema. The background runs it on the policy profiles before
// it registers content scripts for them or sends them to a content script, so zod stays out of the content script.

import { builtInProfiles } from './index';
import { hostProfile, type HostProfile } from './schema';

/** Returns the id of a profile candidate for log messages, whatever its shape. */
function candidateId(candidate: unknown): string {
  const id = (candidate as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : JSON.stringify(id);
}

/**
 * Validates candidates and returns the valid ones in order. An invalid one is logged and skipped so that it cannot
 * break the others, and a later profile with an id already seen is skipped.
 */
export function loadProfiles(candidates: readonly unknown[] = builtInProfiles): HostProfile[] {
  const profiles: HostProfile[] = [];
  for (const candidate of candidates) {
    const parsed = hostProfile.safeParse(candidate);
    if (!parsed.success) {
      console.error(
        `[journey-segments] host profile ${candidateId(candidate)} is invalid and was skipped:`,
        parsed.error.issues,
      );
      continue;
    }
    if (profiles.some((profile) => profile.id === parsed.data.id)) {
      continue;
    }
    profiles.push(parsed.data);
  }
  return profiles;
}
