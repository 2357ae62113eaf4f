// API token secrets. A token is "jsk_" followed by 32 random bytes in base64url. The backend stores only its
// SHA-256 hash, so a copy of the database does not reveal any usable token, and shows only its prefix.

import { createHash, randomBytes } from 'node:crypto';

export const tokenPrefixMarker = 'jsk_';
const secretBytes = 32;
/** Characters shown to identify a token: the marker and the first 8 characters of its random part. */
const displayPrefixLength = tokenPrefixMarker.length + 8;
const tokenPattern = /^jsk_[A-Za-z0-9_-]{43}$/;

export function generateTokenSecret(): string {
  return tokenPrefixMarker + randomBytes(secretBytes).toString('base64url');
}

/** The hex SHA-256 of the token, which is what the database stores and looks up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function displayPrefix(token: string): string {
  return token.slice(0, displayPrefixLength);
}

/** True when `text` has the shape of a token this backend issues; saves a database lookup for anything else. */
export function looksLikeToken(text: string): boolean {
  return tokenPattern.test(text);
}
