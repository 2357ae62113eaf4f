// Opaque cursors of the member pages and the change feed. Clients pass them back unchanged.

import { badRequest } from '../http-error';

/** Encodes the last contact id of a member page. */
export function encodeMemberCursor(contactId: string): string {
  return Buffer.from(contactId, 'utf8').toString('base64url');
}

export function decodeMemberCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') {
    return undefined;
  }
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw badRequest('invalid-cursor', `The cursor "${cursor}" is invalid. Pass the nextCursor of the previous page unchanged, or no cursor for the first page.`);
  }
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

/** Encodes a change log position. */
export function encodeChangeCursor(seq: number): string {
  return String(seq);
}

/** Returns the change log position of a cursor; no cursor means the start of the log. */
export function decodeChangeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') {
    return 0;
  }
  if (!/^\d{1,15}$/.test(cursor)) {
    throw badRequest('invalid-cursor', `The cursor "${cursor}" is invalid. Pass the nextCursor or changeCursor of an earlier reply unchanged, or no cursor to read from the start.`);
  }
  return Number(cursor);
}
