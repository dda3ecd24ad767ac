import { asc, eq, inArray, sql } from 'drizzle-orm';
import { beforeClose, type Database, inBackground } from '../db/database';
import { auditLog, auditPending, auditSeal } from '../db/platform.table';
import { type Checkpoint, writeCheckpoint } from './audit-anchor';
import { auditAnchorOf, auditRowHash, chainHead, GENESIS, KEYED_ALG, UNKEYED_ALG } from './audit-chain';

/** Orders the sealers of several server processes on one database (and the demo seed's first run). */
const CHAIN_LOCK = 727002;
const SEAL_BATCH = 2000;
const SEAL_PAUSE_MS = 250;

/**
 * Seals committed audit rows into the hash chain, oldest first, in batches, under the chain lock (one
 * sealer at a time across server processes). Returns how many rows it sealed.
 */
export async function sealAuditLog(db: Database, now = () => new Date()): Promise<number> {
  const anchor = auditAnchorOf(db);
  let sealed = 0;
  let head: Checkpoint | undefined;
  // One signed checkpoint a round (not a request): the newest link this round committed.
  const checkpoint = () => {
    if (anchor && head) writeCheckpoint(anchor, head);
  };
  for (;;) {
    // Most rounds after a burst find nothing left: one plain read instead of a locked transaction.
    const [waiting] = await db.autocommit((q) =>
      q.select({ id: auditPending.auditId }).from(auditPending).limit(1),
    );
    if (!waiting) {
      checkpoint();
      return sealed;
    }
    const n = await db.tx(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
      const rows = await tx
        .select({ row: auditLog })
        .from(auditPending)
        .innerJoin(auditLog, eq(auditLog.id, auditPending.auditId))
        .orderBy(asc(auditLog.at), asc(auditLog.id))
        .limit(SEAL_BATCH);
      if (rows.length === 0) return 0;
      const last = await chainHead(tx);
      let prevHash = last?.hash ?? GENESIS;
      let seq = last?.seq ?? 0;
      const sealedAt = now();
      const seals = rows.map(({ row: { id, ...content } }) => {
        seq += 1;
        const hash = auditRowHash({ ...content, seq, prevHash }, anchor?.key);
        const alg = anchor ? KEYED_ALG : UNKEYED_ALG;
        const seal = { seq, auditId: id, prevHash, hash, sealedAt, alg };
        prevHash = hash;
        return seal;
      });
      await tx.insert(auditSeal).values(seals);
      await tx.delete(auditPending).where(
        inArray(
          auditPending.auditId,
          seals.map((s) => s.auditId),
        ),
      );
      head = { seq, hash: prevHash, at: sealedAt.toISOString() };
      return rows.length;
    });
    sealed += n;
    if (n < SEAL_BATCH) {
      checkpoint();
      return sealed;
    }
  }
}

type Sealer = { running: Promise<void> | null; again: boolean; closing: boolean; wake: () => void };
const sealers = new WeakMap<Database, Sealer>();

/**
 * Starts the sealer after an audited commit, or asks the running one for another round. A round waits
 * SEAL_PAUSE_MS first, so the rows of every request committing meanwhile are sealed in one batch (a round is
 * 7 statements; sealing each request on its own would add them to every request). A failed round is retried
 * by the next commit, at start-up (`sealAuditLog` in main) or by the chain check, which seals before it
 * verifies. Closing the database cuts the pause short and seals what is left.
 */
export function sealSoon(db: Database) {
  let sealer = sealers.get(db);
  if (!sealer) {
    const created: Sealer = { running: null, again: false, closing: false, wake: () => undefined };
    sealer = created;
    sealers.set(db, created);
    beforeClose(db, async () => {
      created.closing = true;
      created.wake();
      await created.running;
      await sealAuditLog(db);
    });
  }
  if (sealer.running) {
    sealer.again = true;
    return;
  }
  const s = sealer;
  s.running = (async () => {
    do {
      if (!s.closing) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, SEAL_PAUSE_MS);
          s.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      s.again = false;
      await inBackground(() => sealAuditLog(db)).catch(() => undefined);
    } while (s.again && !s.closing);
  })().finally(() => {
    s.running = null;
  });
}
