// HAVING windows are measured back from now, so as time passes interactions leave them and members can leave
// (or, behind an EXCEPT or an upper bound, join). Only contacts with an interaction that left a window can
// change, which lets a sweep re-check those contacts instead of the whole segment.

import type { DatabaseHandle } from '../db/connect';
import { addMonthsUtc, millisecondsPerDay, windowStart } from '../query/date-math';
import type { DependencyWindow } from './dependencies';

/**
 * Returns the contacts with an interaction that was inside one of the windows at `from` and is outside it at
 * `to`. The block's FILTER is ignored, which only adds contacts to re-check.
 */
export async function contactsLeavingWindows(handle: DatabaseHandle, windows: readonly DependencyWindow[], from: number, to: number): Promise<Set<string>> {
  const contacts = new Set<string>();
  for (const { interactionType, window } of windows) {
    const start = windowStart(from, window);
    const end = windowStart(to, window);
    if (end <= start) {
      continue;
    }
    const rows = await handle.db
      .selectFrom('interaction')
      .select('contact_id')
      .distinct()
      .where('interaction_type', '=', interactionType)
      .where('occurred_at', '>=', start)
      .where('occurred_at', '<', end)
      .where('contact_id', 'is not', null)
      .execute();
    for (const row of rows) {
      contacts.add(row.contact_id!);
    }
  }
  return contacts;
}

function nextUtcMidnight(epochMs: number): number {
  return (Math.floor(epochMs / millisecondsPerDay) + 1) * millisecondsPerDay;
}

/** Returns the first time at which an interaction that occurred at `occurredAt` is outside the window. */
export function windowExitTime(occurredAt: number, window: DependencyWindow['window']): number {
  if (window.unit === 'UTCDAYS') {
    return occurredAt + window.amount * millisecondsPerDay + 1;
  }

  // Until `shifted` the window still starts at or before the interaction. Calendar months clamp at month ends
  // (March 31 minus one month is February 28), so an interaction on the 31st leaves a one-month window only
  // when the month after the next one begins.
  const shifted = addMonthsUtc(occurredAt, window.unit === 'UTCMONTHS' ? window.amount : window.amount * 12);
  return windowStart(shifted + 1, window) > occurredAt ? shifted + 1 : nextUtcMidnight(shifted);
}

/**
 * Returns when the next interaction leaves one of the windows after `now`, or null when no interaction is
 * inside any of them.
 */
export async function nextWindowExit(handle: DatabaseHandle, windows: readonly DependencyWindow[], now: number): Promise<number | null> {
  let next: number | null = null;
  for (const { interactionType, window } of windows) {
    const row = await handle.db
      .selectFrom('interaction')
      .select((eb) => eb.fn.min('occurred_at').as('occurred_at'))
      .where('interaction_type', '=', interactionType)
      .where('occurred_at', '>=', windowStart(now, window))
      .executeTakeFirst();
    if (row?.occurred_at === null || row?.occurred_at === undefined) {
      continue;
    }
    const exit = windowExitTime(Number(row.occurred_at), window);
    next = next === null ? exit : Math.min(next, exit);
  }
  return next;
}
