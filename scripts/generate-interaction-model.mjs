#!/usr/bin/env node
// Writes shared/interactions/model.ts from an interaction export manifest (model.json).
// Usage: node scripts/generate-interaction-model.mjs path/to/model.json
import { readFileSync, writeFileSync } from 'node:fs';

const manifestPath = process.argv[2];
if (!manifestPath) {
  console.error('Missing the manifest path. Usage: node scripts/generate-interaction-model.mjs path/to/model.json');
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const lines = [
  '// Interaction types and their fields, in export column order, taken from a Dynamics 365 Marketing',
  '// interaction export manifest (model.json). Regenerate with scripts/generate-interaction-model.mjs.',
  '',
  "export type FieldDataType = 'string' | 'dateTimeOffset' | 'int64' | 'double';",
  '',
  'export const interactionModel = {',
];
for (const entity of manifest.entities) {
  const fields = entity.attributes.map((a) => `['${a.name}', '${a.dataType}']`).join(', ');
  lines.push(`  ${entity.name}: [${fields}],`);
}
lines.push('} as const satisfies Record<string, ReadonlyArray<readonly [string, FieldDataType]>>;');

const target = new URL('../shared/interactions/model.ts', import.meta.url);
writeFileSync(target, lines.join('\n') + '\n');
console.log(`Wrote ${manifest.entities.length} interaction types to ${target.pathname}`);
