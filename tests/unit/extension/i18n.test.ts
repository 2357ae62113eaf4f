import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import { formatMessage, setUiLanguage, t, uiLanguage } from '../../../extension/lib/i18n';
import { browser } from './support/browser-mock';

afterEach(() => {
  browser.i18n.getUILanguage.mockImplementation(() => 'en');
  setUiLanguage('auto');
});

describe('t', () => {
  it('follows the browser language on auto', () => {
    browser.i18n.getUILanguage.mockImplementation(() => 'de-AT');

    setUiLanguage('auto');

    expect(uiLanguage()).toBe('de');
    expect(t('saveAsSegment')).toBe('Als Segment speichern');
  });

  it('uses the language set by policy over the browser language', () => {
    browser.i18n.getUILanguage.mockImplementation(() => 'de');

    setUiLanguage('en');

    expect(t('saveAsSegment')).toBe('Save as segment');
  });

  it('falls back to English for another browser language', () => {
    browser.i18n.getUILanguage.mockImplementation(() => 'fr-FR');

    setUiLanguage('auto');

    expect(t('optionsManaged')).toBe('Set by your organization');
  });

  it('fills placeholders in German', () => {
    setUiLanguage('de');

    expect(t('optionsManaged')).toBe('Von Ihrer Organisation festgelegt');
    expect(t('saveAsSegmentLabel', 'Verarbeitet')).toBe('Als Segment speichern: Verarbeitet');
  });
});

describe('formatMessage', () => {
  const entry = { message: 'Pay $$5 for $ITEM$', placeholders: { item: { content: '$1' } } };

  it('fills a placeholder and unescapes $$', () => {
    expect(formatMessage(entry, ['tea'])).toBe('Pay $5 for tea');
  });

  it('leaves a dollar sign inside a substitution as it is', () => {
    expect(formatMessage(entry, ['$$ and $ITEM$'])).toBe('Pay $5 for $$ and $ITEM$');
  });
});
