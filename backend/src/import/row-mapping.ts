// Turns the values of one CSV row into a raw interaction, by the file's columns.

import { fieldDataType, type InteractionType } from '../../../shared/interactions';
import type { RawInteraction } from '../interactions/normalize';

export interface RowProblem {
  code: 'column-count' | 'type-mismatch';
  field?: string;
  message: string;
}

/**
 * Maps values to their columns. Columns that are not fields of the type are left out (the import reports them
 * once per file), and an empty InteractionType takes the type of the folder.
 */
export function rowToInteraction(
  type: InteractionType,
  columns: readonly string[],
  values: readonly string[],
  line: number,
): { interaction: RawInteraction } | { problem: RowProblem } {
  if (values.length !== columns.length) {
    return {
      problem: {
        code: 'column-count',
        message: `Line ${line} has ${values.length} values, but the header has ${columns.length} columns. Each row needs one quoted value per column.`,
      },
    };
  }

  const interaction: RawInteraction = {};
  columns.forEach((column, index) => {
    if (fieldDataType(type, column)) {
      interaction[column] = values[index];
    }
  });

  if (interaction.InteractionType === undefined || interaction.InteractionType === '') {
    interaction.InteractionType = type;
  } else if (interaction.InteractionType !== type) {
    return {
      problem: {
        code: 'type-mismatch',
        field: 'InteractionType',
        message: `Line ${line} is a ${String(interaction.InteractionType)} interaction in the folder of ${type}. Move the row to csv/${String(interaction.InteractionType)}.`,
      },
    };
  }
  return { interaction };
}
