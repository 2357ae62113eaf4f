// Tile results: a Save as segment button at the end of every result row that the catalog offers for its tile
// (Processed, Stopped, Failed, the email KPIs, if/then paths, split branches) and that the policy does not leave
// out. Rows the catalog does not offer (Total, Processing, Queued, Inflow ...) get none. On while the page shows
// results of a tile: the selected tile's Data panel in a designer, or each tile card on an analytics page.

import type { JourneyDetail } from '../../../shared/api/journeys';
import { isTileKind, resultsOfTile, type CatalogTile } from '../../../shared/catalog';
import { createButtonPlacer, type Placement } from '../button-placement';
import { openCaptureFlyout } from '../capture-flow';
import { targetKey, type CaptureTarget } from '../capture-target';
import { readJourneyName, readTileResults, type PageTile, type TileResults } from '../host-profiles/interpreter';
import { matchResult } from '../label-match';
import { isOffered } from '../offered-results';
import type { FeatureContext } from './feature-context';

function catalogTilesOf(detail: JourneyDetail | null): CatalogTile[] {
  return (detail?.tiles ?? []).flatMap((tile) =>
    isTileKind(tile.kind)
      ? [{ activityId: tile.activityId, kind: tile.kind, parentActivityId: tile.parentActivityId, path: tile.path }]
      : [],
  );
}

/** Returns the selected tile for the catalog: from the journey detail, else from the kind the page states. */
function catalogTileOf(selected: PageTile, tiles: readonly CatalogTile[]): CatalogTile | null {
  const known = tiles.find((tile) => tile.activityId === selected.activityId);
  if (known) {
    return known;
  }
  return selected.kind && isTileKind(selected.kind) ? { activityId: selected.activityId, kind: selected.kind } : null;
}

export function init(signal: AbortSignal, context: FeatureContext): void {
  const { document, profile, journeyId, observer, journeys, settings } = context;
  const placer = createButtonPlacer(document, 'tile-data-panel');

  /** Returns the placements for the offered rows of one tile. */
  const placementsOf = (shown: TileResults, detail: JourneyDetail | null, journeyName: string): Placement[] => {
    const tiles = catalogTilesOf(detail);
    const tile = catalogTileOf(shown.tile, tiles);
    if (!tile) {
      return [];
    }

    const results = resultsOfTile(tile, tiles).filter((result) => isOffered(settings.offeredResults, result.id));
    const summary = detail?.tiles.find((candidate) => candidate.activityId === tile.activityId);
    const tileName = shown.tileName ?? shown.tile.name ?? summary?.name ?? tile.activityId;

    const placements: Placement[] = [];
    for (const row of shown.rows) {
      const match = matchResult(row.label, results, profile.labels);
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
          openCaptureFlyout(target, {
            document,
            signal,
            settings,
            returnFocus: () => placer.focus(key),
          }),
      });
    }
    return placements;
  };

  const update = () => {
    const shown = readTileResults(profile, document);
    if (shown.length === 0) {
      placer.reconcile([]);
      return;
    }

    const detail = journeys.peek(journeyId, () => observer.requestUpdate());
    if (detail === undefined) {
      // Still loading: leave the buttons as they are; the load ends with another update.
      return;
    }

    const journeyName = readJourneyName(profile, document) ?? detail?.name ?? journeyId;
    placer.reconcile(shown.flatMap((tileResults) => placementsOf(tileResults, detail, journeyName)));
  };

  observer.subscribe(update, signal);
  signal.addEventListener('abort', () => placer.clear(), { once: true });
  update();
}
