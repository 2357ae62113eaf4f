// When a live segment must be evaluated again without waiting for new interactions.

import type { DatabaseHandle } from '../db/connect';
import type { SegmentDependencies } from './dependencies';
import type { MaintenanceSettings } from './maintenance-settings';
import { nextWindowExit } from './window-expiry';

/**
 * Returns the time of the next evaluation a segment needs on its own: the next exit of an interaction from one
 * of its HAVING windows, or the next periodic full evaluation for segments that read contact fields or the
 * clock. Returns null when only new interactions can change its members.
 */
export async function nextEvaluationTime(
  handle: DatabaseHandle,
  dependencies: SegmentDependencies,
  now: number,
  settings: Pick<MaintenanceSettings, 'fullEvaluationIntervalMs'>,
): Promise<number | null> {
  let next = dependencies.windows.length > 0 ? await nextWindowExit(handle, dependencies.windows, now) : null;
  if (dependencies.readsContacts || dependencies.readsClock) {
    const periodic = now + settings.fullEvaluationIntervalMs;
    next = next === null ? periodic : Math.min(next, periodic);
  }
  return next;
}

/** Checks whether some inputs of the segment reach its stored members only through full evaluations. */
export function needsPeriodicEvaluation(dependencies: SegmentDependencies): boolean {
  return dependencies.readsContacts || dependencies.readsClock;
}
