// The options page: backend URL, API token, language and segment name pattern, stored in chrome.storage.sync.
// Options an administrator set by policy are shown read-only and marked as set by the organization, and so are
// the policy-only settings (offered results, host profiles). The page follows option and policy changes while open.

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

import {
  normalizeBackendUrl,
  normalizeSegmentNamePattern,
  readConfig,
  type ExtensionConfig,
  type OptionKey,
} from '../background/config';
import { setUiLanguage, t, type MessageKey } from '../lib/i18n';
import { onSettingsChanged } from '../lib/settings-changes';
import { uiLanguageSettings, type UiLanguageSetting } from '../lib/ui-language-setting';
import { HostProfileAccess } from './host-profile-access';
import { localizeDocument } from './localize-document';
import './page.css';

const languageMessage: Record<UiLanguageSetting, MessageKey> = {
  auto: 'optionsLanguageAuto',
  en: 'optionsLanguageEn',
  de: 'optionsLanguageDe',
};

function ManagedNote({ config, option }: { config: ExtensionConfig; option: OptionKey }) {
  return config.managedKeys.includes(option) ? (
    <p class="help managed" data-managed={option}>
      {t('optionsManaged')}
    </p>
  ) : null;
}

interface Fields {
  backendUrl: string;
  apiToken: string;
  uiLanguage: UiLanguageSetting;
  segmentNamePattern: string;
}

const fieldsOf = (config: ExtensionConfig): Fields => ({
  backendUrl: config.backendUrl,
  apiToken: config.apiToken,
  uiLanguage: config.uiLanguage,
  segmentNamePattern: config.segmentNamePattern,
});

function OptionsPage() {
  const [config, setConfig] = useState<ExtensionConfig | null>(null);
  const [fields, setFields] = useState<Fields | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  useEffect(() => {
    const load = () =>
      void readConfig().then((loaded) => {
        setUiLanguage(loaded.uiLanguage);
        localizeDocument(t('optionsTitle'));
        setConfig(loaded);
        setFields(fieldsOf(loaded));
      });

    const lifetime = new AbortController();
    onSettingsChanged(load, lifetime.signal);
    load();
    return () => lifetime.abort();
  }, []);

  if (!config || !fields) {
    return null;
  }
  const managed = (option: OptionKey) => config.managedKeys.includes(option);
  const update = (changes: Partial<Fields>) => setFields({ ...fields, ...changes });

  async function save(event: Event) {
    event.preventDefault();
    if (!fields) {
      return;
    }
    setResult(null);

    let url: string;
    let pattern: string;
    try {
      url = normalizeBackendUrl(fields.backendUrl);
      pattern = normalizeSegmentNamePattern(fields.segmentNamePattern);
    } catch (error) {
      setResult({ ok: false, message: (error as Error).message });
      return;
    }

    // The manifest grants 127.0.0.1 and localhost. Any other backend needs the user's consent, and the browser
    // shows that prompt only during a click, so this request comes before any other await.
    const origin = new URL(url).origin;
    const granted = managed('backendUrl') || (await browser.permissions.request({ origins: [`${origin}/*`] }));
    if (!granted) {
      setResult({ ok: false, message: t('optionsPermissionDenied', origin) });
      return;
    }

    const values: Record<string, string> = {};
    if (!managed('backendUrl')) values.backendUrl = url;
    if (!managed('apiToken')) values.apiToken = fields.apiToken.trim();
    if (!managed('uiLanguage')) values.uiLanguage = fields.uiLanguage;
    if (!managed('segmentNamePattern')) values.segmentNamePattern = pattern;
    await browser.storage.sync.set(values);
    setResult({ ok: true, message: t('optionsSaved') });
  }

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={save} noValidate>
        <label for="backend-url">{t('optionsBackendUrl')}</label>
        <input
          id="backend-url"
          type="url"
          value={fields.backendUrl}
          disabled={managed('backendUrl')}
          aria-describedby="backend-url-help"
          onInput={(event) => update({ backendUrl: event.currentTarget.value })}
        />
        <p id="backend-url-help" class="help">
          {t('optionsBackendUrlHelp')}
        </p>
        <ManagedNote config={config} option="backendUrl" />

        <label for="api-token">{t('optionsApiToken')}</label>
        <input
          id="api-token"
          type="password"
          autocomplete="off"
          value={fields.apiToken}
          disabled={managed('apiToken')}
          aria-describedby="api-token-help"
          onInput={(event) => update({ apiToken: event.currentTarget.value })}
        />
        <p id="api-token-help" class="help">
          {t('optionsApiTokenHelp')}
        </p>
        <ManagedNote config={config} option="apiToken" />

        <label for="ui-language">{t('optionsLanguage')}</label>
        <select
          id="ui-language"
          value={fields.uiLanguage}
          disabled={managed('uiLanguage')}
          aria-describedby="ui-language-help"
          onChange={(event) => update({ uiLanguage: event.currentTarget.value as UiLanguageSetting })}
        >
          {uiLanguageSettings.map((setting) => (
            <option value={setting}>{t(languageMessage[setting])}</option>
          ))}
        </select>
        <p id="ui-language-help" class="help">
          {t('optionsLanguageHelp')}
        </p>
        <ManagedNote config={config} option="uiLanguage" />

        <label for="name-pattern">{t('optionsNamePattern')}</label>
        <input
          id="name-pattern"
          type="text"
          autocomplete="off"
          value={fields.segmentNamePattern}
          disabled={managed('segmentNamePattern')}
          aria-describedby="name-pattern-help"
          onInput={(event) => update({ segmentNamePattern: event.currentTarget.value })}
        />
        <p id="name-pattern-help" class="help">
          {t('optionsNamePatternHelp')}
        </p>
        <ManagedNote config={config} option="segmentNamePattern" />

        <p>
          <button type="submit" class="primary">
            {t('optionsSave')}
          </button>
        </p>
        {result && (
          <p class={result.ok ? 'notice' : 'error'} role={result.ok ? 'status' : 'alert'}>
            {result.message}
          </p>
        )}
      </form>

      <section aria-labelledby="offered-results-title">
        <h2 id="offered-results-title">{t('optionsOfferedResults')}</h2>
        <p id="offered-results">{config.offeredResults ? config.offeredResults.join(', ') : t('optionsOfferedAll')}</p>
        <ManagedNote config={config} option="offeredResults" />
      </section>

      <HostProfileAccess profiles={config.hostProfiles} />
    </main>
  );
}

render(<OptionsPage />, document.getElementById('app') as HTMLElement);
