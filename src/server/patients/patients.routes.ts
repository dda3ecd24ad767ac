import type { App } from '../platform/http/app-env';
import { undescribedConflict, undescribedConflicts } from '../platform/http/common.schema';
import { patientRoutes, siteRoutes } from '../platform/http/route-builder';
import { readPatientRecord } from '../platform/http/route-wrappers';
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
  const sites = siteRoutes(app, { tags });
  const patients = patientRoutes(app, { tags });

  sites.get(
    '/api/sites/{siteId}/patients',
    {
      permission: 'patient.census',
      summary: "The site's patient census, searchable by name, date of birth or MRN",
      query: CensusQuery,
      ok: [CensusPage, 'One page of patients'],
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

  sites.post(
    '/api/sites/{siteId}/patients',
    {
      permission: 'patient.create',
      status: 201,
      idempotent: true,
      etag: true,
      afterRollback: ({ audit }, error) => auditDuplicateCheck(audit, error),
      summary: 'Register a patient at a site (accepts Idempotency-Key)',
      body: CreatePatientRequest,
      ok: [Patient, 'Created'],
      responses: undescribedConflict,
    },
    async ({ tx, actor, site, now, auditEach }, { json }) =>
      registerPatient(tx, { siteId: site.id, actor, request: json, now, auditEach }),
  );

  patients.get(
    '/api/patients/{patientId}',
    {
      etag: true,
      permission: 'patient.read',
      summary: "A patient's demographics (ETag carries the version)",
      ok: [Patient, 'The patient'],
    },
    async ({ tx, patient, audit }) => {
      const found = await readPatientRecord(getPatient(tx, patient.id), 'The patient');
      await audit('patient.read', 'patient', found.id);
      return patientJson(found);
    },
  );

  patients.patch(
    '/api/patients/{patientId}',
    {
      versioned: true,
      permission: 'patient.update',
      summary: 'Change demographics; needs If-Match with the version read (409 when stale)',
      body: UpdatePatientRequest,
      ok: [Patient, 'Updated'],
      responses: undescribedConflicts,
    },
    async ({ tx, patient, version, now, audit }, { json }) => {
      return patientJson(
        await updateDemographics(tx, { patientId: patient.id, changes: json, version, now, audit }),
      );
    },
  );

  patients.post(
    '/api/patients/{patientId}/break-glass',
    {
      status: 201,
      permission: 'patient.break_glass',
      summary:
        'Emergency access to a patient outside your sites: reason required, 1 hour, flagged for review',
      body: BreakGlassRequest,
      ok: [BreakGlassResponse, 'Access granted for one hour'],
    },
    async ({ tx, actor, patient, deps, now, audit }, { json }) => {
      const seconds = deps.config.breakGlassSeconds;
      const grant = await breakTheGlass(tx, { patient, actor, reason: json.reason, seconds, now, audit });
      return { expiresAt: grant.expiresAt.toISOString(), id: grant.id };
    },
  );
}
