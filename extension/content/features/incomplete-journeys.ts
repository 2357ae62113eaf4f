// Incomplete journeys: a Save as segment button on each incomplete-journey reason the page shows, such as the
// contact list of the selected reason under Insights > Incomplete journeys (Stopped contacts, Blocked emails) or a
// row of an exit reasons table. On while the page shows a reason whose label is a catalog reason that the policy
// does not leave out.

import { createButtonPlacer, type Placement } from '../button-placement';
import { openCaptureFlyout } from '../capture-flow';
import { targetKey, type CaptureTarget } from '../capture-target';
import { readJourneyName, readReasons } from '../host-profiles/interpreter';
import { matchReason } from '../label-match';
import { isOffered } from '../offered-results';
import type { FeatureContext } from './feature-context';

export function init(signal: AbortSignal, context: FeatureContext): void {
  const { document, profile, journeyId, observer, settings } = context;
  const placer = createButtonPlacer(document, 'incomplete-journeys');

  const update = () => {
    const journeyName = readJourneyName(profile, document) ?? journeyId;
    const placements: Placement[] = [];

    for (const reason of readReasons(profile, document)) {
      const match = matchReason(reason.label, profile.labels);
      if (!match || !isOffered(settings.offeredResults, match.reasonId)) {
        continue;
      }

      const target: CaptureTarget = {
        kind: 'reason',
        journeyId,
        journeyName,
        reasonId: match.reasonId,
        language: match.language,
      };
      const key = targetKey(target);
      placements.push({
        key,
        container: reason.element,
        insert: reason.insert,
        label: reason.label,
        onActivate: () =>
          openCaptureFlyout(target, { document, signal, settings, returnFocus: () => placer.focus(key) }),
      });
    }
    placer.reconcile(placements);
  };

  observer.subscribe(update, signal);
  signal.addEventListener('abort', () => placer.clear(), { once: true });
  update();
}
