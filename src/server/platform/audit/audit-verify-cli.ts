import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { verifyAuditChain } from './audit';

/** `npm run audit:verify`: checks the audit hash chain of the configured store; exit 1 names the first bad row. */
const config = loadConfig();
const db = await openDatabase(
  config.databaseUrl
    ? { kind: 'postgresql', url: config.databaseUrl }
    : { kind: 'embedded', dataDir: config.dataDir },
);
try {
  const result = await verifyAuditChain(db);
  if (result.ok) {
    console.log(`Audit chain verified: ${result.checked} rows, no break.`);
  } else {
    const b = result.firstBroken!;
    console.error(
      `Audit chain BROKEN at row ${b.seq === null ? 'outside the chain' : `seq ${b.seq}`} (id ${b.id}): ${b.reason}. ${result.checked} rows before it verified.`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
