import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { auditLog, auditPending, auditSeal } from '../db/platform.table';
import { type Checkpoint, readCheckpoints } from './audit-anchor';
import { auditAnchorOf, auditRowHash, GENESIS, KEYED_ALG, UNKEYED_ALG } from './audit-chain';
import { sealAuditLog } from './seal-audit-log';

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
  const anchor = auditAnchorOf(db);
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
