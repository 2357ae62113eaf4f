// `npm run token -- create|list|revoke|ensure`: manages API tokens directly in the database, which is how the
// first admin token comes to exist.

import { ensureLocalToken } from '../auth/local-token';
import { toTokenRecord, type TokenRecord } from '../auth/token-record';
import { createToken, DuplicateTokenNameError, findToken, listTokens, revokeToken, type TokenRow } from '../auth/token-repository';
import { readConfig } from '../config';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { parseTokenArguments, tokenUsage, UsageError, type TokenCommand } from './token-arguments';

const exitCodes = { success: 0, failed: 1, usage: 2 } as const;

const print = (text: string) => process.stdout.write(`${text}\n`);

function describe(record: TokenRecord): string {
  const state = record.revokedAt ? `revoked ${record.revokedAt}` : `last used ${record.lastUsedAt ?? 'never'}`;
  return `${record.prefix}...  ${record.role.padEnd(9)}  ${record.name}  (id ${record.tokenId}, created ${record.createdAt} by ${record.createdBy}, ${state})`;
}

/** Finds the token by id or by the prefix `list` shows; throws a UsageError when none or several match. */
async function resolveToken(database: DatabaseHandle, idOrPrefix: string): Promise<TokenRow> {
  const byId = await findToken(database, idOrPrefix);
  if (byId) {
    return byId;
  }
  const prefix = idOrPrefix.replace(/\.+$/, '');
  const matches = prefix.length >= 8 ? (await listTokens(database)).filter((row) => row.prefix.startsWith(prefix) || prefix.startsWith(row.prefix)) : [];
  if (matches.length === 1) {
    return matches[0];
  }
  throw new UsageError(
    matches.length === 0
      ? `No token has the id or prefix "${idOrPrefix}". List the tokens with npm run token -- list.`
      : `${matches.length} tokens start with "${idOrPrefix}". Give the token id instead; npm run token -- list shows it.`,
  );
}

async function runCommand(database: DatabaseHandle, command: Exclude<TokenCommand, { kind: 'help' }>): Promise<void> {
  switch (command.kind) {
    case 'create': {
      const { row, token } = await createToken(database, { name: command.name, role: command.role, createdBy: 'cli' });
      if (command.json) {
        print(JSON.stringify({ ...toTokenRecord(row), token }, null, 2));
        return;
      }
      print(`Created the ${row.role} token "${row.name}" (id ${row.token_id}). It is shown only this once, so store it now:\n`);
      print(`  ${token}\n`);
      print('Send it with every API request as Authorization: Bearer <token>, or enter it as API token in the extension options.');
      return;
    }

    case 'list': {
      const records = (await listTokens(database)).map(toTokenRecord);
      if (command.json) {
        print(JSON.stringify({ tokens: records }, null, 2));
      } else if (records.length === 0) {
        print('No tokens yet. Create the first admin token with npm run token -- create --role admin --name "<your name>".');
      } else {
        records.forEach((record) => print(describe(record)));
      }
      return;
    }

    case 'revoke': {
      const target = await resolveToken(database, command.token);
      const record = toTokenRecord((await revokeToken(database, target.token_id))!);
      print(command.json ? JSON.stringify(record, null, 2) : `Revoked: ${describe(record)}`);
      return;
    }

    case 'ensure': {
      const local = await ensureLocalToken(database, { file: command.file, name: command.name, role: command.role });
      if (command.json) {
        print(JSON.stringify({ ...toTokenRecord(local.row), token: local.token, created: local.created }, null, 2));
      } else {
        print(`${local.created ? 'Created' : 'Kept'} the ${local.row.role} token "${local.row.name}" in ${command.file}: ${local.token}`);
      }
      return;
    }
  }
}

async function run(argv: readonly string[]): Promise<number> {
  let command: TokenCommand;
  let databaseUrl: string;
  try {
    command = parseTokenArguments(argv);
    if (command.kind === 'help') {
      print(tokenUsage);
      return exitCodes.success;
    }
    databaseUrl = command.databaseUrl ?? readConfig().databaseUrl;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${tokenUsage}\n`);
    return exitCodes.usage;
  }

  const database = openDatabase(databaseUrl);
  try {
    await migrateToLatest(database);
    await runCommand(database, command);
    return exitCodes.success;
  } catch (error) {
    if (error instanceof UsageError || error instanceof DuplicateTokenNameError) {
      process.stderr.write(`${error.message}\n`);
      return exitCodes.usage;
    }
    process.stderr.write(`The token command failed on ${database.location}: ${(error as Error).stack ?? String(error)}\n`);
    return exitCodes.failed;
  } finally {
    await database.close();
  }
}

process.exitCode = await run(process.argv.slice(2));
