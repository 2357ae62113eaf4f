// Entry of the segment record page; the page itself lives in ./segment/.

import { render } from 'preact';

import { applyUiLanguageSetting } from './localize-document';
import './page.css';
import { RecordPage } from './segment/record-page';
import './segment/segment.css';

void applyUiLanguageSetting().then(() => render(<RecordPage search={location.search} />, document.getElementById('app') as HTMLElement));
