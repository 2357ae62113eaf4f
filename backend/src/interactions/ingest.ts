// The one path every interaction takes into the database: NDJSON batches, export folder imports and the demo
// simulator all call ingestInteractions.

import type { DatabaseHandle } from '../db/connect';
import { normalizeInteraction, type InteractionProblem, type NormalizedInteraction, type RawInteraction } from './normalize';
import { storeInteractions } from './repository';

export type LineOutcome =
  | { line: number; status: 'stored'; interactionId: string }
  | { line: number; status: 'duplicate'; interactionId: string }
  | ({ line: number; status: 'rejected' } & InteractionProblem);

export interface IngestSummary {
  stored: number;
  duplicates: number;
  rejected: number;
  outcomes: LineOutcome[];
}

/**
 * Validates and stores a batch. Valid interactions are stored even when others in the batch are rejected, and
 * a record that is already an InteractionProblem (a line that failed to parse) is reported as rejected.
 */
export interface IngestOptions {
  /** Line number of the first record; 1 for the first line of an NDJSON body. */
  firstLine?: number;
  /** Called with the interactions the batch newly stored, after they are committed. */
  onStored?: (interactions: readonly NormalizedInteraction[]) => void;
}

export async function ingestInteractions(
  handle: DatabaseHandle,
  records: readonly (RawInteraction | InteractionProblem)[],
  { firstLine = 1, onStored }: IngestOptions = {},
): Promise<IngestSummary> {
  // Outcomes are pushed in line order. A valid interaction's outcome is pushed as stored, and turned into a
  // duplicate after the store when its id was already in the database, so no outcome is built twice or sorted.
  const outcomes: LineOutcome[] = [];
  const valid: NormalizedInteraction[] = [];
  const validOutcomes: Array<{ line: number; status: 'stored' | 'duplicate'; interactionId: string }> = [];
  const seenInBatch = new Set<string>();
  let duplicates = 0;
  let rejected = 0;

  records.forEach((record, index) => {
    const line = firstLine + index;
    if (isProblem(record)) {
      outcomes.push({ line, status: 'rejected', ...record });
      rejected += 1;
      return;
    }
    const result = normalizeInteraction(record);
    if (!result.ok) {
      outcomes.push({ line, status: 'rejected', ...result.problem });
      rejected += 1;
      return;
    }
    const { interactionId } = result.interaction;
    if (seenInBatch.has(interactionId)) {
      outcomes.push({ line, status: 'duplicate', interactionId });
      duplicates += 1;
      return;
    }
    seenInBatch.add(interactionId);
    valid.push(result.interaction);
    const outcome = { line, status: 'stored' as 'stored' | 'duplicate', interactionId };
    validOutcomes.push(outcome);
    outcomes.push(outcome);
  });

  const stored = await storeInteractions(handle, valid);
  // The stored ids are a subset of the valid ids, which are unique in the batch, so equal sizes mean all are new.
  let newlyStored = valid;
  if (stored.size !== valid.length) {
    newlyStored = [];
    for (let index = 0; index < valid.length; index++) {
      if (stored.has(valid[index].interactionId)) {
        newlyStored.push(valid[index]);
      } else {
        validOutcomes[index].status = 'duplicate';
        duplicates += 1;
      }
    }
  }
  if (newlyStored.length > 0) {
    onStored?.(newlyStored);
  }

  return { stored: stored.size, duplicates, rejected, outcomes };
}

function isProblem(record: RawInteraction | InteractionProblem): record is InteractionProblem {
  return typeof (record as InteractionProblem).code === 'string' && typeof (record as InteractionProblem).message === 'string' && !('InteractionType' in record);
}
