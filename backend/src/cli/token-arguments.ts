// Reads the command line of `npm run token`.

import { parseArgs } from 'node:util';

import { isRole, roleDescriptions, roles, type Role } from '../auth/roles';

export const tokenUsage = `Usage: npm run token -- <command> [options]

Manages the API tokens of the backend. Every API request needs one: Authorization: Bearer <token>.

Commands:
  create --role <role> --name <name>   create a token and print it; it is shown only this once
  list                                 list the tokens: id, name, role, prefix, last use, revocation
  revoke <token id or prefix>          revoke a token; requests with it get 401 from then on
  ensure --role <role> --name <name> --file <path>
                                       print the token stored in <path> if it still works, else create one
                                       and store it there (readable by its owner only); npm start uses this

Options:
  --database <url>  SQLite file path or postgres:// URL; default: DATABASE_URL, else data/journey-segments.sqlite
  --json            print JSON instead of text
  --help            show this help

Roles:
${roles.map((role) => `  ${role.padEnd(10)} ${roleDescriptions[role]}`).join('\n')}

Example: npm run token -- create --role admin --name "Anna Berger"`;

export type TokenCommand =
  | { kind: 'help' }
  | { kind: 'create'; role: Role; name: string; databaseUrl?: string; json: boolean }
  | { kind: 'list'; databaseUrl?: string; json: boolean }
  | { kind: 'revoke'; token: string; databaseUrl?: string; json: boolean }
  | { kind: 'ensure'; role: Role; name: string; file: string; databaseUrl?: string; json: boolean };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function requireRole(value: string | undefined): Role {
  if (value === undefined) {
    throw new UsageError(`--role is missing. Give one of: ${roles.join(', ')}.`);
  }
  if (!isRole(value)) {
    throw new UsageError(`--role "${value}" is not a role. Give one of: ${roles.join(', ')}.`);
  }
  return value;
}

function requireName(value: string | undefined): string {
  const name = value?.trim();
  if (!name) {
    throw new UsageError('--name is missing. Give a name that says who or what uses the token, such as --name "Anna Berger".');
  }
  return name;
}

/** Parses `argv` (without node and the script); throws UsageError naming the argument that is wrong. */
export function parseTokenArguments(argv: readonly string[]): TokenCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        file: { type: 'string' },
        database: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Run npm run token -- --help for the options.`);
  }

  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    return { kind: 'help' };
  }
  const common = { databaseUrl: values.database, json: values.json ?? false };
  if (command !== 'revoke' && rest.length > 0) {
    throw new UsageError(`Unexpected argument "${rest[0]}" after ${command}. Put values after their option, such as --name "Anna Berger".`);
  }

  switch (command) {
    case 'create':
      return { kind: 'create', role: requireRole(values.role), name: requireName(values.name), ...common };
    case 'list':
      return { kind: 'list', ...common };
    case 'revoke':
      if (rest.length !== 1) {
        throw new UsageError('revoke needs one token id or prefix, such as npm run token -- revoke jsk_AbCdEfGh. List them with npm run token -- list.');
      }
      return { kind: 'revoke', token: rest[0], ...common };
    case 'ensure':
      if (!values.file) {
        throw new UsageError('--file is missing. Give the file that keeps the token, such as --file data/local-token.');
      }
      return { kind: 'ensure', role: requireRole(values.role), name: requireName(values.name), file: values.file, ...common };
    default:
      throw new UsageError(`Unknown command "${command}". Use create, list, revoke or ensure.`);
  }
}
