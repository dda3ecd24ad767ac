import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { anchorAuditChain, verifyAuditChain } from './audit';
import { AuditKeyMissingError, openAuditAnchor } from './audit-anchor';

/**
 * `npm run audit:verify`: checks the audit hash chain of the configured store against the audit key and the
 * signed checkpoints; exit 1 names every problem found (the first break, cut rows, forged seals).
 */
const config = loadConfig();
let anchor: ReturnType<typeof openAuditAnchor> | undefined;
try {
  anchor = openAuditAnchor(config, { create: false });
} catch (err) {
  if (!(err instanceof AuditKeyMissingError)) throw err;
  console.error(`${err.message} Keyed seals and checkpoints cannot be checked.`);
}
const db = await openDatabase(
  config.databaseUrl
    ? { kind: 'postgresql', url: config.databaseUrl, ownerUrl: config.databaseOwnerUrl }
    : { kind: 'embedded', dataDir: config.dataDir },
);
if (anchor) anchorAuditChain(db, anchor);
try {
  const result = await verifyAuditChain(db);
  const cp = result.checkpoints;
  const anchored = cp.file
    ? `${cp.count} checkpoints in ${cp.file}${cp.newestSeq === null ? '' : ` (newest: seq ${cp.newestSeq})`}`
    : 'no checkpoints (no audit key)';
  if (result.ok) {
    console.log(
      `Audit chain verified: ${result.checked} rows, no break (${result.keyedRows} keyed seals; ${anchored}).`,
    );
  } else {
    const b = result.firstBroken!;
    const where = b.seq === null ? 'outside the chain' : `seq ${b.seq}`;
    console.error(
      `Audit chain BROKEN at row ${where}${b.id ? ` (id ${b.id})` : ''}: ${b.reason}. ${result.checked} rows before it verified.`,
    );
    console.error(`Found (${result.findings.length}; ${anchored}):`);
    for (const f of result.findings) {
      console.error(
        `  ${f.kind}: ${f.seq === null ? '' : `seq ${f.seq} `}${f.id ? `(id ${f.id}) ` : ''}${f.reason}`,
      );
    }
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
