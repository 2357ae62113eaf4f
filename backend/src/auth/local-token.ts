// The token `npm start` gives the local extension: kept in a file readable only by its owner, and replaced when
// the file is missing or its token no longer works (a new database, or the token was revoked).

import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { DatabaseHandle } from '../db/connect';
import type { Role } from './roles';
import { createToken, findTokenByName, findTokenBySecret, type TokenRow } from './token-repository';

export interface LocalToken {
  token: string;
  row: TokenRow;
  created: boolean;
}

const ownerOnly = 0o600;

async function freeName(handle: DatabaseHandle, name: string): Promise<string> {
  if (!(await findTokenByName(handle, name))) {
    return name;
  }
  for (let number = 2; ; number++) {
    const candidate = `${name} ${number}`;
    if (!(await findTokenByName(handle, candidate))) {
      return candidate;
    }
  }
}

/** Returns the working token stored in `file`, or creates one named `name` (or "name 2", ...) and stores it there. */
export async function ensureLocalToken(handle: DatabaseHandle, options: { file: string; name: string; role: Role }): Promise<LocalToken> {
  if (existsSync(options.file)) {
    const stored = readFileSync(options.file, 'utf8').trim();
    const row = stored === '' ? undefined : await findTokenBySecret(handle, stored);
    if (row && row.revoked_at === null) {
      chmodSync(options.file, ownerOnly);
      return { token: stored, row, created: false };
    }
  }

  const name = await freeName(handle, options.name);
  const { token, row } = await createToken(handle, { name, role: options.role, createdBy: 'cli' });
  mkdirSync(dirname(options.file), { recursive: true });
  writeFileSync(options.file, `${token}\n`, { mode: ownerOnly });
  // The mode of writeFileSync applies only to a new file; an existing one keeps its mode unless changed.
  chmodSync(options.file, ownerOnly);
  return { token, row, created: true };
}
