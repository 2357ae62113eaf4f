// Checks the flyout's fields against the limits the backend's segment schemas apply, and words each problem in the
// user's UI language. The checks are written out instead of running the zod schemas, because zod was about half of
// the content script's size. A unit test runs both on the same inputs to keep them in agreement.

import { segmentDescriptionMaxLength, segmentNameMaxLength } from '../../shared/api/segment-limits';
import { t } from './ui-strings';

export interface FieldErrors {
  name?: string;
  description?: string;
}

/** Counts Unicode code points, as zod 4.6 does for string lengths, so a character such as 😀 counts once and not twice. */
function characterCount(text: string): number {
  return [...text].length;
}

export function validateCaptureFields(name: string, description: string): FieldErrors {
  const errors: FieldErrors = {};

  // The backend trims the name before it checks the length, and keeps the description as it is.
  const nameLength = characterCount(name.trim());
  if (nameLength === 0) {
    errors.name = t('nameEmpty');
  } else if (nameLength > segmentNameMaxLength) {
    errors.name = t('nameTooLong', nameLength, segmentNameMaxLength);
  }

  const descriptionLength = characterCount(description);
  if (descriptionLength > segmentDescriptionMaxLength) {
    errors.description = t('descriptionTooLong', descriptionLength, segmentDescriptionMaxLength);
  }
  return errors;
}
