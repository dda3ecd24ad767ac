import { createRoute, z } from '@hono/zod-openapi';
import { getPatient, Patient, patientJson } from '../patients';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { patientRoutes, portalRoutes } from '../platform/http/route-builder';
import { readPatientRecord } from '../platform/http/route-wrappers';
import { Password } from '../sign-in';
import { acceptInvitation, openInvitation } from './accept-invitation';
import { inviteToPortal } from './invite-to-portal';
import { findSiteProgram, revokeOpenInvitations } from './portal.store';

const tags = ['Portal'];
const TokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not an invitation token.')
    .openapi({ param: { name: 'token', in: 'path' } }),
});

export function registerPortalRoutes(app: App) {
  const patients = patientRoutes(app, { tags });
  const portal = portalRoutes(app, { tags });

  patients.post(
    '/api/patients/{patientId}/portal-invitations',
    {
      status: 201,
      permission: 'portal.invite',
      summary:
        'Invite the patient to the portal: a one-time link, valid 7 days; earlier unused links stop working',
      ok: [z.object({ inviteUrl: z.string(), expiresAt: z.string() }).openapi('PortalInvitation'), 'Created'],
    },
    async ({ c, tx, actor, patient, deps, now, audit }) => {
      const { token, expiresAt } = await inviteToPortal(tx, { patient, actor, now, audit });
      const origin = deps.config.publicUrl ?? new URL(c.req.url).origin;
      return { inviteUrl: `${origin}/portal/invite/${token}`, expiresAt: expiresAt.toISOString() };
    },
  );

  patients.post(
    '/api/patients/{patientId}/portal-invitations/revoke',
    {
      permission: 'portal.invite',
      summary:
        "Revoke the patient's unused portal links (body: {}); a revoked link answers like an unknown one",
      body: z.strictObject({}).openapi('RevokePortalInvitations'),
      ok: [z.object({ revoked: z.number() }).openapi('RevokedPortalInvitations'), 'Revoked'],
    },
    async ({ tx, actor, patient, now, audit }) => {
      const ids = await revokeOpenInvitations(tx, patient.id, actor.userId, now);
      await audit('portal.invite_revoke', 'portal_invitation', null, { revokedInvitationIds: ids });
      return { revoked: ids.length };
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
      const found = await openInvitation(c.var.deps, c.req.valid('param').token);
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
      const csrfToken = await acceptInvitation(c, c.req.valid('param').token, c.req.valid('json'));
      return c.json({ next: 'done' as const, csrfToken }, 200);
    },
  );

  portal.get(
    '/api/portal/me',
    {
      permission: 'portal.self',
      summary: "The patient's own profile and their program's 24-hour help line",
      ok: [
        z
          .object({
            patient: Patient,
            program: z.object({ name: z.string(), helpLine: z.string().nullable() }).nullable(),
          })
          .openapi('PortalMe'),
        'My profile',
      ],
    },
    async ({ tx, self, auditAt }) => {
      const patient = await readPatientRecord(getPatient(tx, self.patientId), 'Your record');
      const program = await findSiteProgram(tx, patient.siteId);
      await auditAt(patient.siteId)('portal.read_profile', 'patient', self.patientId);
      return { patient: patientJson(patient), program: program ?? null };
    },
  );
}
