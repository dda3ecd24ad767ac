import { and, desc, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { auditLog, auditSeal } from '../db/platform.table';

export type AuditFilter = {
  organizationId: string;
  action?: string;
  patientId?: string;
  actorEmail?: string;
  from?: Date;
  to?: Date;
};

/** Newest first (by time), one statement with the total (window count). Rows without an organization are sign-in failures. */
export async function listAudit(tx: Tx, f: AuditFilter, page: number, pageSize: number) {
  const rows = await tx
    .select({
      id: auditLog.id,
      seq: auditSeal.seq,
      at: auditLog.at,
      actorEmail: auditLog.actorEmail,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      patientId: auditLog.patientId,
      outcome: auditLog.outcome,
      sourceAddress: auditLog.sourceAddress,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(auditLog)
    .leftJoin(auditSeal, eq(auditSeal.auditId, auditLog.id))
    .where(
      and(
        or(eq(auditLog.organizationId, f.organizationId), isNull(auditLog.organizationId)),
        f.action ? eq(auditLog.action, f.action) : undefined,
        f.patientId ? eq(auditLog.patientId, f.patientId) : undefined,
        f.actorEmail ? sql`lower(${auditLog.actorEmail}) = ${f.actorEmail.toLowerCase()}` : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.to ? lt(auditLog.at, f.to) : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    items: rows.map(({ total: _t, ...r }) => ({ ...r, at: r.at.toISOString() })),
    total: rows[0]?.total ?? 0,
  };
}
