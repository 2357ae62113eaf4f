// Results a tile offers as a segment, and the interactions behind each. A result's members are the contacts
// with at least one interaction of its sources at that tile of that journey, which is also how the designer
// counts it, so the two numbers agree.

import { processedInteractionType, type TileKind } from './tile-kinds';

/** Interactions of one type, optionally narrowed to one value of one field. */
export interface InteractionSource {
  interactionType: string;
  match?: { field: string; value: string };
}

export type ResultSection = 'volume' | 'kpis' | 'paths';

export const staticResultIds = [
  'processed',
  'stopped',
  'failed',
  'delivered',
  'uniqueOpens',
  'uniqueClicks',
  'blocked',
  'deliveryFailed',
  'softBounces',
  'hardBounces',
  'blockBounces',
  'pathYes',
  'pathNo',
] as const;

export type StaticResultId = (typeof staticResultIds)[number];

/** A static result id, or `branch:<ActivityId of the branch's first tile>` for a split tile's branch. */
export type ResultId = StaticResultId | `branch:${string}`;

/** The part of a tile definition the catalog needs. */
export interface CatalogTile {
  activityId: string;
  kind: TileKind;
  /** The ActivityId of the tile this one follows; absent for the first tile. */
  parentActivityId?: string | null;
  /** For a tile that follows an if/then tile: 'yes' or 'no'. For a split branch: the branch name. */
  path?: string | null;
}

export interface TileResult {
  id: ResultId;
  section: ResultSection;
  /** 1 for rows shown indented under the row before them (Unique opens under Delivered). */
  indent: 0 | 1;
  sources: InteractionSource[];
  /** For a split branch: the branch name that the label shows. */
  branchName?: string;
}

export const stoppedInteractionTypes = [
  'ActivityContactBlocked',
  'ActivityContactBlockedSuppression',
  'ActivityContactBlockedConsent',
  'ActivityContactBlockedExternalConsent',
];

export const blockedInteractionTypes = [
  'EmailBlocked',
  'EmailBlockedByUser',
  'EmailBlockedDuplicateAddress',
  'InvalidRecipientAddress',
  'InvalidSenderAddress',
  'InvalidReplyToAddress',
  'EmailContainsBlacklistedLinks',
  'EmailBlockedMissingRelatedData',
  'EmailBlockedMissingContactData',
  'EmailBlockedInactiveContact',
  'OutOfEmailCredits',
];

const softBounceTypes = ['EmailSoftBounced', 'EmailSoftRemoteBounced'];
const hardBounceTypes = ['EmailHardBounced', 'EmailHardRemoteBounced'];
const blockBounceTypes = ['EmailBlockBounced'];

const sourcesOf = (types: string[]): InteractionSource[] => types.map((interactionType) => ({ interactionType }));

/** Lists the results a tile offers, in display order. `tiles` is the whole journey, needed for split branches. */
export function resultsOfTile(tile: CatalogTile, tiles: readonly CatalogTile[]): TileResult[] {
  const results: TileResult[] = [
    { id: 'processed', section: 'volume', indent: 0, sources: sourcesOf([processedInteractionType[tile.kind]]) },
    { id: 'stopped', section: 'volume', indent: 0, sources: sourcesOf(stoppedInteractionTypes) },
    { id: 'failed', section: 'volume', indent: 0, sources: sourcesOf(['ActivityContactProcessingFailed']) },
  ];

  if (tile.kind === 'email') {
    results.push(
      { id: 'delivered', section: 'kpis', indent: 0, sources: sourcesOf(['EmailDelivered']) },
      { id: 'uniqueOpens', section: 'kpis', indent: 1, sources: sourcesOf(['EmailOpened']) },
      { id: 'uniqueClicks', section: 'kpis', indent: 1, sources: sourcesOf(['EmailClicked']) },
      { id: 'blocked', section: 'kpis', indent: 0, sources: sourcesOf(blockedInteractionTypes) },
      {
        id: 'deliveryFailed',
        section: 'kpis',
        indent: 0,
        sources: sourcesOf([...softBounceTypes, ...hardBounceTypes, ...blockBounceTypes]),
      },
      { id: 'softBounces', section: 'kpis', indent: 1, sources: sourcesOf(softBounceTypes) },
      { id: 'hardBounces', section: 'kpis', indent: 1, sources: sourcesOf(hardBounceTypes) },
      { id: 'blockBounces', section: 'kpis', indent: 1, sources: sourcesOf(blockBounceTypes) },
    );
  }

  if (tile.kind === 'ifThen') {
    for (const [id, value] of [['pathYes', 'yes'], ['pathNo', 'no']] as const) {
      results.push({
        id,
        section: 'paths',
        indent: 0,
        sources: [{ interactionType: 'TriggerActivityContactProcessed', match: { field: 'Path', value } }],
      });
    }
  }

  if (tile.kind === 'split') {
    for (const branch of tiles.filter((candidate) => candidate.parentActivityId === tile.activityId)) {
      results.push({
        id: `branch:${branch.activityId}`,
        section: 'paths',
        indent: 0,
        branchName: branch.path ?? branch.activityId,
        sources: [
          {
            interactionType: 'SplitterActivityContactProcessed',
            match: { field: 'NextActivityId', value: branch.activityId },
          },
        ],
      });
    }
  }

  return results;
}

/** Finds one result of a tile, or undefined where the tile does not offer it. */
export function findTileResult(tile: CatalogTile, tiles: readonly CatalogTile[], resultId: string): TileResult | undefined {
  return resultsOfTile(tile, tiles).find((result) => result.id === resultId);
}
