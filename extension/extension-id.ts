/**
 * The extension id Chrome gives this extension, derived from the public key in manifest.json "key" (the first
 * 32 hex digits of its SHA-256, mapped 0-f to a-p), so it is the same in every checkout. Tests use it to open
 * extension pages such as chrome-extension://<id>/extension/pages/segment.html.
 */
export const extensionId = 'lleldoomloonhbonkajngmapagkappob';
