// Runs the content script on the hosts of host profiles an administrator adds by policy. The manifest's own
// content script covers only the built-in hosts, so each policy profile gets a content script registered at run
// time (scripting.registerContentScripts) once the user granted its host permission, and loses it when the
// profile leaves the policy. Registrations are kept in step with the policy on every change.

import type { HostProfile } from '../content/host-profiles/schema';

/** Prefix of the ids of our registrations, so scripts registered for other reasons are never touched. */
export const registrationPrefix = 'host-profile:';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
}

/** The parts of the scripting and permissions APIs this module uses, so tests can pass fakes. */
export interface ProfileScriptApis {
  getRegisteredContentScripts(): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: Array<RegisteredScript & { runAt: 'document_idle' }>): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  containsOrigins(origins: string[]): Promise<boolean>;
}

export interface ProfileScriptState {
  /** Ids of the profiles whose content script is registered now. */
  registered: string[];
  /** Profiles whose hosts the user has not granted yet, with the origins to request. */
  missingPermission: Array<{ profileId: string; origins: string[] }>;
}

/** True when every pattern in `patterns` is one of `covered`, so the manifest's content script already runs there. */
function coveredBy(patterns: readonly string[], covered: readonly string[]): boolean {
  return patterns.every((pattern) => covered.includes(pattern));
}

const sameList = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * Registers, updates and unregisters content scripts so that exactly the policy profiles with a granted host
 * permission have one. `scriptFiles` are the content script files of the manifest, `staticMatches` its matches.
 */
export async function syncProfileScripts(
  policyProfiles: readonly HostProfile[],
  options: { apis: ProfileScriptApis; scriptFiles: string[]; staticMatches: string[] },
): Promise<ProfileScriptState> {
  const { apis, scriptFiles, staticMatches } = options;
  const state: ProfileScriptState = { registered: [], missingPermission: [] };

  const desired = new Map<string, RegisteredScript>();
  for (const profile of policyProfiles) {
    if (coveredBy(profile.matches, staticMatches)) {
      continue;
    }
    if (!(await apis.containsOrigins(profile.matches))) {
      state.missingPermission.push({ profileId: profile.id, origins: profile.matches });
      continue;
    }
    desired.set(`${registrationPrefix}${profile.id}`, { id: `${registrationPrefix}${profile.id}`, matches: profile.matches, js: scriptFiles });
  }

  const current = (await apis.getRegisteredContentScripts()).filter((script) => script.id.startsWith(registrationPrefix));
  const stale = current.filter((script) => {
    const next = desired.get(script.id);
    return !next || !sameList(next.matches, script.matches) || !sameList(next.js, script.js);
  });
  if (stale.length > 0) {
    await apis.unregisterContentScripts({ ids: stale.map((script) => script.id) });
  }

  const unchanged = new Set(current.filter((script) => !stale.includes(script)).map((script) => script.id));
  const added = [...desired.values()].filter((script) => !unchanged.has(script.id));
  if (added.length > 0) {
    await apis.registerContentScripts(added.map((script) => ({ ...script, runAt: 'document_idle' as const })));
  }

  state.registered = [...desired.keys()].map((id) => id.slice(registrationPrefix.length));
  return state;
}
