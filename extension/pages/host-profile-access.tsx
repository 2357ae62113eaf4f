// The options page section on host profiles an administrator added by policy: each profile with its description,
// why it is not used when it is invalid, and a button that requests access to its hosts until the user granted it.
// The browser shows its permission prompt only during a click, so the request is the first thing the click does.

import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

import { hostProfile } from '../content/host-profiles/schema';
import { t } from '../lib/i18n';

type ProfileStatus =
  | { kind: 'invalid'; id: string; error: string }
  | { kind: 'valid'; id: string; description: string; origins: string[]; granted: boolean };

async function statusesOf(candidates: readonly unknown[]): Promise<ProfileStatus[]> {
  const statuses: ProfileStatus[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const parsed = hostProfile.safeParse(candidate);
    if (!parsed.success) {
      const id = (candidate as { id?: unknown } | null)?.id;
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      statuses.push({ kind: 'invalid', id: typeof id === 'string' ? id : `#${index + 1}`, error: `${where}${issue?.message ?? ''}` });
      continue;
    }
    const origins = parsed.data.matches;
    const granted = await browser.permissions.contains({ origins });
    statuses.push({ kind: 'valid', id: parsed.data.id, description: parsed.data.description, origins, granted });
  }
  return statuses;
}

export function HostProfileAccess({ profiles }: { profiles: readonly unknown[] }) {
  const [statuses, setStatuses] = useState<ProfileStatus[]>([]);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    void statusesOf(profiles).then((next) => current && setStatuses(next));
    return () => {
      current = false;
    };
  }, [profiles, revision]);

  useEffect(() => {
    const refresh = () => setRevision((value) => value + 1);
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  if (profiles.length === 0) {
    return null;
  }

  const grant = async (origins: string[]) => {
    await browser.permissions.request({ origins });
    setRevision((value) => value + 1);
  };

  return (
    <section aria-labelledby="host-profiles-title">
      <h2 id="host-profiles-title">{t('optionsHostProfiles')}</h2>
      <ul class="host-profiles">
        {statuses.map((status) => (
          <li key={status.id} data-profile-id={status.id}>
            {status.kind === 'invalid' ? (
              <p class="error">{t('optionsHostProfileInvalid', status.id, status.error)}</p>
            ) : (
              <>
                <strong>{status.id}</strong> <span class="muted">{status.description}</span>
                {status.granted ? (
                  <p class="notice">{t('optionsHostAccessGranted')}</p>
                ) : (
                  <p>
                    {t('optionsHostAccessMissing', status.origins.join(', '))}{' '}
                    <button type="button" onClick={() => void grant(status.origins)}>
                      {t('optionsGrantAccess')}
                    </button>
                  </p>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      <p class="help">{t('optionsManaged')}</p>
    </section>
  );
}
