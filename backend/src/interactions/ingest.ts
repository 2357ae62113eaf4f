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
  const outcomes: LineOutcome[] = [];
  const valid: Array<{ line: number; interaction: NormalizedInteraction }> = [];
  const seenInBatch = new Set<string>();

  records.forEach((record, index) => {
    const line = firstLine + index;
    if (isProblem(record)) {
      outcomes.push({ line, status: 'rejected', ...record });
      return;
    }
    const result = normalizeInteraction(record);
    if (!result.ok) {
      outcomes.push({ line, status: 'rejected', ...result.problem });
      return;
    }
    if (seenInBatch.has(result.interaction.interactionId)) {
      outcomes.push({ line, status: 'duplicate', interactionId: result.interaction.interactionId });
      return;
    }
    seenInBatch.add(result.interaction.interactionId);
    valid.push({ line, interaction: result.interaction });
  });

  const stored = await storeInteractions(handle, valid.map((entry) => entry.interaction));
  for (const { line, interaction } of valid) {
    outcomes.push({ line, status: stored.has(interaction.interactionId) ? 'stored' : 'duplicate', interactionId: interaction.interactionId });
  }
  outcomes.sort((a, b) => a.line - b.line);

  const newlyStored = valid.filter((entry) => stored.has(entry.interaction.interactionId)).map((entry) => entry.interaction);
  if (newlyStored.length > 0) {
    onStored?.(newlyStored);
  }

  return {
    stored: stored.size,
    duplicates: outcomes.filter((outcome) => outcome.status === 'duplicate').length,
    rejected: outcomes.filter((outcome) => outcome.status === 'rejected').length,
    outcomes,
  };
}

function isProblem(record: RawInteraction | InteractionProblem): record is InteractionProblem {
  return typeof (record as InteractionProblem).code === 'string' && typeof (record as InteractionProblem).message === 'string' && !('InteractionType' in record);
}
