// @vitest-environment node

import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import manifest from '../../../manifest.json';
import { extensionId } from '../../../extension/extension-id';

describe('extension id', () => {
  it('derives from the manifest key', () => {
    const hex = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
    const derived = [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');

    expect(derived).toBe(extensionId);
  });
});
