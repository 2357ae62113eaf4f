// Writes the JSON Schema forms of the host profile schema: docs/host-profile.schema.json and the hostProfiles
// entry of extension/managed-schema.json. Run it after changing extension/content/host-profiles/schema.ts:
//   npx tsx scripts/generate-host-profile-schema.ts

import { readFileSync, writeFileSync } from 'node:fs';

import { chromeManagedSchemaOf, hostProfileJsonSchema } from '../extension/content/host-profiles/json-schema';

const documentedSchema = hostProfileJsonSchema();
writeFileSync('docs/host-profile.schema.json', `${JSON.stringify(documentedSchema, null, 2)}\n`);

const managedSchemaPath = 'extension/managed-schema.json';
const managed = JSON.parse(readFileSync(managedSchemaPath, 'utf8'));
const { $schema: _dialect, $id: _id, ...profile } = documentedSchema;
managed.properties.hostProfiles.items = chromeManagedSchemaOf(profile);
writeFileSync(managedSchemaPath, `${JSON.stringify(managed, null, 2)}\n`);

console.log(`Wrote docs/host-profile.schema.json and the hostProfiles entry of ${managedSchemaPath}.`);
