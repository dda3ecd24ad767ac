import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  PatientParams,
  UuidParam,
} from '../platform/http/common.schema';
import {
  definePatientRoute,
  type PatientContext,
  readPatientRecord,
  versionedUpdate,
} from '../platform/http/route-wrappers';
import { siteToday } from '../sites';
import { authorizationJson } from './authorization-json';
import { Authorization, AuthorizationList, AuthorizationRequest } from './authorizations.schema';
import { findAuthorization, listAuthorizations } from './authorizations.store';
import { changeAuthorization, recordAuthorization } from './record-authorization';

const tags = ['Billing'];
const AuthorizationParams = PatientParams.extend({ authorizationId: UuidParam('authorizationId') });

export function registerAuthorizationRoutes(app: App) {
  definePatientRoute(
    app,
    {
      permission: 'authorization.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/authorizations',
        tags,
        summary:
          "The patient's payer authorizations: units approved, used (from charges) and left, and alerts",
        request: { params: PatientParams },
        responses: { 200: jsonResponse(AuthorizationList, 'Authorizations'), ...errorResponses },
      }),
    },
    async ({ tx, patient, now, audit }) => {
      const rows = await listAuthorizations(tx, patient.id);
      const today = await siteToday(tx, patient.siteId, now);
      await audit('authorization.list', 'authorization', null);
      return { items: rows.map((row) => authorizationJson(row, today)) };
    },
  );

  definePatientRoute(
    app,
    {
      status: 201,
      idempotent: true,
      permission: 'authorization.write',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/authorizations',
        tags,
        summary:
          'Record an authorization for an episode and level of care (dates inclusive; no overlap for a service)',
        request: { params: PatientParams, body: jsonBody(AuthorizationRequest) },
        responses: { 201: jsonResponse(Authorization, 'Recorded'), ...errorResponses },
      }),
    },
    async (ctx, { json }) => {
      const id = await recordAuthorization(ctx.tx, { ...ctx, request: json });
      return answer(ctx, id);
    },
  );

  definePatientRoute(
    app,
    {
      versioned: true,
      permission: 'authorization.write',
      route: createRoute({
        method: 'put',
        path: '/api/patients/{patientId}/authorizations/{authorizationId}',
        tags,
        summary:
          'Change an authorization (approved, cut, extended, denied); needs If-Match; units never below those used',
        request: { params: AuthorizationParams, body: jsonBody(AuthorizationRequest) },
        responses: { 200: jsonResponse(Authorization, 'Changed'), ...errorResponses },
      }),
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
