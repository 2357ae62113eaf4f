// The declared data type of every field, per interaction type, so that normalizing an interaction looks up its
// type once and then each field in that type's map.

import { interactionModel, interactionTypes, type FieldDataType } from '../../../shared/interactions';

const fieldTypesByType = new Map<string, ReadonlyMap<string, FieldDataType>>(
  interactionTypes.map((type) => [type, new Map(interactionModel[type].map(([name, dataType]) => [name, dataType]))]),
);

/** Returns the field data types of an interaction type, or undefined when the type is not in the export model. */
export function fieldTypesOf(type: string): ReadonlyMap<string, FieldDataType> | undefined {
  return fieldTypesByType.get(type);
}
