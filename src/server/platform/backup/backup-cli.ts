import { ConfigError, loadConfig } from '../config';
import { DataDirLockedError } from '../db/data-dir-lock';
import { BackupError, backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres } from './backup';

/**
 * `npm run backup -- <file>` and `npm run restore -- <file> [--force]` for the configured store
 * (DATABASE_URL → PostgreSQL with pg_dump/pg_restore; otherwise the embedded data folder OPENIOP_DATA_DIR,
 * which the server must not be using).
 */
const [command, ...rest] = process.argv.slice(2);
const force = rest.includes('--force');
const file = rest.find((a) => !a.startsWith('--'));

async function main() {
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error('Usage: npm run backup -- <file>   |   npm run restore -- <file> [--force]');
    process.exit(2);
  }
  const config = loadConfig();
  const started = performance.now();
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${config.dataDir}`;
  if (command === 'backup') {
    if (config.databaseUrl) await backupPostgres(config.databaseUrl, file);
    else await backupEmbedded(config.dataDir, file);
    console.log(`Backed up ${where} to ${file} in ${Math.round(performance.now() - started)} ms.`);
  } else {
    if (config.databaseUrl) await restorePostgres(config.databaseUrl, file, { force });
    else await restoreEmbedded(config.dataDir, file, { force });
    console.log(
      `Restored ${file} into ${where} in ${Math.round(performance.now() - started)} ms. Check it with npm run audit:verify.`,
    );
  }
}

main().catch((err) => {
  if (err instanceof BackupError || err instanceof DataDirLockedError || err instanceof ConfigError) {
    console.error(err.message);
  } else {
    const cause = (err as { cause?: { message?: string } }).cause;
    console.error(
      `${command} failed:`,
      (cause?.message ?? (err as Error).message ?? 'unknown error').split('\n')[0],
    );
  }
  process.exit(1);
});
