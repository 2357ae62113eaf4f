// The host profiles of the content script: those bundled with the extension, and those an administrator adds by
// policy (hostProfiles). Each is validated when it is loaded, and an invalid one is logged and skipped so that it
// cannot break the others.

import demoDesigner from './demo-designer.json';
import realtimeAnalytics from './realtime-analytics.json';
import { hostProfile, type HostProfile } from './schema';

export const builtInProfiles: readonly unknown[] = [demoDesigner, realtimeAnalytics];

/** Returns the id of a profile candidate for log messages, whatever its shape. */
function candidateId(candidate: unknown): string {
  const id = (candidate as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : JSON.stringify(id);
}

/** Validates candidates and returns the valid ones in order; a later profile with an id already seen is skipped. */
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

/** Loads the policy profiles first, so one with the id of a built-in profile replaces it. */
export function loadProfilesWithPolicy(policyProfiles: readonly unknown[]): HostProfile[] {
  return loadProfiles([...policyProfiles, ...builtInProfiles]);
}

/** Returns the first profile whose URL pattern matches `url`. */
export function profileForUrl(profiles: readonly HostProfile[], url: string): HostProfile | undefined {
  return profiles.find((profile) => new RegExp(profile.urlPattern).test(url));
}
