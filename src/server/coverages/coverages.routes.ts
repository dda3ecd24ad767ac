import { z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { patientParams, UuidParam } from '../platform/http/common.schema';
import { patientRoutes, userRoutes } from '../platform/http/route-builder';
import { readPatientRecord, versionedUpdate } from '../platform/http/route-wrappers';
import { coverageJson, payerJson } from './coverage-json';
import { Coverage, CoverageList, CoverageRequest, Payer, PayerList, PayerRequest } from './coverages.schema';
import { findPayer, listCoverages, listPayers } from './coverages.store';
import { changeCoverage, recordCoverage } from './record-coverage';
import { addPayer, changePayer } from './save-payer';

const tags = ['Billing'];
const PayerParams = z.object({ payerId: UuidParam('payerId') });
const CoverageParams = patientParams('coverageId');

export function registerCoverageRoutes(app: App) {
  const users = userRoutes(app, { tags });
  const patients = patientRoutes(app, { tags });

  users.get(
    '/api/payers',
    {
      permission: 'payer.read',
      summary: "The organization's payer directory: claim type, authorization and review rules, filing limit",
      ok: [PayerList, 'Payers'],
    },
    async ({ tx, actor }) => ({ items: (await listPayers(tx, actor.organizationId)).map(payerJson) }),
  );

  users.post(
    '/api/payers',
    {
      status: 201,
      idempotent: true,
      permission: 'payer.write',
      summary: 'Add a payer to the directory (a payer id is listed once)',
      body: PayerRequest,
      ok: [Payer, 'Added'],
    },
    async ({ tx, actor, now, audit }, { json }) =>
      payerJson(await addPayer(tx, { actor, request: json, now, audit })),
  );

  users.put(
    '/api/payers/{payerId}',
    {
      versioned: true,
      permission: 'payer.write',
      summary: 'Change a payer; needs If-Match with the version read (409 when stale)',
      params: PayerParams,
      body: PayerRequest,
      ok: [Payer, 'Changed'],
    },
    async ({ tx, actor, now, audit, version }, { param, json }) => {
      const current = await readPatientRecord(
        findPayer(tx, actor.organizationId, param.payerId),
        'The payer',
      );
      const saved = await versionedUpdate(
        changePayer(tx, { actor, request: json, now, audit, payerId: current.id, version }),
        current,
      );
      return payerJson(saved);
    },
  );

  patients.get(
    '/api/patients/{patientId}/coverages',
    {
      permission: 'coverage.read',
      summary: "The patient's insurance coverages, newest first",
      ok: [CoverageList, 'Coverages'],
    },
    async ({ tx, patient, audit }) => {
      const rows = await listCoverages(tx, patient.id);
      await audit('coverage.list', 'coverage', null);
      return { items: rows.map(coverageJson) };
    },
  );

  patients.post(
    '/api/patients/{patientId}/coverages',
    {
      status: 201,
      idempotent: true,
      permission: 'coverage.write',
      summary:
        'Record a coverage: payer, rank, member and group ids, subscriber, dates (no overlap within a rank)',
      body: CoverageRequest,
      ok: [Coverage, 'Recorded'],
    },
    async ({ tx, patient, actor, now, audit }, { json }) => {
      const id = await recordCoverage(tx, { patient, actor, now, audit, request: json });
      const [row] = await listCoverages(tx, patient.id, id);
      return coverageJson(await readPatientRecord(Promise.resolve(row), 'The coverage'));
    },
  );

  patients.put(
    '/api/patients/{patientId}/coverages/{coverageId}',
    {
      versioned: true,
      permission: 'coverage.write',
      summary: 'Change a coverage (end it, correct ids); needs If-Match with the version read',
      params: CoverageParams,
      body: CoverageRequest,
      ok: [Coverage, 'Changed'],
    },
    async ({ tx, patient, actor, now, audit, version }, { param, json }) => {
      const [found] = await listCoverages(tx, patient.id, param.coverageId);
      const current = await readPatientRecord(Promise.resolve(found), 'The coverage');
      const id = await versionedUpdate(
        changeCoverage(tx, { patient, actor, now, audit, request: json, coverageId: current.id, version }),
        current,
      );
      const [row] = await listCoverages(tx, patient.id, id);
      return coverageJson(await readPatientRecord(Promise.resolve(row), 'The coverage'));
    },
  );
}
