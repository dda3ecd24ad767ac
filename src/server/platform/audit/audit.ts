import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/database';
import { auditLog } from '../db/platform.table';

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
const CHAIN_LOCK = 727002;

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

type HashedFields = Omit<typeof auditLog.$inferSelect, 'id' | 'hash'>;

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

/**
 * Appends audit rows inside the caller's transaction, so the record of a change commits or rolls back
 * with the change itself. The chain lock serializes appends; it is held only until this transaction ends.
 */
export async function appendAudit(tx: Tx, actor: AuditActor, events: AuditEvent[], now = new Date()) {
  if (events.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  let prevHash = last?.hash ?? GENESIS;
  let seq = last?.seq ?? 0;
  const rows = events.map((e) => {
    seq += 1;
    const fields: HashedFields = {
      seq,
      at: now,
      organizationId: actor.organizationId,
      siteId: e.siteId ?? null,
      actorId: actor.actorId,
      actorEmail: actor.actorEmail,
      actorRole: actor.actorRole,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId ?? null,
      patientId: e.patientId ?? null,
      outcome: e.outcome ?? 'success',
      sourceAddress: actor.sourceAddress,
      requestId: actor.requestId,
      detail: e.detail ?? null,
      prevHash,
    };
    const hash = auditRowHash(fields);
    prevHash = hash;
    return { ...fields, hash };
  });
  await tx.insert(auditLog).values(rows);
}

export type ChainVerification = {
  ok: boolean;
  checked: number;
  firstBroken: null | { seq: number; id: string; reason: string };
};

/** Walks the whole chain in order and names the first row whose content or link does not match. */
export async function verifyAuditChain(db: Database, pageSize = 2000): Promise<ChainVerification> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const after = expectedSeq - 1;
    const page = await db.tx((tx) =>
      tx.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(pageSize),
    );
    for (const row of page) {
      const broken = (reason: string) => ({
        ok: false,
        checked,
        firstBroken: { seq: row.seq, id: row.id, reason },
      });
      if (row.seq !== expectedSeq) return broken(`sequence gap: expected ${expectedSeq}`);
      if (row.prevHash !== prevHash) return broken('link to the previous row does not match');
      const { id: _id, hash, ...fields } = row;
      if (auditRowHash(fields) !== hash) return broken('row content does not match its hash');
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (page.length < pageSize) return { ok: true, checked, firstBroken: null };
  }
}
