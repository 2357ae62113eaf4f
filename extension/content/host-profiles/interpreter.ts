// Reads a host page through a host profile. Every value returned is text or an element of the page: page text
// is data, and callers must never insert it as markup.

import type { HostProfile } from './schema';

export interface SelectedTile {
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

export interface TilePanel {
  tileName: string | null;
  rows: ResultRow[];
}

export interface ReasonList {
  list: Element;
  label: string;
  /** The heading the button goes right after. */
  heading: Element;
}

/** Collapses white space, which pages spread over labels for layout. */
export function normalizeText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function readJourneyId(profile: HostProfile, url: URL): string | null {
  const match = new RegExp(profile.journeyId.pathPattern).exec(url.pathname);
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

export function readSelectedTile(profile: HostProfile, root: ParentNode): SelectedTile | null {
  const tile = root.querySelector(profile.tile.selectedSelector);
  const activityId = tile?.getAttribute(profile.tile.activityIdAttribute);
  if (!tile || !activityId) {
    return null;
  }

  const name = accessibleName(tile);
  return { activityId, kind: tile.getAttribute(profile.tile.kindAttribute), name: name || null };
}

function isHidden(element: Element): boolean {
  return element.closest('[hidden], [aria-hidden="true"]') !== null;
}

export function readTilePanel(profile: HostProfile, root: ParentNode): TilePanel | null {
  const { selector, nameSelector, rowSelector, labelSelector, buttonSlotSelector } = profile.tilePanel;
  const panel = root.querySelector(selector);
  if (!panel) {
    return null;
  }

  const rows: ResultRow[] = [];
  for (const row of panel.querySelectorAll(rowSelector)) {
    const label = normalizeText(row.querySelector(labelSelector)?.textContent);
    if (!label || isHidden(row)) {
      continue;
    }
    const slots = row.querySelectorAll(buttonSlotSelector);
    rows.push({ row, label, slot: slots[slots.length - 1] ?? row });
  }

  return { tileName: normalizeText(panel.querySelector(nameSelector)?.textContent) || null, rows };
}

export function readReasonLists(profile: HostProfile, root: ParentNode): ReasonList[] {
  const lists: ReasonList[] = [];
  for (const list of root.querySelectorAll(profile.reasonLists.selector)) {
    const heading = list.querySelector(profile.reasonLists.labelSelector);
    const label = normalizeText(heading?.textContent);
    if (heading && label && !isHidden(list)) {
      lists.push({ list, label, heading });
    }
  }
  return lists;
}
