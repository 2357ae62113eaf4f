// Entry of the segment list page; the page itself lives in ./segment-list/.

import { render } from 'preact';

import { applyUiLanguageSetting } from './localize-document';
import './page.css';
import './segment/segment.css';
import { SegmentListPage } from './segment-list/segment-list-page';

void applyUiLanguageSetting().then(() => render(<SegmentListPage search={location.search} />, document.getElementById('app') as HTMLElement));
