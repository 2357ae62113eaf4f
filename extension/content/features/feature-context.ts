import type { ContentSettings } from '../../lib/messages';
import type { HostProfile } from '../host-profiles/schema';
import type { JourneyDetails } from '../journey-details';
import type { PageObserver } from '../observer';

/** Services and page facts a feature receives from the content script besides its AbortSignal. */
export interface FeatureContext {
  document: Document;
  profile: HostProfile;
  journeyId: string;
  observer: PageObserver;
  journeys: JourneyDetails;
  /** The settings at the time the feature started; a change of them restarts the features. */
  settings: ContentSettings;
}
