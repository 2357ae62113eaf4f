// Length limits of a segment's name and description. They live apart from the zod schemas in segments.ts so that
// the content script can check its form fields without bundling zod.

export const segmentNameMaxLength = 200;
export const segmentDescriptionMaxLength = 2000;
