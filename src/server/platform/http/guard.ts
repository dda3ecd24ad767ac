import type { Context } from 'hono';
import { z } from 'zod';
import { findPatientScope } from '../access/access.store';
import { PERMISSIONS, type Permission, roleMay } from '../access/permissions';
import { appendAudit } from '../audit/audit';
import { AppError } from '../errors';
import type { AppEnv } from './app-env';
import { auditActor } from './audit-actor';

/** Answers read under a break-glass grant carry `OpenIOP-Access: break-glass`. */
export const BREAK_GLASS_HEADER = 'OpenIOP-Access';

export type Guarded = { permission: Permission | 'public'; allowPendingMfa?: boolean };

const uuid = z.uuid();

function idParam(c: Context<AppEnv>, name: string): string {
  const value = c.req.param(name);
  if (!value || !uuid.safeParse(value).success) {
    throw new AppError(400, 'invalid_id', 'The address names an invalid id.', [
      { path: name, message: 'Must be a UUID.' },
    ]);
  }
  return value.toLowerCase();
}

async function deny(
  c: Context<AppEnv>,
  err: AppError,
  event: { entity: string; patientId?: string; siteId?: string },
) {
  const { db, now } = c.var.deps;
  await db.tx((tx) =>
    appendAudit(
      tx,
      auditActor(c),
      [
        {
          action: 'access.denied',
          entity: event.entity,
          entityId: event.patientId ?? event.siteId ?? null,
          patientId: event.patientId ?? null,
          siteId: event.siteId ?? null,
          outcome: 'denied',
          detail: { code: err.code, route: c.req.routePath, method: c.req.method },
        },
      ],
      now(),
    ),
  );
  return err;
}

/**
 * Runs before every route's handler: role from the permission table, then site membership or patient
 * access (own site, own record for a portal account, or a live break-glass grant). Refusals are audited.
 */
export async function authorize(c: Context<AppEnv>, spec: Guarded): Promise<void> {
  if (spec.permission === 'public') return;
  const p = c.var.principal;
  if (!p) {
    if (c.var.sessionProblem === 'session_expired') {
      throw AppError.unauthenticated(
        'You were signed out after a period of inactivity; sign in again.',
        'session_expired',
      );
    }
    if (c.var.sessionProblem === 'session_ended') {
      throw AppError.unauthenticated('This session was signed out; sign in again.', 'session_ended');
    }
    throw AppError.unauthenticated();
  }
  if (!p.mfaVerified && !spec.allowPendingMfa) {
    throw AppError.unauthenticated('Finish signing in with your authenticator code.', 'mfa_required');
  }
  const permission = PERMISSIONS[spec.permission];
  if (!roleMay(p.role, spec.permission)) {
    const patientId = c.req.param('patientId');
    throw await deny(c, AppError.forbidden(`Your role (${p.role}) may not do this.`), {
      entity: spec.permission,
      patientId: patientId && uuid.safeParse(patientId).success ? patientId : undefined,
    });
  }
  if (permission.scope === 'site') {
    const siteId = idParam(c, 'siteId');
    if (!p.siteIds.includes(siteId)) {
      throw await deny(c, AppError.forbidden('You are not a member of this site.', 'site_forbidden'), {
        entity: 'site',
        siteId,
      });
    }
    return;
  }
  if (permission.scope === 'patient' || permission.scope === 'patient-any-site') {
    const patientId = idParam(c, 'patientId');
    const { db, now } = c.var.deps;
    const prefetched = c.var.prefetchedScope;
    const scope =
      prefetched?.patientId === patientId
        ? (prefetched.scope ?? undefined)
        : await db.autocommit((q) => findPatientScope(q, patientId, p.userId, now()));
    if (!scope || scope.organizationId !== p.organizationId) throw AppError.notFound('The patient');
    if (permission.scope === 'patient-any-site') {
      c.set('patientAccess', {
        patientId,
        siteId: scope.siteId,
        viaBreakGlass: false,
        breakGlassGrantId: null,
      });
      return;
    }
    const ownSite = p.role !== 'patient' && p.siteIds.includes(scope.siteId);
    const ownRecord = p.role === 'patient' && p.patientId === patientId;
    if (ownSite || ownRecord || (p.role !== 'patient' && scope.breakGlass)) {
      const viaBreakGlass = !ownSite && !ownRecord;
      c.set('patientAccess', {
        patientId,
        siteId: scope.siteId,
        viaBreakGlass,
        breakGlassGrantId: viaBreakGlass ? scope.breakGlassGrantId : null,
      });
      // What a client reads under a grant says so (and every audit row of the request names the grant).
      if (viaBreakGlass) c.header(BREAK_GLASS_HEADER, 'break-glass');
      return;
    }
    throw await deny(
      c,
      AppError.forbidden(
        'This patient is outside your sites. In an emergency you may break the glass (logged and reviewed).',
        'patient_outside_site',
      ),
      { entity: 'patient', patientId, siteId: scope.siteId },
    );
  }
}
