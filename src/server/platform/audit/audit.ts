import { createHash, randomUUID } from 'node:crypto';
import { asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { afterCommit, beforeClose, beforeCommit, type Database, inBackground, type Tx } from '../db/database';
import { auditLog, auditPending, auditSeal } from '../db/platform.table';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** Who acted, from where: taken from the request once and passed to every audit entry. */
export type AuditActor = {
  organizationId: string | null;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  sourceAddress: string | null;
  requestId: string | null;
};

export type AuditEvent = {
  action: string;
  entity: string;
  entityId?: string | null;
  patientId?: string | null;
  siteId?: string | null;
  outcome?: AuditOutcome;
  detail?: Record<string, unknown> | null;
};

const GENESIS = '0'.repeat(64);
/** Orders the sealers of several server processes on one database (and the demo seed's first run). */
const CHAIN_LOCK = 727002;
const SEAL_BATCH = 2000;
const SEAL_PAUSE_MS = 250;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

type AuditRow = typeof auditLog.$inferSelect;
type HashedFields = Omit<AuditRow, 'id'> & { seq: number; prevHash: string };

/** The hash of one link: the previous link's hash, the link's seq and the audit row's content. */
export function auditRowHash(row: HashedFields): string {
  const material = JSON.stringify([
    row.prevHash,
    row.seq,
    row.at.toISOString(),
    row.organizationId,
    row.siteId,
    row.actorId,
    row.actorEmail,
    row.actorRole,
    row.action,
    row.entity,
    row.entityId,
    row.patientId,
    row.outcome,
    row.sourceAddress,
    row.requestId,
    canonical(row.detail ?? null),
  ]);
  return createHash('sha256').update(material).digest('hex');
}

type PendingEvent = AuditEvent & { actor: AuditActor; at: Date };
const pending = new WeakMap<Tx, PendingEvent[]>();

/**
 * Records audit rows in the caller's transaction, so the record of a change commits or rolls back with the
 * change itself. The rows are written in one statement at the end of the transaction, without any lock:
 * once the transaction has committed, the sealer gives them their place in the hash chain (`audit_seal`).
 */
export async function appendAudit(tx: Tx, actor: AuditActor, events: AuditEvent[], now = new Date()) {
  if (events.length === 0) return;
  let queue = pending.get(tx);
  if (!queue) {
    const created: PendingEvent[] = [];
    queue = created;
    beforeCommit(tx, () => writeAuditRows(tx, created));
    afterCommit(tx, sealSoon);
    pending.set(tx, created);
  }
  for (const e of events) queue.push({ ...e, actor, at: now });
}

async function writeAuditRows(tx: Tx, events: PendingEvent[]) {
  const values = events.map(
    ({ actor, at, ...e }) => sql`(${randomUUID()}::uuid, ${at.toISOString()}::timestamptz,
      ${actor.organizationId}::uuid, ${e.siteId ?? null}::uuid, ${actor.actorId}::uuid, ${actor.actorEmail},
      ${actor.actorRole}, ${e.action}, ${e.entity}, ${e.entityId ?? null}, ${e.patientId ?? null}::uuid,
      ${e.outcome ?? 'success'}, ${actor.sourceAddress}, ${actor.requestId},
      ${e.detail == null ? null : JSON.stringify(e.detail)}::jsonb)`,
  );
  await tx.execute(sql`with written as (
      insert into audit_log (id, at, organization_id, site_id, actor_id, actor_email, actor_role, action, entity,
        entity_id, patient_id, outcome, source_address, request_id, detail)
      values ${sql.join(values, sql`, `)} returning id)
    insert into audit_pending (audit_id) select id from written`);
}

/**
 * Seals committed audit rows into the hash chain, oldest first, in batches, under the chain lock (one
 * sealer at a time across server processes). Returns how many rows it sealed.
 */
export async function sealAuditLog(db: Database, now = () => new Date()): Promise<number> {
  let sealed = 0;
  for (;;) {
    // Most rounds after a burst find nothing left: one plain read instead of a locked transaction.
    const [waiting] = await db.autocommit((q) =>
      q.select({ id: auditPending.auditId }).from(auditPending).limit(1),
    );
    if (!waiting) return sealed;
    const n = await db.tx(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
      const rows = await tx
        .select({ row: auditLog })
        .from(auditPending)
        .innerJoin(auditLog, eq(auditLog.id, auditPending.auditId))
        .orderBy(asc(auditLog.at), asc(auditLog.id))
        .limit(SEAL_BATCH);
      if (rows.length === 0) return 0;
      const [last] = await tx
        .select({ seq: auditSeal.seq, hash: auditSeal.hash })
        .from(auditSeal)
        .orderBy(desc(auditSeal.seq))
        .limit(1);
      let prevHash = last?.hash ?? GENESIS;
      let seq = last?.seq ?? 0;
      const sealedAt = now();
      const seals = rows.map(({ row: { id, ...content } }) => {
        seq += 1;
        const hash = auditRowHash({ ...content, seq, prevHash });
        const seal = { seq, auditId: id, prevHash, hash, sealedAt };
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
      return rows.length;
    });
    sealed += n;
    if (n < SEAL_BATCH) return sealed;
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
function sealSoon(db: Database) {
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

export type ChainVerification = {
  ok: boolean;
  checked: number;
  firstBroken: null | { seq: number | null; id: string; reason: string };
};

/**
 * Seals what is waiting, then walks the whole chain in order and names the first link whose row content or
 * link does not match, and any audit row that was slipped in outside the chain.
 */
export async function verifyAuditChain(db: Database, pageSize = 2000): Promise<ChainVerification> {
  await sealAuditLog(db);
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const after = expectedSeq - 1;
    const page = await db.tx((tx) =>
      tx
        .select({ seal: auditSeal, row: auditLog })
        .from(auditSeal)
        .innerJoin(auditLog, eq(auditLog.id, auditSeal.auditId))
        .where(gt(auditSeal.seq, after))
        .orderBy(asc(auditSeal.seq))
        .limit(pageSize),
    );
    for (const { seal, row } of page) {
      const broken = (reason: string) => ({
        ok: false,
        checked,
        firstBroken: { seq: seal.seq, id: row.id, reason },
      });
      if (seal.seq !== expectedSeq) return broken(`sequence gap: expected ${expectedSeq}`);
      if (seal.prevHash !== prevHash) return broken('link to the previous row does not match');
      const { id: _id, ...content } = row;
      if (auditRowHash({ ...content, seq: seal.seq, prevHash: seal.prevHash }) !== seal.hash)
        return broken('row content does not match its hash');
      prevHash = seal.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (page.length < pageSize) break;
  }
  // A row written around the application (no pending entry) never reaches the chain: name the oldest.
  const [outside] = await db.tx((tx) =>
    tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        sql`not exists (select 1 from ${auditSeal} where ${auditSeal.auditId} = ${auditLog.id})
          and not exists (select 1 from ${auditPending} where ${auditPending.auditId} = ${auditLog.id})`,
      )
      .orderBy(asc(auditLog.at), asc(auditLog.id))
      .limit(1),
  );
  if (outside)
    return {
      ok: false,
      checked,
      firstBroken: { seq: null, id: outside.id, reason: 'row is outside the hash chain' },
    };
  return { ok: true, checked, firstBroken: null };
}
