// JSON Schema forms of the host profile schema, for administrators: docs/host-profile.schema.json (JSON Schema
// 2020-12, for editors and validators) and the hostProfiles entry of managed-schema.json, which Chrome uses to
// validate policy values. scripts/generate-host-profile-schema.ts writes both; a unit test checks they are current.

import { z } from 'zod';

import { hostProfile } from './schema';

type JsonSchema = Record<string, unknown>;

/** Returns the host profile schema as JSON Schema 2020-12. Refinements (such as "exactly one of") are left out. */
export function hostProfileJsonSchema(): JsonSchema {
  return {
    ...z.toJSONSchema(hostProfile, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://journey-segments.example.org/host-profile.schema.json',
    title: 'Journey Segments host profile',
  };
}

/**
 * Chrome validates managed storage with a subset of JSON Schema: type, properties, items, enum, title and
 * description. Keywords outside it (pattern, minLength, required, additionalProperties: false) are dropped here;
 * the extension applies the full schema when it loads a profile.
 */
const chromeKeywords = new Set(['type', 'title', 'description', 'enum']);

export function chromeManagedSchemaOf(schema: JsonSchema): JsonSchema {
  const converted: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (chromeKeywords.has(keyword)) {
      converted[keyword] = value;
    } else if (keyword === 'properties') {
      converted.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, property]) => [name, chromeManagedSchemaOf(property)]),
      );
    } else if (keyword === 'items') {
      converted.items = chromeManagedSchemaOf(value as JsonSchema);
    }
  }
  return converted;
}
