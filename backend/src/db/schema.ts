// Table types for the query builder. Timestamps are epoch milliseconds in UTC.

import type { ColumnType, Generated } from 'kysely';

/** BIGINT columns: PostgreSQL returns them through a parser that makes them numbers (see connect.ts). */
type Int = ColumnType<number, number, number>;

export interface JourneyTable {
  journey_id: string;
  name: string;
  status: string;
  start_date: Int;
  recurring: ColumnType<number, number | boolean, number | boolean>;
  created_at: Int;
  updated_at: Int;
}

export interface TileTable {
  journey_id: string;
  activity_id: string;
  kind: string;
  name: string;
  email_id: string | null;
  parent_activity_id: string | null;
  path: string | null;
  position: Int;
}

export interface ContactTable {
  contact_id: string;
  full_name: string;
  email: string | null;
  /** The contact's other fields as a JSON object text, keyed by field name; '{}' unless given on insert. */
  attributes: ColumnType<string, string | undefined, string>;
}

export interface InteractionTable {
  /** Arrival order; the change cursor for membership maintenance. */
  seq: Generated<Int>;
  interaction_id: string;
  interaction_type: string;
  occurred_at: Int;
  contact_id: string | null;
  customer_journey_id: string | null;
  activity_id: string | null;
  /** Every field of the interaction as a JSON object, with the export model's field names and typed values. */
  fields: string;
}

export interface SegmentTable {
  segment_id: string;
  name: string;
  description: string;
  status: string;
  /** The logic as canonical query text. */
  logic: string;
  /** The logic's AST as JSON. */
  logic_ast: string;
  /** The journey and result a captured segment came from, as JSON; null for a segment written as text. */
  origin: string | null;
  journey_id: string | null;
  member_count: Int | null;
  counted_at: Int | null;
  /** The Idempotency-Key of the capture request that created the segment, so a retry returns the same segment. */
  idempotency_key: string | null;
  created_at: Int;
  updated_at: Int;
  /** The logic of the edit prepared while the segment is live-editable, as canonical query text. */
  pending_logic: ColumnType<string | null, string | null | undefined, string | null>;
  /** The pending logic's AST as JSON. */
  pending_logic_ast: ColumnType<string | null, string | null | undefined, string | null>;
  /** The error of the last failed go-live, publish or evaluation as a JSON object; null after a success. */
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  last_evaluated_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** When membership maintenance evaluates the segment next without waiting for interactions; null for never. */
  next_evaluation_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** The time up to which the stored members account for interactions leaving HAVING windows. */
  swept_at: ColumnType<number | null, number | null | undefined, number | null>;
}

/** The stored members of a segment that is or was live. */
export interface SegmentMemberTable {
  segment_id: string;
  contact_id: string;
  /** When the contact joined the stored membership. */
  since: Int;
}

/** Every member added to or removed from a segment's stored membership, in the order it happened. */
export interface SegmentMemberChangeTable {
  /** Commit order across all segments; the change feed's cursor. */
  seq: Generated<number>;
  segment_id: string;
  contact_id: string;
  change: 'added' | 'removed';
  at: Int;
}

/** One status change of a segment. */
export interface SegmentTransitionTable {
  seq: Generated<number>;
  segment_id: string;
  /** The lifecycle action that caused the change, such as goLive or stop. */
  action: string;
  from_status: string;
  to_status: string;
  /** The requester: the API token's name, else the X-Actor header or JWT subject, else "anonymous". */
  actor: string;
  at: Int;
  /** The failure as a JSON object, when the change returned the segment to its earlier status. */
  error: string | null;
}

/** Progress of membership maintenance, one row per maintained source. */
export interface MembershipMaintenanceTable {
  name: string;
  /** The highest interaction seq that maintenance has applied to live segments. */
  interaction_seq: Int;
  updated_at: Int;
}

/** How far one blob file of an interaction export folder was imported. */
export interface ImportFileTable {
  /** Absolute path of the export folder. */
  folder: string;
  /** Path of the blob inside the folder, such as csv/EmailSent/part-0001. */
  path: string;
  /** File size in bytes when its import last finished; 0 while an import of it is under way. */
  size: Int;
  /** Byte offset after the last record imported whose line ended with a line break: where a re-run resumes. */
  imported_bytes: Int;
  /** Physical lines before imported_bytes, so line numbers stay right when a re-run resumes. */
  imported_lines: Int;
  /** Data rows before imported_bytes. */
  imported_rows: Int;
  /** Rows rejected before imported_bytes; a file with rejections is read again in full on the next run. */
  rejected_rows: Int;
  /** Hash of the start and end of the imported part, to notice a file that was rewritten rather than appended to. */
  fingerprint: string;
  updated_at: Int;
}

/** An API token. Only the SHA-256 of the secret is stored. */
export interface ApiTokenTable {
  token_id: string;
  /** Unique; recorded as the actor of the changes made with the token. */
  name: string;
  role: string;
  /** The first characters of the secret, to tell tokens apart in lists. */
  prefix: string;
  token_hash: string;
  created_at: Int;
  /** The name of the token that created this one, or "cli". */
  created_by: string;
  last_used_at: ColumnType<number | null, number | null | undefined, number | null>;
  revoked_at: ColumnType<number | null, number | null | undefined, number | null>;
}

/** One change of a segment: created, edited or moved to another status. */
export interface AuditEntryTable {
  /** Commit order; the cursor of the audit API. */
  seq: Generated<number>;
  segment_id: string;
  action: string;
  /** The token name, or the X-Actor header when authentication is off. */
  actor: string;
  actor_token_id: string | null;
  at: Int;
  /** The changed fields before and after the change, as JSON objects; null where there is no before or after. */
  before: string | null;
  after: string | null;
}

export interface Database {
  journey: JourneyTable;
  tile: TileTable;
  contact: ContactTable;
  interaction: InteractionTable;
  segment: SegmentTable;
  segment_member: SegmentMemberTable;
  segment_member_change: SegmentMemberChangeTable;
  segment_transition: SegmentTransitionTable;
  membership_maintenance: MembershipMaintenanceTable;
  import_file: ImportFileTable;
  api_token: ApiTokenTable;
  audit_entry: AuditEntryTable;
}
