import { createHash, randomUUID } from 'node:crypto';
import { asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { afterCommit, beforeClose, beforeCommit, type Database, inBackground, type Tx } from '../db/database';
import { auditLog, auditPending, auditSeal } from '../db/platform.table';
import {
  type AuditAnchor,
  type Checkpoint,
  keyedHash,
  readCheckpoints,
  writeCheckpoint,
} from './audit-anchor';

/** 'not_found': a lookup of patient data that named something the store does not hold (see handleError). */
export type AuditOutcome = 'success' | 'denied' | 'failure' | 'not_found';

/** Who acted, from where: taken from the request once and passed to every audit entry. */
export type AuditActor = {
  organizationId: string | null;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  sourceAddress: string | null;
  requestId: string | null;
  /**
   * The break-glass grant the request reaches its patient through: every row of the request about that
   * patient carries `detail.breakGlass` and `detail.breakGlassGrantId`, so the review lists each access.
   */
  breakGlass?: { grantId: string; patientId: string } | null;
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

/**
 * Writes one audit row in the caller's transaction, bound to where the caller acts: a route's patient or site
 * (route-wrappers build it), or a background job's own scope.
 */
export type AuditWrite = (
  action: string,
  entity: string,
  entityId: string | null,
  detail?: Record<string, unknown> | null,
  outcome?: AuditOutcome,
) => Promise<void>;

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

async function chainHead(tx: Tx) {
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
  const values = events.map(({ actor, at, ...event }) => {
    const grant = actor.breakGlass;
    const e =
      grant && event.patientId === grant.patientId
        ? { ...event, detail: { ...event.detail, breakGlass: true, breakGlassGrantId: grant.grantId } }
        : event;
    return sql`(${randomUUID()}::uuid, ${at.toISOString()}::timestamptz,
      ${actor.organizationId}::uuid, ${e.siteId ?? null}::uuid, ${actor.actorId}::uuid, ${actor.actorEmail},
      ${actor.actorRole}, ${e.action}, ${e.entity}, ${e.entityId ?? null}, ${e.patientId ?? null}::uuid,
      ${e.outcome ?? 'success'}, ${actor.sourceAddress}, ${actor.requestId},
      ${e.detail == null ? null : JSON.stringify(e.detail)}::jsonb)`;
  });
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
  const anchor = anchors.get(db);
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

export type FindingKind =
  | 'sequence_gap'
  | 'link_broken'
  | 'content_changed'
  | 'forged'
  | 'rewritten'
  | 'truncated'
  | 'outside_chain'
  | 'checkpoint_invalid'
  | 'key_missing';

/** One thing the check found wrong, named for a reader: what, where (seq and row id when known), and why. */
export type AuditFinding = { kind: FindingKind; seq: number | null; id: string | null; reason: string };

export type ChainVerification = {
  ok: boolean;
  /** Rows verified before the first break. */
  checked: number;
  firstBroken: null | { seq: number | null; id: string; reason: string; kind: FindingKind };
  /** Everything found, first break first (at most MAX_FINDINGS). */
  findings: AuditFinding[];
  /** Rows sealed with the key (the rest are the unkeyed seals from before the key). */
  keyedRows: number;
  /** The checkpoint file read: how many signed checkpoints it holds and the newest seq one names. */
  checkpoints: { file: string | null; count: number; newestSeq: number | null };
};

const MAX_FINDINGS = 50;

/**
 * Seals what is waiting, then walks the whole chain in order and names every link whose row content, link or
 * seal does not match, every checkpoint the database no longer agrees with (the newest rows cut, or the
 * chain re-hashed), and any audit row that was slipped in outside the chain.
 */
export async function verifyAuditChain(db: Database, pageSize = 2000): Promise<ChainVerification> {
  await sealAuditLog(db);
  const anchor = anchors.get(db);
  // Read before the database: every checkpoint read names a link that had already committed.
  const read = anchor ? readCheckpoints(anchor) : { checkpoints: [], invalidLines: [] };
  const findings: AuditFinding[] = [];
  let checked = 0;
  const find = (f: AuditFinding) => {
    if (findings.length < MAX_FINDINGS) findings.push(f);
  };
  for (const line of read.invalidLines) {
    find({
      kind: 'checkpoint_invalid',
      seq: null,
      id: null,
      reason: `checkpoint line ${line} of ${anchor!.checkpointFile} does not carry a valid signature`,
    });
  }
  const checkpointAt = new Map<number, Checkpoint[]>();
  for (const c of read.checkpoints) checkpointAt.set(c.seq, [...(checkpointAt.get(c.seq) ?? []), c]);
  const newest = read.checkpoints.reduce<Checkpoint | null>((a, c) => (!a || c.seq > a.seq ? c : a), null);

  let prevHash = GENESIS;
  let expectedSeq = 1;
  let keyedRows = 0;
  let broken = findings.length > 0;
  const mark = (f: AuditFinding) => {
    find(f);
    broken = true;
  };
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
      const at = (kind: FindingKind, reason: string) => mark({ kind, seq: seal.seq, id: row.id, reason });
      let ok = true;
      if (seal.seq !== expectedSeq) {
        at('sequence_gap', `sequence gap: expected ${expectedSeq}`);
        ok = false;
      } else if (seal.prevHash !== prevHash) {
        at('link_broken', 'link to the previous row does not match');
        ok = false;
      } else {
        const { id: _id, ...content } = row;
        const fields = { ...content, seq: seal.seq, prevHash: seal.prevHash };
        const unkeyed = auditRowHash(fields);
        if (seal.alg === KEYED_ALG) {
          keyedRows += 1;
          if (!anchor) {
            at('key_missing', 'the row is sealed with the audit key, which this check was not given');
            ok = false;
          } else if (auditRowHash(fields, anchor.key) !== seal.hash) {
            if (unkeyed === seal.hash) at('forged', 'seal re-hashed without the audit key (forged)');
            else at('content_changed', 'row content does not match its hash');
            ok = false;
          }
        } else if (seal.alg !== UNKEYED_ALG) {
          at('forged', `seal names an unknown algorithm (${seal.alg})`);
          ok = false;
        } else if (unkeyed !== seal.hash) {
          at('content_changed', 'row content does not match its hash');
          ok = false;
        } else if (keyedRows > 0) {
          // Once seals are keyed, an unkeyed one can only come from someone without the key.
          at('forged', 'seal made without the audit key after keyed seals began (forged)');
          ok = false;
        }
      }
      for (const c of checkpointAt.get(seal.seq) ?? []) {
        if (c.hash !== seal.hash) {
          at(
            'rewritten',
            `the checkpoint of ${c.at} names another hash for seq ${seal.seq}: the chain was re-hashed from here`,
          );
          ok = false;
          break;
        }
      }
      if (ok && !broken) checked += 1;
      prevHash = seal.hash;
      expectedSeq = seal.seq + 1;
    }
    if (page.length < pageSize) break;
  }
  const lastSeq = expectedSeq - 1;
  if (newest && newest.seq > lastSeq) {
    mark({
      kind: 'truncated',
      seq: lastSeq + 1,
      id: null,
      reason: `truncated: the checkpoint of ${newest.at} names seq ${newest.seq}, the database ends at seq ${lastSeq} (${newest.seq - lastSeq} newest rows missing)`,
    });
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
    mark({ kind: 'outside_chain', seq: null, id: outside.id, reason: 'row is outside the hash chain' });
  const first = findings[0];
  return {
    ok: findings.length === 0,
    checked,
    firstBroken: first
      ? { seq: first.seq, id: first.id ?? '', reason: first.reason, kind: first.kind }
      : null,
    findings,
    keyedRows,
    checkpoints: {
      file: anchor?.checkpointFile ?? null,
      count: read.checkpoints.length,
      newestSeq: newest?.seq ?? null,
    },
  };
}
