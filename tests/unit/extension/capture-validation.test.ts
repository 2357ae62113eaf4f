import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import {
  segmentDescription,
  segmentDescriptionMaxLength,
  segmentName,
  segmentNameMaxLength,
} from '../../../shared/api/segments';
import { validateCaptureFields } from '../../../extension/content/capture-validation';
import { setUiLanguage, t } from '../../../extension/lib/i18n';

afterEach(() => setUiLanguage('auto'));

// Edge cases of both limits: empty and blank values, whitespace around the name (the backend trims it), exactly
// at the limit and one over it. Characters outside the Basic Multilingual Plane are two UTF-16 code units but one
// code point, and both sides count code points.
const names = [
  '',
  ' ',
  '\t\n ',
  'a',
  '  Unique clicks  ',
  'x'.repeat(segmentNameMaxLength),
  'x'.repeat(segmentNameMaxLength + 1),
  ` ${'x'.repeat(segmentNameMaxLength)} `,
  ` ${'x'.repeat(segmentNameMaxLength + 1)} `,
  '😀'.repeat(segmentNameMaxLength / 2),
  '😀'.repeat(segmentNameMaxLength / 2 + 1),
  '😀'.repeat(segmentNameMaxLength),
  '😀'.repeat(segmentNameMaxLength + 1),
  '\ud800'.repeat(segmentNameMaxLength + 1),
  '\u00a0Name\u00a0',
];

const descriptions = [
  '',
  ' ',
  'Contacts who clicked the spring sale email.',
  'x'.repeat(segmentDescriptionMaxLength),
  'x'.repeat(segmentDescriptionMaxLength + 1),
  ` ${'x'.repeat(segmentDescriptionMaxLength)}`,
  '😀'.repeat(segmentDescriptionMaxLength / 2),
  '😀'.repeat(segmentDescriptionMaxLength / 2 + 1),
  '😀'.repeat(segmentDescriptionMaxLength),
  '😀'.repeat(segmentDescriptionMaxLength + 1),
];

describe('validateCaptureFields', () => {
  it.each(names.map((name) => [JSON.stringify(name).slice(0, 40), name]))(
    'agrees with segmentName on %s',
    (_label, name) => {
      const accepted = validateCaptureFields(name, '').name === undefined;

      expect(accepted).toBe(segmentName.safeParse(name).success);
    },
  );

  it.each(descriptions.map((description) => [JSON.stringify(description).slice(0, 40), description]))(
    'agrees with segmentDescription on %s',
    (_label, description) => {
      const accepted = validateCaptureFields('Name', description).description === undefined;

      expect(accepted).toBe(segmentDescription.safeParse(description).success);
    },
  );

  it('words an empty name', () => {
    setUiLanguage('en');

    expect(validateCaptureFields('   ', '').name).toBe(t('nameEmpty'));
  });

  it('words a long name with its trimmed length', () => {
    setUiLanguage('en');
    const name = ` ${'x'.repeat(segmentNameMaxLength + 5)} `;

    expect(validateCaptureFields(name, '').name).toBe(t('nameTooLong', segmentNameMaxLength + 5, segmentNameMaxLength));
  });

  it('words a long description with its length', () => {
    setUiLanguage('de');
    const description = 'x'.repeat(segmentDescriptionMaxLength + 1);

    expect(validateCaptureFields('Name', description).description).toBe(
      t('descriptionTooLong', segmentDescriptionMaxLength + 1, segmentDescriptionMaxLength),
    );
  });

  it('accepts valid fields', () => {
    expect(validateCaptureFields('Unique clicks', 'Spring sale')).toEqual({});
  });
});
