import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  PatientParams,
  SiteParams,
  UuidParam,
} from '../platform/http/common.schema';
import { definePatientRoute, defineSiteRoute, readPatientRecord } from '../platform/http/route-wrappers';
import { breakTheGlass } from './break-the-glass';
import { parseCensusSearch } from './census-search';
import { patientJson } from './patient-json';
import {
  BreakGlassRequest,
  BreakGlassResponse,
  CensusPage,
  CensusQuery,
  CreatePatientRequest,
  Patient,
  UpdatePatientRequest,
} from './patients.schema';
import { getPatient, listCensus } from './patients.store';
import { auditDuplicateCheck, registerPatient } from './register-patient';
import { updateDemographics } from './update-demographics';

const tags = ['Patients'];

export function registerPatientRoutes(app: App) {
  defineSiteRoute(
    app,
    {
      permission: 'patient.census',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/patients',
        tags,
        summary: "The site's patient census, searchable by name, date of birth or MRN",
        request: { params: SiteParams, query: CensusQuery },
        responses: { 200: jsonResponse(CensusPage, 'One page of patients'), ...errorResponses },
      }),
    },
    async ({ tx, site, auditEach }, { query }) => {
      const { q, page, pageSize } = query;
      const found = await listCensus(tx, site.id, parseCensusSearch(q), page, pageSize);
      // Every patient shown is a disclosure to this user: one audit row each (one insert for the page).
      await auditEach(
        found.items.map((p) => ({
          action: 'patient.list',
          entity: 'patient',
          entityId: p.id,
          patientId: p.id,
          siteId: site.id,
        })),
      );
      return { items: found.items, page, pageSize, total: found.total };
    },
  );

  defineSiteRoute(
    app,
    {
      permission: 'patient.create',
      status: 201,
      idempotent: true,
      etag: true,
      // The refused probe leaves its trace after the create's transaction rolled back.
      afterRollback: ({ audit }, error) => auditDuplicateCheck(audit, error),
      route: createRoute({
        method: 'post',
        path: '/api/sites/{siteId}/patients',
        tags,
        summary: 'Register a patient at a site (accepts Idempotency-Key)',
        request: { params: SiteParams, body: jsonBody(CreatePatientRequest) },
        responses: {
          201: jsonResponse(Patient, 'Created'),
          409: errorResponses[422],
          ...errorResponses,
        },
      }),
    },
    async ({ tx, actor, site, now, auditEach }, { json }) =>
      registerPatient(tx, { siteId: site.id, actor, request: json, now, auditEach }),
  );

  definePatientRoute(
    app,
    {
      etag: true,
      permission: 'patient.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}',
        tags,
        summary: "A patient's demographics (ETag carries the version)",
        request: { params: PatientParams },
        responses: { 200: jsonResponse(Patient, 'The patient'), ...errorResponses },
      }),
    },
    async ({ tx, patient, audit }) => {
      const found = await readPatientRecord(getPatient(tx, patient.id), 'The patient');
      await audit('patient.read', 'patient', found.id);
      return patientJson(found);
    },
  );

  definePatientRoute(
    app,
    {
      versioned: true,
      permission: 'patient.update',
      route: createRoute({
        method: 'patch',
        path: '/api/patients/{patientId}',
        tags,
        summary: 'Change demographics; needs If-Match with the version read (409 when stale)',
        request: { params: PatientParams, body: jsonBody(UpdatePatientRequest) },
        responses: {
          200: jsonResponse(Patient, 'Updated'),
          409: errorResponses[422],
          428: errorResponses[422],
          ...errorResponses,
        },
      }),
    },
    async ({ tx, patient, version, now, audit }, { json }) => {
      return patientJson(
        await updateDemographics(tx, { patientId: patient.id, changes: json, version, now, audit }),
      );
    },
  );

  definePatientRoute(
    app,
    {
      status: 201,
      permission: 'patient.break_glass',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/break-glass',
        tags,
        summary:
          'Emergency access to a patient outside your sites: reason required, 1 hour, flagged for review',
        request: { params: PatientParams, body: jsonBody(BreakGlassRequest) },
        responses: {
          201: jsonResponse(BreakGlassResponse, 'Access granted for one hour'),
          ...errorResponses,
        },
      }),
    },
    async ({ tx, actor, patient, deps, now, audit }, { json }) => {
      const seconds = deps.config.breakGlassSeconds;
      const grant = await breakTheGlass(tx, { patient, actor, reason: json.reason, seconds, now, audit });
      return { expiresAt: grant.expiresAt.toISOString(), id: grant.id };
    },
  );
}
