import { interactionModel, type FieldDataType } from './model';

export { interactionModel, type FieldDataType };

export type InteractionType = keyof typeof interactionModel;

export const interactionTypes = Object.keys(interactionModel) as InteractionType[];

/** Fields every interaction carries, whatever its type. */
export const commonFields = ['InteractionType', 'Timestamp', 'OrganizationId', 'InternalMarketingInteractionId', 'Version'] as const;

const fieldMaps = new Map<string, Map<string, FieldDataType>>(
  interactionTypes.map((type) => [type, new Map(interactionModel[type].map(([name, dataType]) => [name, dataType]))]),
);

export function isInteractionType(value: string): value is InteractionType {
  return fieldMaps.has(value);
}

/** Returns the declared data type of a field of an interaction type, or undefined where the type has no such field. */
export function fieldDataType(type: string, field: string): FieldDataType | undefined {
  return fieldMaps.get(type)?.get(field);
}

/** Returns the field names of an interaction type in export column order. */
export function fieldsOf(type: InteractionType): string[] {
  return interactionModel[type].map(([name]) => name);
}
