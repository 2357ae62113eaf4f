// `npm run import -- <folder> [--database <url>]`: imports an interaction export folder from the command line.

import { readConfig } from '../config';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { importExportFolder } from '../import/import-folder';
import { importSucceeded } from '../import/import-summary';
import { ImportFolderError } from '../import/manifest';
import { importUsage, parseImportArguments, UsageError } from './import-arguments';
import { createProgressReporter } from './import-progress';
import { formatImportSummary } from './import-report';

const exitCodes = { success: 0, rejected: 1, failed: 1, usage: 2 } as const;

async function run(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseImportArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${importUsage}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
  if (parsed.kind === 'help') {
    process.stdout.write(`${importUsage}\n`);
    return exitCodes.success;
  }

  let databaseUrl = parsed.databaseUrl;
  try {
    databaseUrl ??= readConfig().databaseUrl;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return exitCodes.usage;
  }

  let database: DatabaseHandle | undefined;
  const progress = createProgressReporter();
  try {
    database = openDatabase(databaseUrl);
    await migrateToLatest(database);
    process.stderr.write(`Importing ${parsed.folder} into ${database.location}\n`);
    const summary = await importExportFolder(database, parsed.folder, { onProgress: (update) => progress.update(update) });
    progress.stop();
    process.stdout.write(parsed.json ? `${JSON.stringify(summary, null, 2)}\n` : formatImportSummary(summary, database.location));
    return importSucceeded(summary) ? exitCodes.success : exitCodes.rejected;
  } catch (error) {
    progress.stop();
    if (error instanceof ImportFolderError) {
      process.stderr.write(`${error.message}\n`);
      return exitCodes.usage;
    }
    process.stderr.write(`The import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodes.failed;
  } finally {
    await database?.close();
  }
}

process.exitCode = await run(process.argv.slice(2));
