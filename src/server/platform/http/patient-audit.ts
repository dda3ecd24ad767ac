import type { Context } from 'hono';
import { type AuditOutcome, appendAudit } from '../audit/audit';
import type { Tx } from '../db/database';
import type { AppEnv } from './app-env';
import { auditActor } from './audit-actor';

/**
 * One audit row for a read or write of a patient's record, in the caller's transaction, on the patient and
 * site the guard established (flagged with the grant when the access came through break-glass).
 */
export async function auditPatient(
  c: Context<AppEnv>,
  tx: Tx,
  event: {
    action: string;
    entity: string;
    entityId: string | null;
    outcome?: AuditOutcome;
    detail?: Record<string, unknown>;
  },
) {
  const access = c.var.patientAccess!;
  await appendAudit(
    tx,
    auditActor(c),
    [
      {
        action: event.action,
        entity: event.entity,
        entityId: event.entityId,
        outcome: event.outcome,
        patientId: access.patientId,
        siteId: access.siteId,
        // Under break-glass, appendAudit adds the grant (from the actor) to the detail.
        detail: event.detail ?? null,
      },
    ],
    c.var.deps.now(),
  );
}
