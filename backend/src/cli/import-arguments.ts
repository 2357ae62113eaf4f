// Reads the command line of `npm run import`.

export const importUsage = `Usage: npm run import -- <folder> [--database <url>] [--json]

Imports an interaction export folder (model.json and csv/<InteractionType>/<blob> files) into the backend's
database. Running it again stores nothing twice: unchanged files are skipped and grown files are read from
where the last run stopped.

  <folder>          the export folder, the one that contains model.json and csv/
  --database <url>  SQLite file path or postgres:// URL; default: DATABASE_URL, else data/journey-segments.sqlite
  --json            print the summary as JSON instead of text
  --help            show this help

Exit code: 0 when every row was stored or already in, 1 when rows were rejected, a type of the folder could
not be read or the import failed, 2 for a usage error or a folder that is not an export folder.`;

export type ImportArguments = { kind: 'help' } | { kind: 'import'; folder: string; databaseUrl?: string; json: boolean };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses `argv` (without node and the script); throws UsageError naming the argument that is wrong. */
export function parseImportArguments(argv: readonly string[]): ImportArguments {
  const folders: string[] = [];
  let databaseUrl: string | undefined;
  let json = false;

  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--help' || argument === '-h') {
      return { kind: 'help' };
    }
    if (argument === '--json') {
      json = true;
    } else if (argument === '--database' || argument.startsWith('--database=')) {
      const value = argument === '--database' ? argv[++index] : argument.slice('--database='.length);
      if (!value || value.startsWith('--')) {
        throw new UsageError('--database needs a value: a SQLite file path or a postgres:// URL.');
      }
      databaseUrl = value;
    } else if (argument.startsWith('-') && argument !== '-') {
      throw new UsageError(`Unknown option ${argument}. Run npm run import -- --help for the options.`);
    } else {
      folders.push(argument);
    }
  }

  if (folders.length === 0) {
    throw new UsageError('The export folder is missing. Give the folder that contains model.json and csv/.');
  }
  if (folders.length > 1) {
    throw new UsageError(`Give one export folder, not ${folders.length}: ${folders.join(', ')}.`);
  }
  return { kind: 'import', folder: folders[0], databaseUrl, json };
}
