import type { App } from '../platform/http/app-env';
import { patientParams } from '../platform/http/common.schema';
import { patientRoutes } from '../platform/http/route-builder';
import { type PatientContext, readPatientRecord, versionedUpdate } from '../platform/http/route-wrappers';
import { siteToday } from '../sites';
import { authorizationJson } from './authorization-json';
import { Authorization, AuthorizationList, AuthorizationRequest } from './authorizations.schema';
import { findAuthorization, listAuthorizations } from './authorizations.store';
import { changeAuthorization, recordAuthorization } from './record-authorization';

const AuthorizationParams = patientParams('authorizationId');

export function registerAuthorizationRoutes(app: App) {
  const patients = patientRoutes(app, { tags: ['Billing'] });

  patients.get(
    '/api/patients/{patientId}/authorizations',
    {
      permission: 'authorization.read',
      summary: "The patient's payer authorizations: units approved, used (from charges) and left, and alerts",
      ok: [AuthorizationList, 'Authorizations'],
    },
    async ({ tx, patient, now, audit }) => {
      const rows = await listAuthorizations(tx, patient.id);
      const today = await siteToday(tx, patient.siteId, now);
      await audit('authorization.list', 'authorization', null);
      return { items: rows.map((row) => authorizationJson(row, today)) };
    },
  );

  patients.post(
    '/api/patients/{patientId}/authorizations',
    {
      status: 201,
      idempotent: true,
      permission: 'authorization.write',
      summary:
        'Record an authorization for an episode and level of care (dates inclusive; no overlap for a service)',
      body: AuthorizationRequest,
      ok: [Authorization, 'Recorded'],
    },
    async (ctx, { json }) => {
      const id = await recordAuthorization(ctx.tx, { ...ctx, request: json });
      return answer(ctx, id);
    },
  );

  patients.put(
    '/api/patients/{patientId}/authorizations/{authorizationId}',
    {
      versioned: true,
      permission: 'authorization.write',
      summary:
        'Change an authorization (approved, cut, extended, denied); needs If-Match; units never below those used',
      params: AuthorizationParams,
      body: AuthorizationRequest,
      ok: [Authorization, 'Changed'],
    },
    async (ctx, { param, json }) => {
      const current = await readPatientRecord(
        findAuthorization(ctx.tx, ctx.patient.id, param.authorizationId),
        'The authorization',
      );
      const id = await versionedUpdate(
        changeAuthorization(ctx.tx, { ...ctx, request: json, current, version: ctx.version }),
        current,
      );
      return answer(ctx, id);
    },
  );
}

/** The saved authorization as the API shows it. */
async function answer(ctx: PatientContext<boolean>, id: string) {
  const saved = await readPatientRecord(findAuthorization(ctx.tx, ctx.patient.id, id), 'The authorization');
  return authorizationJson(saved, await siteToday(ctx.tx, ctx.patient.siteId, ctx.now));
}
