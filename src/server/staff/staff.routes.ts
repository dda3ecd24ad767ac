import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { userRoutes } from '../platform/http/route-builder';
import { readPatientRecord, versionedUpdate } from '../platform/http/route-wrappers';
import { acceptStaffInvitation, openStaffInvitation } from './accept-staff-invitation';
import {
  deactivateStaffMember,
  reactivateStaffMember,
  resetAuthenticator,
  unlockStaffMember,
} from './account-actions';
import { changeStaffMember } from './change-staff-member';
import { inviteStaffMember, reissueStaffInvitation } from './invite-staff';
import {
  AcceptStaffInvitation,
  CreatedStaffMember,
  InvitationTokenParams,
  NoBody,
  OpenStaffInvitation,
  ResetAuthenticatorRequest,
  StaffChangeRequest,
  StaffCreateRequest,
  StaffInvitation,
  StaffList,
  StaffMember,
  StaffParams,
  StaffQuery,
} from './staff.schema';
import { findStaff, listStaff } from './staff.store';
import { staffJson } from './staff-json';

const tags = ['Staff administration'];

type Acting = Parameters<typeof inviteStaffMember>[2];
type StaffAction = (
  tx: Parameters<typeof inviteStaffMember>[0],
  staff: NonNullable<Awaited<ReturnType<typeof findStaff>>>,
  acting: Acting,
) => Promise<void>;

const inviteUrl = (origin: string, token: string) => `${origin}/staff-invite/${token}`;

export function registerStaffRoutes(app: App) {
  const users = userRoutes(app, { tags });

  users.get(
    '/api/staff',
    {
      permission: 'staff.read',
      summary: "The organization's staff, by name; filter by site, role and active",
      query: StaffQuery,
      ok: [StaffList, 'Staff'],
    },
    async ({ tx, actor, now, audit }, { query }) => {
      const active = query.active === undefined ? undefined : query.active === 'true';
      const rows = await listStaff(tx, actor.organizationId, { ...query, active });
      await audit('staff.list', 'user', null);
      return { items: rows.map((row) => staffJson(row, now)) };
    },
  );

  users.get(
    '/api/staff/{userId}',
    {
      permission: 'staff.read',
      etag: true,
      summary: 'One staff member (ETag: the version to send as If-Match when changing them)',
      params: StaffParams,
      ok: [StaffMember, 'Staff member'],
    },
    async ({ tx, actor, now }, { param }) =>
      staffJson(
        await readPatientRecord(findStaff(tx, actor.organizationId, param.userId), 'The staff member'),
        now,
      ),
  );

  users.post(
    '/api/staff',
    {
      status: 201,
      idempotent: true,
      permission: 'staff.write',
      etag: (body) => body.staff.version,
      summary:
        'Add a staff member and answer their one-time invitation link (7 days) to choose a password; an authenticator is enrolled at first sign-in',
      body: StaffCreateRequest,
      ok: [CreatedStaffMember, 'Added'],
    },
    async ({ c, tx, actor, deps, now, audit }, { json }) => {
      const created = await inviteStaffMember(tx, json, { actor, now, audit });
      const staff = await readPatientRecord(
        findStaff(tx, actor.organizationId, created.id),
        'The staff member',
      );
      const origin = deps.config.publicUrl ?? new URL(c.req.url).origin;
      return {
        staff: staffJson(staff, now),
        invitation: {
          inviteUrl: inviteUrl(origin, created.token),
          expiresAt: created.expiresAt.toISOString(),
        },
      };
    },
  );

  users.put(
    '/api/staff/{userId}',
    {
      versioned: true,
      permission: 'staff.write',
      summary: 'Change role, sites, supervisor, credentials, licence; needs If-Match with the version read',
      params: StaffParams,
      body: StaffChangeRequest,
      ok: [StaffMember, 'Changed'],
    },
    async ({ tx, actor, now, audit, version }, { param, json }) => {
      const current = await readPatientRecord(
        findStaff(tx, actor.organizationId, param.userId),
        'The staff member',
      );
      await versionedUpdate(changeStaffMember(tx, current, json, version, { actor, now, audit }), current);
      return staffJson(
        await readPatientRecord(findStaff(tx, actor.organizationId, current.id), 'The staff member'),
        now,
      );
    },
  );

  users.post(
    '/api/staff/{userId}/invitation',
    {
      permission: 'staff.write',
      summary:
        'A new invitation link for someone who has not chosen a password yet (earlier links stop working)',
      params: StaffParams,
      body: NoBody,
      ok: [StaffInvitation, 'A new link'],
    },
    async ({ c, tx, actor, deps, now, audit }, { param }) => {
      const { token, expiresAt } = await reissueStaffInvitation(tx, param.userId, { actor, now, audit });
      const origin = deps.config.publicUrl ?? new URL(c.req.url).origin;
      return { inviteUrl: inviteUrl(origin, token), expiresAt: expiresAt.toISOString() };
    },
  );

  const action = (
    name: string,
    summary: string,
    body: typeof NoBody | typeof ResetAuthenticatorRequest,
    run: (json: { reason?: string }) => StaffAction,
  ) =>
    users.post(
      `/api/staff/{userId}/${name}`,
      {
        permission: 'staff.write',
        summary: summary,
        params: StaffParams,
        body: body,
        ok: [StaffMember, 'Done'],
      },
      async ({ tx, actor, now, audit }, { param, json }) => {
        const staff = await readPatientRecord(
          findStaff(tx, actor.organizationId, param.userId),
          'The staff member',
        );
        await run(json as { reason?: string })(tx, staff, { actor, now, audit });
        return staffJson(
          await readPatientRecord(findStaff(tx, actor.organizationId, staff.id), 'The staff member'),
          now,
        );
      },
    );

  action(
    'deactivate',
    'Deactivate: their sessions end now and they cannot sign in (not your own account)',
    NoBody,
    () => deactivateStaffMember,
  );
  action('reactivate', 'Reactivate a deactivated account', NoBody, () => reactivateStaffMember);
  action(
    'unlock',
    'Lift a sign-in lock (too many wrong passwords or codes)',
    NoBody,
    () => unlockStaffMember,
  );
  action(
    'reset-authenticator',
    'Remove the authenticator and recovery codes (a written reason is audited); the next sign-in enrols a new one',
    ResetAuthenticatorRequest,
    (json) => (tx, staff, acting) => resetAuthenticator(tx, staff, json.reason ?? '', acting),
  );

  defineRoute(
    app,
    {
      permission: 'public',
      route: createRoute({
        method: 'get',
        path: '/api/staff-invitations/{token}',
        tags,
        summary: 'Check a staff invitation link before choosing a password',
        request: { params: InvitationTokenParams },
        responses: { 200: jsonResponse(OpenStaffInvitation, 'Valid'), ...errorResponses },
      }),
    },
    async (c) => {
      const found = await openStaffInvitation(c.var.deps, c.req.valid('param').token);
      return c.json(
        {
          displayName: found.user.displayName,
          email: found.user.email,
          expiresAt: found.invitation.expiresAt.toISOString(),
        },
        200,
      );
    },
  );

  defineRoute(
    app,
    {
      permission: 'public',
      route: createRoute({
        method: 'post',
        path: '/api/staff-invitations/{token}/accept',
        tags,
        summary: 'Choose a password with the invitation (used once); signs in, next: enrol an authenticator',
        request: { params: InvitationTokenParams, body: jsonBody(AcceptStaffInvitation) },
        responses: {
          200: jsonResponse(
            z
              .object({ next: z.enum(['mfa', 'enrol-mfa', 'done']), csrfToken: z.string() })
              .openapi('AcceptedStaffInvitation'),
            'Signed in',
          ),
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const answer = await acceptStaffInvitation(c, c.req.valid('param').token, c.req.valid('json').password);
      return c.json(answer, 200);
    },
  );
}
