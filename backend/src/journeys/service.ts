// Journey read models: the designer's per-tile counts and the incomplete-journey tables, computed from the
// stored interactions with the same catalog that generates segment logic.

import {
  blockedInteractionTypes,
  findReason,
  isTileKind,
  reasonLabel,
  reasonsOf,
  resultLabel,
  resultsOfTile,
  stoppedInteractionTypes,
  type CatalogTile,
  type InteractionSource,
  type UiLanguage,
} from '../../../shared/catalog';
import type { IncompleteJourneys, JourneyDetail, ReasonContactsPage, TileSummary } from '../../../shared/api/journeys';
import type { DatabaseHandle } from '../db/connect';
import { notFound } from '../http-error';
import { countResultContacts, findJourney, listContactsWithInteraction, listTiles, type JourneyRow, type TileRow } from './repository';

const dispatched: InteractionSource[] = [{ interactionType: 'ActivityContactDispatched' }];
const failedTypes = ['ActivityContactProcessingFailed'];

export function toCatalogTile(tile: TileRow): CatalogTile {
  if (!isTileKind(tile.kind)) {
    throw new Error(`Tile ${tile.activity_id} of journey ${tile.journey_id} has the unknown kind "${tile.kind}".`);
  }
  return { activityId: tile.activity_id, kind: tile.kind, parentActivityId: tile.parent_activity_id, path: tile.path };
}

/** Returns the journey and its tiles, or throws a 404 naming the journey id. */
export async function requireJourney(handle: DatabaseHandle, journeyId: string): Promise<{ journey: JourneyRow; tiles: TileRow[] }> {
  const journey = await findJourney(handle, journeyId);
  if (!journey) {
    throw notFound('journey-not-found', `Journey "${journeyId}" was not found. Check the journey id in the designer URL.`);
  }
  return { journey, tiles: await listTiles(handle, journeyId) };
}

/** Interactions that end a contact's stay at a tile, whether it passed on, stopped, failed or was blocked. */
function terminalSources(tile: CatalogTile, tiles: CatalogTile[]): InteractionSource[] {
  const results = resultsOfTile(tile, tiles);
  const types = new Set<string>([...stoppedInteractionTypes, ...failedTypes]);
  for (const source of results.find((result) => result.id === 'processed')?.sources ?? []) {
    types.add(source.interactionType);
  }
  if (tile.kind === 'email') {
    blockedInteractionTypes.forEach((type) => types.add(type));
  }
  return [...types].map((interactionType) => ({ interactionType }));
}

/** Interactions at `parent` that send a contact on towards `child`. */
function passedOnSources(parent: CatalogTile, child: CatalogTile, tiles: CatalogTile[]): InteractionSource[] {
  if (parent.kind === 'ifThen' && child.path) {
    return [{ interactionType: 'TriggerActivityContactProcessed', match: { field: 'Path', value: child.path } }];
  }
  if (parent.kind === 'split') {
    return [{ interactionType: 'SplitterActivityContactProcessed', match: { field: 'NextActivityId', value: child.activityId } }];
  }
  const passed = terminalSources(parent, tiles).filter(
    (source) => !stoppedInteractionTypes.includes(source.interactionType) && !failedTypes.includes(source.interactionType),
  );
  return passed;
}

async function summarizeTile(handle: DatabaseHandle, journeyId: string, row: TileRow, tiles: CatalogTile[], language: UiLanguage): Promise<TileSummary> {
  const tile = toCatalogTile(row);
  const scope = { journeyId, activityId: tile.activityId };
  const count = (sources: readonly InteractionSource[]) => countResultContacts(handle, scope, sources);

  const results = await Promise.all(
    resultsOfTile(tile, tiles).map(async (result) => ({
      resultId: result.id,
      section: result.section,
      indent: result.indent,
      label: resultLabel(result.id, language, result.branchName),
      count: await count(result.sources),
    })),
  );
  const countOf = (id: string) => results.find((result) => result.resultId === id)?.count ?? 0;

  const inflow = await count(dispatched);
  const ended = await count(terminalSources(tile, tiles));
  const parent = tiles.find((candidate) => candidate.activityId === tile.parentActivityId);
  const passedFromParent = parent
    ? await countResultContacts(handle, { journeyId, activityId: parent.activityId }, passedOnSources(parent, tile, tiles))
    : inflow;

  return {
    activityId: row.activity_id,
    kind: row.kind,
    name: row.name,
    emailId: row.email_id,
    parentActivityId: row.parent_activity_id,
    path: row.path,
    volume: {
      inflow,
      processing: Math.max(0, inflow - ended),
      queued: Math.max(0, passedFromParent - inflow),
      stopped: countOf('stopped'),
      failed: countOf('failed'),
      processed: countOf('processed'),
    },
    results,
  };
}

export async function getJourneyDetail(handle: DatabaseHandle, journeyId: string, language: UiLanguage): Promise<JourneyDetail> {
  const { journey, tiles } = await requireJourney(handle, journeyId);
  const catalogTiles = tiles.map(toCatalogTile);
  const summaries = [];
  for (const tile of tiles) {
    summaries.push(await summarizeTile(handle, journeyId, tile, catalogTiles, language));
  }

  return {
    journeyId: journey.journey_id,
    name: journey.name,
    status: journey.status,
    startDate: new Date(journey.start_date).toISOString(),
    recurring: Boolean(journey.recurring),
    tiles: summaries,
  };
}

export async function getIncompleteJourneys(handle: DatabaseHandle, journeyId: string, language: UiLanguage): Promise<IncompleteJourneys> {
  await requireJourney(handle, journeyId);
  const table = async (kind: 'stopped' | 'blocked') =>
    Promise.all(
      reasonsOf(kind).map(async (reason) => ({
        reasonId: reason.id,
        table: kind,
        label: reasonLabel(reason.id, language),
        count: await countResultContacts(handle, { journeyId }, [{ interactionType: reason.interactionType }]),
      })),
    );
  return { stopped: await table('stopped'), blocked: await table('blocked') };
}

export async function getReasonContacts(
  handle: DatabaseHandle,
  journeyId: string,
  reasonId: string,
  page: { offset: number; limit: number },
): Promise<ReasonContactsPage> {
  await requireJourney(handle, journeyId);
  const reason = findReason(reasonId);
  if (!reason) {
    throw notFound('reason-not-found', `Reason "${reasonId}" does not exist. Use one of the Stopped contacts or Blocked emails reasons.`);
  }

  const { total, contacts } = await listContactsWithInteraction(handle, journeyId, reason.interactionType, page);
  return {
    reasonId,
    total,
    offset: page.offset,
    limit: page.limit,
    contacts: contacts.map((contact) => ({
      contactId: contact.contactId,
      name: contact.name ?? contact.contactId,
      timestamp: new Date(contact.lastAt).toISOString(),
    })),
  };
}
