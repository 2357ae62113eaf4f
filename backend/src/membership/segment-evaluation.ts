// Evaluates a segment and turns the result into a plan: the members to add and remove and the segment's new
// evaluation times. Plans are computed first and written together, so that one maintenance run commits all
// its changes, and the interaction cursor with them, in one transaction.
//
// Callers must hold the maintenance lock (see maintenance-lock.ts) from computing a plan until it is written,
// because a plan is a difference against the stored members.

import type { Transaction, Updateable } from 'kysely';

import type { DatabaseHandle } from '../db/connect';
import type { Database, SegmentTable } from '../db/schema';
import { segmentDependencies } from './dependencies';
import { evaluateAllMembers, membersAmong, type ResolvedLogic } from './member-check';
import { allStoredMembers, applyMembershipChanges, storedMembersAmong } from './member-store';
import type { MaintenanceSettings } from './maintenance-settings';
import { needsPeriodicEvaluation, nextEvaluationTime } from './next-evaluation';

export interface MembershipPlan {
  segmentId: string;
  /** Contact ids in ascending order. */
  added: string[];
  removed: string[];
  segmentChanges: Updateable<SegmentTable>;
}

/** Orders contact ids by UTF-16 code units, which is code point order for the ids in use (no surrogate pairs). */
function ascending(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Evaluates every member at `now` and plans the difference to the stored members. */
export async function planFullEvaluation(
  handle: DatabaseHandle,
  segmentId: string,
  resolved: ResolvedLogic,
  now: number,
  settings: Pick<MaintenanceSettings, 'fullEvaluationIntervalMs'>,
): Promise<MembershipPlan> {
  const members = await evaluateAllMembers(handle, resolved, now);
  const stored = await allStoredMembers(handle.db, segmentId);
  const dependencies = segmentDependencies(resolved.logic, resolved.segments);

  return {
    segmentId,
    added: [...members].filter((contactId) => !stored.has(contactId)).sort(ascending),
    removed: [...stored].filter((contactId) => !members.has(contactId)).sort(ascending),
    segmentChanges: {
      member_count: members.size,
      counted_at: now,
      last_evaluated_at: now,
      swept_at: now,
      next_evaluation_at: await nextEvaluationTime(handle, dependencies, now, settings),
      last_error: null,
    },
  };
}

/**
 * Re-evaluates only `contactIds` at `now` and plans the difference to their stored membership. The stored
 * members count is `memberCount` before the plan.
 */
export async function planRecheck(
  handle: DatabaseHandle,
  segment: { segmentId: string; memberCount: number; resolved: ResolvedLogic },
  contactIds: readonly string[],
  now: number,
  settings: Pick<MaintenanceSettings, 'fullEvaluationIntervalMs'>,
): Promise<MembershipPlan> {
  const stored = await storedMembersAmong(handle.db, segment.segmentId, contactIds);
  const members = await membersAmong(handle, segment.resolved, contactIds, now);
  const added = contactIds.filter((contactId) => members.has(contactId) && !stored.has(contactId)).sort(ascending);
  const removed = contactIds.filter((contactId) => stored.has(contactId) && !members.has(contactId)).sort(ascending);
  const dependencies = segmentDependencies(segment.resolved.logic, segment.resolved.segments);

  const segmentChanges: Updateable<SegmentTable> = {
    member_count: segment.memberCount + added.length - removed.length,
    swept_at: now,
    next_evaluation_at: await nextEvaluationTime(handle, dependencies, now, settings),
  };
  if (contactIds.length > 0) {
    segmentChanges.last_evaluated_at = now;
  }
  // Segments that read contact fields or the clock are only as current as their last full evaluation.
  if (!needsPeriodicEvaluation(dependencies)) {
    segmentChanges.counted_at = now;
  }
  return { segmentId: segment.segmentId, added, removed, segmentChanges };
}

/** Writes a plan inside the caller's transaction; `now` dates the changes. */
export async function applyPlan(trx: Transaction<Database>, plan: MembershipPlan, now: number): Promise<void> {
  await applyMembershipChanges(trx, plan.segmentId, plan, now);
  await trx.updateTable('segment').set(plan.segmentChanges).where('segment_id', '=', plan.segmentId).execute();
}

/**
 * Evaluates the segment in full and stores the result in one transaction, together with whatever
 * `alsoInTransaction` writes (a status change, for example). Returns the plan it wrote.
 */
export async function rebuildMembership(
  handle: DatabaseHandle,
  segmentId: string,
  resolved: ResolvedLogic,
  now: number,
  settings: Pick<MaintenanceSettings, 'fullEvaluationIntervalMs'>,
  alsoInTransaction?: (trx: Transaction<Database>) => Promise<void>,
): Promise<MembershipPlan> {
  const plan = await planFullEvaluation(handle, segmentId, resolved, now, settings);
  await handle.db.transaction().execute(async (trx) => {
    await applyPlan(trx, plan, now);
    await alsoInTransaction?.(trx);
  });
  return plan;
}
