// The live segments maintenance keeps current, with their logic resolved and their dependencies summarized.
// Resolving and summarizing is cached until a segment changes, because maintenance runs after every ingest
// batch.

import type { SegmentExpression } from '../../../shared/query/ast';
import type { DatabaseHandle } from '../db/connect';
import { QueryCompileError } from '../query/query-compile-error';
import type { SegmentRow } from '../segments/repository';
import { segmentDependencies, type SegmentDependencies } from './dependencies';
import { resolveLogic, type ResolvedLogic } from './member-check';

/** Statuses in which a segment's stored membership is maintained and offered for targeting. */
export const liveStatuses = ['live', 'liveEditable'] as const;

export type LiveSegmentRow = Pick<
  SegmentRow,
  'segment_id' | 'name' | 'logic_ast' | 'member_count' | 'counted_at' | 'last_error' | 'last_evaluated_at' | 'next_evaluation_at' | 'swept_at' | 'updated_at'
>;

export type LiveSegment =
  | { row: LiveSegmentRow; resolved: ResolvedLogic; dependencies: SegmentDependencies; error?: undefined }
  /** The logic could not be resolved, for example because a segment it refers to no longer exists. */
  | { row: LiveSegmentRow; error: Error; resolved?: undefined; dependencies?: undefined };

interface CacheEntry {
  updatedAt: number;
  resolved?: ResolvedLogic;
  dependencies?: SegmentDependencies;
  error?: Error;
}

export class LiveSegmentCatalog {
  private entries = new Map<string, CacheEntry>();
  /** Summary of the whole segment table when the cache was filled; SEGMENT(name) can read any segment. */
  private stamp = '';

  /** Drops every cached resolution; call after changing any segment's name or logic. */
  invalidate(): void {
    this.stamp = '';
  }

  async load(handle: DatabaseHandle): Promise<LiveSegment[]> {
    const summary = await handle.db
      .selectFrom('segment')
      .select((eb) => [eb.fn.countAll<number | string>().as('segments'), eb.fn.max('updated_at').as('updated_at')])
      .executeTakeFirstOrThrow();
    const stamp = `${summary.segments}:${summary.updated_at}`;
    if (stamp !== this.stamp) {
      this.entries.clear();
      this.stamp = stamp;
    }

    const rows = await handle.db
      .selectFrom('segment')
      .select(['segment_id', 'name', 'logic_ast', 'member_count', 'counted_at', 'last_error', 'last_evaluated_at', 'next_evaluation_at', 'swept_at', 'updated_at'])
      .where('status', 'in', liveStatuses)
      .orderBy('segment_id')
      .execute();

    const segments: LiveSegment[] = [];
    for (const row of rows) {
      const entry = await this.entryFor(handle, row);
      segments.push(entry.error ? { row, error: entry.error } : { row, resolved: entry.resolved!, dependencies: entry.dependencies! });
    }
    return segments;
  }

  private async entryFor(handle: DatabaseHandle, row: LiveSegmentRow): Promise<CacheEntry> {
    const cached = this.entries.get(row.segment_id);
    if (cached && cached.updatedAt === Number(row.updated_at)) {
      return cached;
    }

    let entry: CacheEntry;
    try {
      const resolved = await resolveLogic(handle, JSON.parse(row.logic_ast) as SegmentExpression);
      entry = { updatedAt: Number(row.updated_at), resolved, dependencies: segmentDependencies(resolved.logic, resolved.segments) };
    } catch (error) {
      // Only a problem in the logic is lasting; other errors fail this run and the next run tries again.
      if (!(error instanceof QueryCompileError)) {
        throw error;
      }
      entry = { updatedAt: Number(row.updated_at), error };
    }
    this.entries.set(row.segment_id, entry);
    return entry;
  }
}
