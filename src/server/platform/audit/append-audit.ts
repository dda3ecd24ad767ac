import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterCommit, beforeCommit, type Tx } from '../db/database';
import { sealSoon } from './seal-audit-log';

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
