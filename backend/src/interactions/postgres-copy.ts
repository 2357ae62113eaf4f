// Writes interaction rows with COPY FROM STDIN, PostgreSQL's bulk load, which skips the per-row work of an
// INSERT. It has no ON CONFLICT, so the caller copies only rows it has checked to be new.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import type { NormalizedInteraction } from './normalize';

const copySql = 'COPY interaction (interaction_id, interaction_type, occurred_at, contact_id, customer_journey_id, activity_id, fields) FROM STDIN';

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Formats a value in COPY's text format: \N is NULL, and backslash, tab and line breaks are escaped. */
function copyValue(value: string | number | null): string {
  if (value === null) {
    return '\\N';
  }
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (character) => escapes[character]) : text;
}

function* copyChunks(interactions: readonly NormalizedInteraction[]): Generator<string> {
  let chunk = '';
  for (const interaction of interactions) {
    const values = [
      interaction.interactionId,
      interaction.interactionType,
      interaction.occurredAt,
      interaction.contactId,
      interaction.customerJourneyId,
      interaction.activityId,
      JSON.stringify(interaction.fields),
    ];
    chunk += `${values.map(copyValue).join('\t')}\n`;
    if (chunk.length >= 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) {
    yield chunk;
  }
}

/** Copies the interactions into the interaction table of the client's search_path, in order. */
export async function copyInteractions(client: pg.ClientBase, interactions: readonly NormalizedInteraction[]): Promise<void> {
  if (interactions.length === 0) {
    return;
  }
  await pipeline(Readable.from(copyChunks(interactions)), client.query(copyFrom(copySql)));
}
