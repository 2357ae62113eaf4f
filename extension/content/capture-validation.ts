// Checks the flyout's fields with the same schemas the backend applies, and words each problem in the user's
// UI language.

import { segmentDescription, segmentDescriptionMaxLength, segmentName, segmentNameMaxLength } from '../../shared/api/segments';
import { t } from '../lib/i18n';

export interface FieldErrors {
  name?: string;
  description?: string;
}

export function validateCaptureFields(name: string, description: string): FieldErrors {
  const errors: FieldErrors = {};

  const nameResult = segmentName.safeParse(name);
  if (!nameResult.success) {
    const length = name.trim().length;
    errors.name = length === 0 ? t('nameEmpty') : t('nameTooLong', length, segmentNameMaxLength);
  }

  if (!segmentDescription.safeParse(description).success) {
    errors.description = t('descriptionTooLong', description.length, segmentDescriptionMaxLength);
  }
  return errors;
}
