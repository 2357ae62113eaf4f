// Reads and writes the stored members of segments and their change log.

import type { Kysely, Transaction } from 'kysely';

import type { DatabaseHandle } from '../db/connect';
import type { Database } from '../db/schema';

/** Rows per INSERT, and ids per IN list: far below SQLite's limit of 32,766 bound values per statement. */
const chunkSize = 500;

export interface MembershipChanges {
  added: readonly string[];
  removed: readonly string[];
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += chunkSize) {
    result.push(items.slice(start, start + chunkSize));
  }
  return result;
}

/** Returns which of `contactIds` are stored members of the segment. */
export async function storedMembersAmong(db: Kysely<Database>, segmentId: string, contactIds: readonly string[]): Promise<Set<string>> {
  const members = new Set<string>();
  for (const chunk of chunks(contactIds)) {
    const rows = await db
      .selectFrom('segment_member')
      .select('contact_id')
      .where('segment_id', '=', segmentId)
      .where('contact_id', 'in', chunk)
      .execute();
    for (const row of rows) {
      members.add(row.contact_id);
    }
  }
  return members;
}

export async function allStoredMembers(db: Kysely<Database>, segmentId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('segment_member').select('contact_id').where('segment_id', '=', segmentId).execute();
  return new Set(rows.map((row) => row.contact_id));
}

export async function countStoredMembers(db: Kysely<Database>, segmentId: string): Promise<number> {
  const row = await db
    .selectFrom('segment_member')
    .select((eb) => eb.fn.countAll<number | string>().as('member_count'))
    .where('segment_id', '=', segmentId)
    .executeTakeFirstOrThrow();
  return Number(row.member_count);
}

/** Adds and removes members and appends each change to the change log, inside the caller's transaction. */
export async function applyMembershipChanges(trx: Transaction<Database>, segmentId: string, changes: MembershipChanges, at: number): Promise<void> {
  for (const chunk of chunks(changes.removed)) {
    await trx.deleteFrom('segment_member').where('segment_id', '=', segmentId).where('contact_id', 'in', chunk).execute();
  }
  for (const chunk of chunks(changes.added)) {
    await trx
      .insertInto('segment_member')
      .values(chunk.map((contactId) => ({ segment_id: segmentId, contact_id: contactId, since: at })))
      .execute();
  }

  const log = [
    ...changes.removed.map((contactId) => ({ segment_id: segmentId, contact_id: contactId, change: 'removed' as const, at })),
    ...changes.added.map((contactId) => ({ segment_id: segmentId, contact_id: contactId, change: 'added' as const, at })),
  ];
  for (const chunk of chunks(log)) {
    await trx.insertInto('segment_member_change').values(chunk).execute();
  }
}

/** Returns the seq of the segment's latest change, or 0 when it has none. */
export async function latestChangeSeq(handle: DatabaseHandle, segmentId: string): Promise<number> {
  const row = await handle.db
    .selectFrom('segment_member_change')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('segment_id', '=', segmentId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
