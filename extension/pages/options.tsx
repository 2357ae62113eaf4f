// The options page: backend URL, API token and the language of prefilled segment names, stored in
// chrome.storage.sync. Options an administrator set by policy are shown read-only.

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

import { normalizeBackendUrl, readConfig, type ExtensionConfig, type OptionKey } from '../background/config';
import { t, type MessageKey } from '../lib/i18n';
import { uiLanguageSettings, type UiLanguageSetting } from '../lib/ui-language-setting';
import { localizeDocument } from './localize-document';
import './page.css';

const languageMessage: Record<UiLanguageSetting, MessageKey> = {
  auto: 'optionsLanguageAuto',
  en: 'optionsLanguageEn',
  de: 'optionsLanguageDe',
};

function ManagedNote({ config, option }: { config: ExtensionConfig; option: OptionKey }) {
  return config.managedKeys.includes(option) ? <p class="help">{t('optionsManaged')}</p> : null;
}

function OptionsPage() {
  const [config, setConfig] = useState<ExtensionConfig | null>(null);
  const [backendUrl, setBackendUrl] = useState('');
  const [apiToken, setApiToken] = useState('');
  const [uiLanguage, setUiLanguage] = useState<UiLanguageSetting>('auto');
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  useEffect(() => {
    localizeDocument(t('optionsTitle'));
    void readConfig().then((loaded) => {
      setConfig(loaded);
      setBackendUrl(loaded.backendUrl);
      setApiToken(loaded.apiToken);
      setUiLanguage(loaded.uiLanguage);
    });
  }, []);

  if (!config) {
    return null;
  }
  const managed = (option: OptionKey) => config.managedKeys.includes(option);

  async function save(event: Event) {
    event.preventDefault();
    setResult(null);

    let url: string;
    try {
      url = normalizeBackendUrl(backendUrl);
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
    if (!managed('apiToken')) values.apiToken = apiToken.trim();
    if (!managed('uiLanguage')) values.uiLanguage = uiLanguage;
    await browser.storage.sync.set(values);
    setBackendUrl(url);
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
          value={backendUrl}
          disabled={managed('backendUrl')}
          aria-describedby="backend-url-help"
          onInput={(event) => setBackendUrl(event.currentTarget.value)}
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
          value={apiToken}
          disabled={managed('apiToken')}
          aria-describedby="api-token-help"
          onInput={(event) => setApiToken(event.currentTarget.value)}
        />
        <p id="api-token-help" class="help">
          {t('optionsApiTokenHelp')}
        </p>
        <ManagedNote config={config} option="apiToken" />

        <label for="ui-language">{t('optionsLanguage')}</label>
        <select
          id="ui-language"
          value={uiLanguage}
          disabled={managed('uiLanguage')}
          aria-describedby="ui-language-help"
          onChange={(event) => setUiLanguage(event.currentTarget.value as UiLanguageSetting)}
        >
          {uiLanguageSettings.map((setting) => (
            <option value={setting}>{t(languageMessage[setting])}</option>
          ))}
        </select>
        <p id="ui-language-help" class="help">
          {t('optionsLanguageHelp')}
        </p>
        <ManagedNote config={config} option="uiLanguage" />

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
    </main>
  );
}

render(<OptionsPage />, document.getElementById('app') as HTMLElement);
