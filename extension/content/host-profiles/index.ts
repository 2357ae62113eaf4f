// The host profiles bundled with the content script. Each is validated when the content script starts, and an
// invalid one is logged and skipped so that it cannot break the others.

import { hostProfile, type HostProfile } from './schema';
import demoDesigner from './demo-designer.json';

const bundledProfiles: unknown[] = [demoDesigner];

export function loadProfiles(candidates: readonly unknown[] = bundledProfiles): HostProfile[] {
  const profiles: HostProfile[] = [];
  for (const candidate of candidates) {
    const parsed = hostProfile.safeParse(candidate);
    if (parsed.success) {
      profiles.push(parsed.data);
    } else {
      const id = (candidate as { id?: unknown } | null)?.id;
      console.error(`[journey-segments] host profile ${String(id)} is invalid and was skipped:`, parsed.error.issues);
    }
  }
  return profiles;
}

/** Returns the first profile whose URL pattern matches `url`. */
export function profileForUrl(profiles: readonly HostProfile[], url: string): HostProfile | undefined {
  return profiles.find((profile) => new RegExp(profile.urlPattern).test(url));
}
