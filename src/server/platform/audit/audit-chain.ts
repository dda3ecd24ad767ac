import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { Database, Tx } from '../db/database';
import { type auditLog, auditSeal } from '../db/platform.table';
import { type AuditAnchor, keyedHash, writeCheckpoint } from './audit-anchor';

/** The previous hash of the chain's first link. */
export const GENESIS = '0'.repeat(64);

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

export type AuditRow = typeof auditLog.$inferSelect;
type HashedFields = Omit<AuditRow, 'id'> & { seq: number; prevHash: string };

/**
 * The hash of one link: the previous link's hash, the link's seq and the audit row's content. With a key it
 * is an HMAC-SHA-256 (RFC 2104), which nobody without the key can recompute; without one, the plain SHA-256
 * the seals were made with before the keyed anchor (still checked, so an upgraded log verifies).
 */
export function auditRowHash(row: HashedFields, key?: Buffer): string {
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
  if (key) return keyedHash(key, material);
  return createHash('sha256').update(material).digest('hex');
}

export const KEYED_ALG = 'hmac-sha256';
export const UNKEYED_ALG = 'sha256';

const anchors = new WeakMap<Database, AuditAnchor>();

/**
 * Seals of `db` from now on are keyed with the anchor's key and each sealing round appends a signed
 * checkpoint; verification checks both. The server, the verify command and every test app set one.
 */
export function anchorAuditChain(db: Database, anchor: AuditAnchor): void {
  anchors.set(db, anchor);
}

export function auditAnchorOf(db: Database): AuditAnchor | undefined {
  return anchors.get(db);
}

export async function chainHead(tx: Tx) {
  const [last] = await tx
    .select({ seq: auditSeal.seq, hash: auditSeal.hash })
    .from(auditSeal)
    .orderBy(desc(auditSeal.seq))
    .limit(1);
  return last;
}

/** Writes a checkpoint of the chain's newest link (at start-up: anchors what earlier servers sealed). */
export async function checkpointAuditHead(db: Database, now = () => new Date()): Promise<void> {
  const anchor = anchors.get(db);
  if (!anchor) return;
  const head = await db.tx(chainHead);
  if (head) writeCheckpoint(anchor, { seq: head.seq, hash: head.hash, at: now().toISOString() });
}
