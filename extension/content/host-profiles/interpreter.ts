// Reads a host page through a host profile. Every value returned is text or an element of the page: page text
// is data, and callers must never insert it as markup.

import type { HostProfile } from './schema';

export interface PageTile {
  activityId: string;
  /** The catalog tile kind the page states, or null. */
  kind: string | null;
  /** The tile's accessible name, or null. */
  name: string | null;
}

export interface ResultRow {
  row: Element;
  label: string;
  /** Element the button is appended to. */
  slot: Element;
}

export interface TileResults {
  tile: PageTile;
  /** The tile name the results panel shows, or null. */
  tileName: string | null;
  rows: ResultRow[];
}

export interface ReasonElement {
  /** The contact list or table row of one reason; it gets at most one button. */
  element: Element;
  label: string;
  /** Puts the button into place inside `element`. */
  insert: (host: HTMLElement) => void;
}

/** Collapses white space, which pages spread over labels for layout. */
export function normalizeText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function readJourneyId(profile: HostProfile, url: URL): string | null {
  const { pathPattern, queryParameter } = profile.journeyId;
  if (queryParameter !== undefined) {
    return url.searchParams.get(queryParameter) || null;
  }

  const match = new RegExp(pathPattern ?? '(?!)').exec(url.pathname);
  if (!match?.[1]) {
    return null;
  }
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export function readJourneyName(profile: HostProfile, root: ParentNode): string | null {
  if (!profile.journeyName) {
    return null;
  }
  return normalizeText(root.querySelector(profile.journeyName.selector)?.textContent) || null;
}

/** Returns an element's accessible name from aria-label, aria-labelledby or its text, in that order. */
function accessibleName(element: Element): string {
  const label = normalizeText(element.getAttribute('aria-label'));
  if (label) {
    return label;
  }

  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const document = element.ownerDocument;
    const text = labelledBy
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    if (normalizeText(text)) {
      return normalizeText(text);
    }
  }
  return normalizeText(element.textContent);
}

function isHidden(element: Element): boolean {
  return element.closest('[hidden], [aria-hidden="true"]') !== null;
}

/** Lists the tiles the page shows results for, with the elements they were read from. */
function readTiles(profile: HostProfile, root: ParentNode): Array<{ element: Element; tile: PageTile }> {
  if (!profile.tiles) {
    return [];
  }
  const { selector, activityIdAttribute, kindAttribute } = profile.tiles;

  const tiles: Array<{ element: Element; tile: PageTile }> = [];
  for (const element of root.querySelectorAll(selector)) {
    const activityId = element.getAttribute(activityIdAttribute);
    if (!activityId || isHidden(element)) {
      continue;
    }
    const kind = kindAttribute ? element.getAttribute(kindAttribute) : null;
    tiles.push({ element, tile: { activityId, kind, name: accessibleName(element) || null } });
  }
  return tiles;
}

function readRows(results: NonNullable<HostProfile['results']>, panel: Element): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const row of panel.querySelectorAll(results.rowSelector)) {
    const label = normalizeText(row.querySelector(results.labelSelector)?.textContent);
    if (!label || isHidden(row)) {
      continue;
    }
    const slots = row.querySelectorAll(results.buttonSlotSelector);
    rows.push({ row, label, slot: slots[slots.length - 1] ?? row });
  }
  return rows;
}

/**
 * Reads the result rows of every tile the page shows results for. With scope 'page' that is the first selected
 * tile and the one results panel of the page; with scope 'tile' it is each tile with the rows inside it.
 */
export function readTileResults(profile: HostProfile, root: ParentNode): TileResults[] {
  const results = profile.results;
  if (!results) {
    return [];
  }

  const tiles = readTiles(profile, root);
  const panels =
    results.scope === 'page'
      ? tiles.slice(0, 1).map(({ tile }) => ({ tile, panel: root.querySelector(results.panelSelector ?? '') }))
      : tiles.map(({ element, tile }) => ({
          tile,
          panel: results.panelSelector ? element.querySelector(results.panelSelector) : element,
        }));

  const read: TileResults[] = [];
  for (const { tile, panel } of panels) {
    if (!panel) {
      continue;
    }
    const tileName = results.nameSelector ? normalizeText(panel.querySelector(results.nameSelector)?.textContent) : '';
    read.push({ tile, tileName: tileName || null, rows: readRows(results, panel) });
  }
  return read;
}

/** Reads every element that stands for one incomplete-journey reason, with its label. */
export function readReasons(profile: HostProfile, root: ParentNode): ReasonElement[] {
  const reasons = profile.reasons;
  if (!reasons) {
    return [];
  }

  const read: ReasonElement[] = [];
  for (const element of root.querySelectorAll(reasons.selector)) {
    const labelElement = element.querySelector(reasons.labelSelector);
    const label = normalizeText(labelElement?.textContent);
    if (!labelElement || !label || isHidden(element)) {
      continue;
    }

    const slots = reasons.buttonSlotSelector ? element.querySelectorAll(reasons.buttonSlotSelector) : null;
    const slot = slots ? (slots[slots.length - 1] ?? element) : null;
    const insert = slot ? (host: HTMLElement) => slot.append(host) : (host: HTMLElement) => labelElement.after(host);
    read.push({ element, label, insert });
  }
  return read;
}
