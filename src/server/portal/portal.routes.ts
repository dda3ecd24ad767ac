import { createRoute, z } from '@hono/zod-openapi';
import { getPatient, Patient, patientJson } from '../patients';
import { appendAudit } from '../platform/audit/audit';
import { findUserByEmail } from '../platform/auth/auth.store';
import { hashPassword, randomToken, sha256 } from '../platform/auth/secrets';
import { AppError } from '../platform/errors';
import type { App } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { startSession } from '../platform/http/start-session';
import { Password } from '../sign-in';
import {
  consumeInvitation,
  findOpenInvitation,
  findPortalAccount,
  findSiteProgram,
  insertInvitation,
  insertPortalUser,
  revokeOpenInvitations,
} from './portal.store';

const tags = ['Portal'];
const INVITATION_DAYS = 7;
const TokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not an invitation token.')
    .openapi({ param: { name: 'token', in: 'path' } }),
});

const invalidInvitation = () =>
  new AppError(
    404,
    'invitation_invalid',
    'This invitation link is not valid any more. Ask the clinic for a new one.',
  );

export function registerPortalRoutes(app: App) {
  defineRoute(
    app,
    {
      permission: 'portal.invite',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/portal-invitations',
        tags,
        summary:
          'Invite the patient to the portal: a one-time link, valid 7 days; earlier unused links stop working',
        request: { params: z.object({ patientId: UuidParam('patientId') }) },
        responses: {
          201: jsonResponse(
            z.object({ inviteUrl: z.string(), expiresAt: z.string() }).openapi('PortalInvitation'),
            'Created',
          ),
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const p = c.var.principal!;
      const { db, config, now } = c.var.deps;
      const at = now();
      const token = randomToken();
      const invitation = await db.tx(async (tx) => {
        if (await findPortalAccount(tx, access.patientId)) {
          throw AppError.conflict('This patient already has a portal account.', 'portal_account_exists');
        }
        // One live link per patient: a new one replaces any handed out before (a lost or misdirected link).
        const revoked = await revokeOpenInvitations(tx, access.patientId, p.userId, at);
        const inv = await insertInvitation(tx, {
          organizationId: p.organizationId,
          siteId: access.siteId,
          patientId: access.patientId,
          tokenHash: sha256(token),
          createdBy: p.userId,
          createdAt: at,
          expiresAt: new Date(at.getTime() + INVITATION_DAYS * 86_400_000),
        });
        await appendAudit(
          tx,
          auditActor(c),
          [
            {
              action: 'portal.invite',
              entity: 'portal_invitation',
              entityId: inv.id,
              patientId: access.patientId,
              siteId: access.siteId,
              detail: { revokedInvitationIds: revoked },
            },
          ],
          at,
        );
        return inv;
      });
      const origin = config.publicUrl ?? new URL(c.req.url).origin;
      return c.json(
        { inviteUrl: `${origin}/portal/invite/${token}`, expiresAt: invitation.expiresAt.toISOString() },
        201,
      );
    },
  );

  defineRoute(
    app,
    {
      permission: 'portal.invite',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/portal-invitations/revoke',
        tags,
        summary:
          "Revoke the patient's unused portal links (body: {}); a revoked link answers like an unknown one",
        request: {
          params: z.object({ patientId: UuidParam('patientId') }),
          body: jsonBody(z.strictObject({}).openapi('RevokePortalInvitations')),
        },
        responses: {
          200: jsonResponse(z.object({ revoked: z.number() }).openapi('RevokedPortalInvitations'), 'Revoked'),
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const at = now();
      const revoked = await db.tx(async (tx) => {
        const ids = await revokeOpenInvitations(tx, access.patientId, p.userId, at);
        await appendAudit(
          tx,
          auditActor(c),
          [
            {
              action: 'portal.invite_revoke',
              entity: 'portal_invitation',
              entityId: null,
              patientId: access.patientId,
              siteId: access.siteId,
              detail: { revokedInvitationIds: ids },
            },
          ],
          at,
        );
        return ids;
      });
      return c.json({ revoked: revoked.length }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'public',
      route: createRoute({
        method: 'get',
        path: '/api/portal/invitations/{token}',
        tags,
        summary: 'Check an invitation link before accepting it',
        request: { params: TokenParams },
        responses: {
          200: jsonResponse(z.object({ givenName: z.string(), expiresAt: z.string() }), 'Valid'),
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const { token } = c.req.valid('param');
      const { db, now } = c.var.deps;
      const found = await db.tx((tx) => findOpenInvitation(tx, sha256(token), now()));
      if (!found) throw invalidInvitation();
      return c.json({ givenName: found.givenName, expiresAt: found.invitation.expiresAt.toISOString() }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'public',
      route: createRoute({
        method: 'post',
        path: '/api/portal/invitations/{token}/accept',
        tags,
        summary: 'Accept an invitation: choose email and password; signs in',
        request: {
          params: TokenParams,
          body: jsonBody(
            z
              .strictObject({ email: z.email('Not a valid email address.').max(254), password: Password })
              .openapi('AcceptInvitation'),
          ),
        },
        responses: {
          200: jsonResponse(z.object({ next: z.literal('done'), csrfToken: z.string() }), 'Signed in'),
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const { token } = c.req.valid('param');
      const { email, password } = c.req.valid('json');
      const { db, now } = c.var.deps;
      const passwordHash = await hashPassword(password);
      const csrfToken = await db.tx(async (tx) => {
        const at = now();
        const found = await findOpenInvitation(tx, sha256(token), at);
        if (!found || !(await consumeInvitation(tx, found.invitation.id, at))) throw invalidInvitation();
        if (await findUserByEmail(tx, email)) {
          throw AppError.conflict('An account with this email already exists.', 'email_taken', {
            fields: [{ path: 'email', message: 'Already in use; use another email or sign in.' }],
          });
        }
        if (await findPortalAccount(tx, found.invitation.patientId)) {
          throw AppError.conflict('This patient already has a portal account.', 'portal_account_exists');
        }
        const inv = found.invitation;
        const user = await insertPortalUser(tx, {
          organizationId: inv.organizationId,
          email,
          displayName: found.givenName,
          role: 'patient',
          patientId: inv.patientId,
          passwordHash,
          createdAt: at,
          passwordChangedAt: at,
        });
        const started = await startSession(c, tx, user);
        await appendAudit(
          tx,
          {
            ...auditActor(c),
            organizationId: user.organizationId,
            actorId: user.id,
            actorEmail: user.email,
            actorRole: 'patient',
          },
          [
            {
              action: 'portal.account_created',
              entity: 'user',
              entityId: user.id,
              patientId: inv.patientId,
              siteId: inv.siteId,
            },
          ],
          at,
        );
        return started.session.csrfToken;
      });
      return c.json({ next: 'done' as const, csrfToken }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'portal.self',
      route: createRoute({
        method: 'get',
        path: '/api/portal/me',
        tags,
        summary: "The patient's own profile and their program's 24-hour help line",
        responses: {
          200: jsonResponse(
            z
              .object({
                patient: Patient,
                program: z.object({ name: z.string(), helpLine: z.string().nullable() }).nullable(),
              })
              .openapi('PortalMe'),
            'My profile',
          ),
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const p = c.var.principal!;
      if (!p.patientId) throw AppError.forbidden();
      const patientId = p.patientId;
      const { db, now } = c.var.deps;
      const result = await db.tx(async (tx) => {
        const patient = await getPatient(tx, patientId);
        if (!patient) throw AppError.notFound('Your record');
        const program = await findSiteProgram(tx, patient.siteId);
        await appendAudit(
          tx,
          auditActor(c),
          [
            {
              action: 'portal.read_profile',
              entity: 'patient',
              entityId: patientId,
              patientId,
              siteId: patient.siteId,
            },
          ],
          now(),
        );
        return { patient: patientJson(patient), program: program ?? null };
      });
      return c.json(result, 200);
    },
  );
}
