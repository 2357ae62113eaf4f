// The host profiles of the content script: those bundled with the extension, and those an administrator adds by
// policy (hostProfiles). The background validates the policy profiles (load-profiles.ts) and sends the content
// script only the valid ones, and a unit test validates the built-in ones. So nothing here needs zod, which was
// about half of the content script's size.

import demoDesigner from './demo-designer.json';
import realtimeAnalytics from './realtime-analytics.json';
import type { HostProfile } from './schema';

/** The profiles bundled with the extension; host-profile.test.ts checks that each passes the profile schema. */
export const builtInProfiles: readonly HostProfile[] = [demoDesigner, realtimeAnalytics] as unknown as HostProfile[];

/**
 * Returns the validated policy profiles followed by the built-in ones, so a policy profile with the id of a
 * built-in profile replaces it. A later profile with an id already seen is skipped.
 */
export function withBuiltInProfiles(policyProfiles: readonly HostProfile[]): HostProfile[] {
  const profiles: HostProfile[] = [];
  for (const candidate of [...policyProfiles, ...builtInProfiles]) {
    if (!profiles.some((profile) => profile.id === candidate.id)) {
      profiles.push(candidate);
    }
  }
  return profiles;
}

/** Returns the first profile whose URL pattern matches `url`. */
export function profileForUrl(profiles: readonly HostProfile[], url: string): HostProfile | undefined {
  return profiles.find((profile) => new RegExp(profile.urlPattern).test(url));
}
