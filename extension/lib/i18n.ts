// Every UI string of every locale, for the extension pages and the background. The content script registers only
// the strings it shows (content/ui-strings.ts), because all of them would add about 6 kB gzipped to it.

import german from '../_locales/de/messages.json';
import english from '../_locales/en/messages.json';
import { registerMessages } from './i18n-core';

export * from './i18n-core';

registerMessages({ en: english, de: german });
