// Incomplete journeys: a Save as segment button at the top of the contact list of the selected reason under
// Insights > Incomplete journeys (Stopped contacts, Blocked emails). On while the page shows a reason list whose
// heading is a catalog reason.

import { createButtonPlacer, type Placement } from '../button-placement';
import { openCaptureFlyout } from '../capture-flow';
import { targetKey, type CaptureTarget } from '../capture-target';
import { readJourneyName, readReasonLists } from '../host-profiles/interpreter';
import { matchReason } from '../label-match';
import type { FeatureContext } from './feature-context';

export function init(signal: AbortSignal, context: FeatureContext): void {
  const { document, profile, journeyId, observer } = context;
  const placer = createButtonPlacer(document, 'incomplete-journeys');

  const update = () => {
    const journeyName = readJourneyName(profile, document) ?? journeyId;
    const placements: Placement[] = [];

    for (const list of readReasonLists(profile, document)) {
      const match = matchReason(list.label);
      if (!match) {
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
        container: list.list,
        insert: (host) => list.heading.after(host),
        label: list.label,
        onActivate: () =>
          void openCaptureFlyout(target, { document, signal, returnFocus: () => placer.focus(key) }),
      });
    }
    placer.reconcile(placements);
  };

  observer.subscribe(update, signal);
  signal.addEventListener('abort', () => placer.clear(), { once: true });
  update();
}
