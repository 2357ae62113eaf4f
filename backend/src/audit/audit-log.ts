// Writes the audit log of segment changes: who changed which segment when, and the changed fields before and
// after. Callers pass their transaction as `db`, so an entry commits with the change it describes or not at all.

import type { Kysely } from 'kysely';

import type { Database } from '../db/schema';

/** The segment fields the log keeps; a change names only those it touches. */
export interface SegmentSnapshot {
  name?: string;
  description?: string;
  status?: string;
  logic?: string;
  pendingLogic?: string | null;
  error?: unknown;
}

export interface AuditChange {
  segmentId: string;
  /** What happened: capture, create, update, or a lifecycle action such as goLive or stop. */
  action: string;
  /** The token name of the request, or its X-Actor header when authentication is off. */
  actor: string;
  /** Epoch milliseconds. */
  at: number;
  before: SegmentSnapshot | null;
  after: SegmentSnapshot | null;
}

type SegmentFields = { segment_id: string; name: string; description: string; status: string; logic: string; pending_logic?: string | null };

/** The fields of a stored segment that the log keeps. */
export function snapshotOf(row: SegmentFields): SegmentSnapshot {
  return {
    name: row.name,
    description: row.description,
    status: row.status,
    logic: row.logic,
    ...(row.pending_logic ? { pendingLogic: row.pending_logic } : {}),
  };
}

/** Keeps only the fields whose value differs between `before` and `after`, so an entry shows what changed. */
export function changedFields(before: SegmentSnapshot, after: SegmentSnapshot): { before: SegmentSnapshot; after: SegmentSnapshot } {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as Array<keyof SegmentSnapshot>);
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = after[key] ?? null;
    }
  }
  return { before: changedBefore as SegmentSnapshot, after: changedAfter as SegmentSnapshot };
}

/** Appends one entry. The actor's token id is looked up by name, because token names are unique. */
export async function recordAudit(db: Kysely<Database>, change: AuditChange): Promise<void> {
  const token = await db.selectFrom('api_token').select('token_id').where('name', '=', change.actor).executeTakeFirst();
  await db
    .insertInto('audit_entry')
    .values({
      segment_id: change.segmentId,
      action: change.action,
      actor: change.actor,
      actor_token_id: token?.token_id ?? null,
      at: change.at,
      before: change.before === null ? null : JSON.stringify(change.before),
      after: change.after === null ? null : JSON.stringify(change.after),
    })
    .execute();
}

/** Records a new segment, from a capture or from logic text, with all its fields as the after state. */
export async function recordSegmentCreated(db: Kysely<Database>, segment: SegmentFields, action: 'capture' | 'create', actor: string, at: number): Promise<void> {
  await recordAudit(db, { segmentId: segment.segment_id, action, actor, at, before: null, after: snapshotOf(segment) });
}

/** Records an edit with the fields it changed; an edit that changed none of the logged fields is not recorded. */
export async function recordSegmentUpdated(db: Kysely<Database>, before: SegmentFields, after: SegmentFields, actor: string, at: number): Promise<void> {
  const changed = changedFields(snapshotOf(before), snapshotOf(after));
  if (Object.keys(changed.after).length === 0) {
    return;
  }
  await recordAudit(db, { segmentId: before.segment_id, action: 'update', actor, at, ...changed });
}
