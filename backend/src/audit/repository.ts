// Reads the audit log.

import type { Selectable } from 'kysely';

import type { DatabaseHandle } from '../db/connect';
import type { AuditEntryTable } from '../db/schema';

export type AuditRow = Selectable<AuditEntryTable>;

/** Returns up to `limit` entries after `afterSeq`, oldest first, of one segment or of all. */
export async function listAuditEntries(handle: DatabaseHandle, filter: { segmentId?: string; afterSeq: number; limit: number }): Promise<AuditRow[]> {
  let query = handle.db.selectFrom('audit_entry').selectAll().where('seq', '>', filter.afterSeq);
  if (filter.segmentId) {
    query = query.where('segment_id', '=', filter.segmentId);
  }
  return query.orderBy('seq').limit(filter.limit).execute();
}
