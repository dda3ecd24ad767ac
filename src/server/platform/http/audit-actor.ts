import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AuditActor } from '../audit/audit';
import type { AppEnv } from './app-env';

export function sourceAddress(c: Context<AppEnv>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests (tests) have no socket
  }
}

export function auditActor(c: Context<AppEnv>): AuditActor {
  const p = c.var.principal;
  return {
    organizationId: p?.organizationId ?? null,
    actorId: p?.userId ?? null,
    actorEmail: p?.email ?? null,
    actorRole: p?.role ?? null,
    sourceAddress: sourceAddress(c),
    requestId: c.var.requestId ?? null,
    breakGlass: c.var.patientAccess?.breakGlassGrantId
      ? { grantId: c.var.patientAccess.breakGlassGrantId, patientId: c.var.patientAccess.patientId }
      : null,
  };
}
