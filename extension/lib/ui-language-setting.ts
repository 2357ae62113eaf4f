import { uiLanguages, type UiLanguage } from '../../shared/catalog';

/** The language option: 'auto' follows the host page, otherwise one of the catalog's UI languages. */
export type UiLanguageSetting = 'auto' | UiLanguage;

export const uiLanguageSettings: readonly UiLanguageSetting[] = ['auto', ...uiLanguages];

export function isUiLanguageSetting(value: unknown): value is UiLanguageSetting {
  return typeof value === 'string' && (uiLanguageSettings as readonly string[]).includes(value);
}
