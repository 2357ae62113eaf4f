// Tile data panel: a Save as segment button at the end of every result row that the catalog offers for the
// selected tile (Processed, Stopped, Failed, the email KPIs, if/then paths, split branches). Rows the catalog does
// not offer (Total, Processing, Queued, Inflow ...) get none. On while the page shows a selected tile's panel.

import type { JourneyDetail } from '../../../shared/api/journeys';
import { isTileKind, resultsOfTile, type CatalogTile } from '../../../shared/catalog';
import { createButtonPlacer, type Placement } from '../button-placement';
import { openCaptureFlyout } from '../capture-flow';
import { targetKey, type CaptureTarget } from '../capture-target';
import { readJourneyName, readSelectedTile, readTilePanel, type SelectedTile } from '../host-profiles/interpreter';
import { matchResult } from '../label-match';
import type { FeatureContext } from './feature-context';

function catalogTilesOf(detail: JourneyDetail | null): CatalogTile[] {
  return (detail?.tiles ?? []).flatMap((tile) =>
    isTileKind(tile.kind)
      ? [{ activityId: tile.activityId, kind: tile.kind, parentActivityId: tile.parentActivityId, path: tile.path }]
      : [],
  );
}

/** Returns the selected tile for the catalog: from the journey detail, else from the kind the page states. */
function catalogTileOf(selected: SelectedTile, tiles: readonly CatalogTile[]): CatalogTile | null {
  const known = tiles.find((tile) => tile.activityId === selected.activityId);
  if (known) {
    return known;
  }
  return selected.kind && isTileKind(selected.kind) ? { activityId: selected.activityId, kind: selected.kind } : null;
}

export function init(signal: AbortSignal, context: FeatureContext): void {
  const { document, profile, journeyId, observer, journeys } = context;
  const placer = createButtonPlacer(document, 'tile-data-panel');

  const update = () => {
    const selected = readSelectedTile(profile, document);
    const panel = selected && readTilePanel(profile, document);
    if (!selected || !panel) {
      placer.reconcile([]);
      return;
    }

    const detail = journeys.peek(journeyId, () => observer.requestUpdate());
    if (detail === undefined) {
      // Still loading: leave the buttons as they are; the load ends with another update.
      return;
    }

    const tiles = catalogTilesOf(detail);
    const tile = catalogTileOf(selected, tiles);
    if (!tile) {
      placer.reconcile([]);
      return;
    }

    const results = resultsOfTile(tile, tiles);
    const summary = detail?.tiles.find((candidate) => candidate.activityId === tile.activityId);
    const tileName = panel.tileName ?? selected.name ?? summary?.name ?? tile.activityId;
    const journeyName = readJourneyName(profile, document) ?? detail?.name ?? journeyId;

    const placements: Placement[] = [];
    for (const row of panel.rows) {
      const match = matchResult(row.label, results);
      if (!match) {
        continue;
      }

      const target: CaptureTarget = {
        kind: 'result',
        journeyId,
        journeyName,
        activityId: tile.activityId,
        tileName,
        resultId: match.result.id,
        branchName: match.result.branchName,
        language: match.language,
      };
      const key = targetKey(target);
      placements.push({
        key,
        container: row.row,
        insert: (host) => row.slot.append(host),
        label: row.label,
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
