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
  defineUserRoute,
  readPatientRecord,
  versionedUpdate,
} from '../platform/http/route-wrappers';
import { coverageJson, payerJson } from './coverage-json';
import { Coverage, CoverageList, CoverageRequest, Payer, PayerList, PayerRequest } from './coverages.schema';
import { findPayer, listCoverages, listPayers } from './coverages.store';
import { changeCoverage, recordCoverage } from './record-coverage';
import { addPayer, changePayer } from './save-payer';

const tags = ['Billing'];
const PayerParams = z.object({ payerId: UuidParam('payerId') });
const CoverageParams = PatientParams.extend({ coverageId: UuidParam('coverageId') });

export function registerCoverageRoutes(app: App) {
  defineUserRoute(
    app,
    {
      permission: 'payer.read',
      route: createRoute({
        method: 'get',
        path: '/api/payers',
        tags,
        summary:
          "The organization's payer directory: claim type, authorization and review rules, filing limit",
        responses: { 200: jsonResponse(PayerList, 'Payers'), ...errorResponses },
      }),
    },
    async ({ tx, actor }) => ({ items: (await listPayers(tx, actor.organizationId)).map(payerJson) }),
  );

  defineUserRoute(
    app,
    {
      status: 201,
      idempotent: true,
      permission: 'payer.write',
      route: createRoute({
        method: 'post',
        path: '/api/payers',
        tags,
        summary: 'Add a payer to the directory (a payer id is listed once)',
        request: { body: jsonBody(PayerRequest) },
        responses: { 201: jsonResponse(Payer, 'Added'), ...errorResponses },
      }),
    },
    async ({ tx, actor, now, audit }, { json }) =>
      payerJson(await addPayer(tx, { actor, request: json, now, audit })),
  );

  defineUserRoute(
    app,
    {
      versioned: true,
      permission: 'payer.write',
      route: createRoute({
        method: 'put',
        path: '/api/payers/{payerId}',
        tags,
        summary: 'Change a payer; needs If-Match with the version read (409 when stale)',
        request: { params: PayerParams, body: jsonBody(PayerRequest) },
        responses: { 200: jsonResponse(Payer, 'Changed'), ...errorResponses },
      }),
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

  definePatientRoute(
    app,
    {
      permission: 'coverage.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/coverages',
        tags,
        summary: "The patient's insurance coverages, newest first",
        request: { params: PatientParams },
        responses: { 200: jsonResponse(CoverageList, 'Coverages'), ...errorResponses },
      }),
    },
    async ({ tx, patient, audit }) => {
      const rows = await listCoverages(tx, patient.id);
      await audit('coverage.list', 'coverage', null);
      return { items: rows.map(coverageJson) };
    },
  );

  definePatientRoute(
    app,
    {
      status: 201,
      idempotent: true,
      permission: 'coverage.write',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/coverages',
        tags,
        summary:
          'Record a coverage: payer, rank, member and group ids, subscriber, dates (no overlap within a rank)',
        request: { params: PatientParams, body: jsonBody(CoverageRequest) },
        responses: { 201: jsonResponse(Coverage, 'Recorded'), ...errorResponses },
      }),
    },
    async ({ tx, patient, actor, now, audit }, { json }) => {
      const id = await recordCoverage(tx, { patient, actor, now, audit, request: json });
      const [row] = await listCoverages(tx, patient.id, id);
      return coverageJson(await readPatientRecord(Promise.resolve(row), 'The coverage'));
    },
  );

  definePatientRoute(
    app,
    {
      versioned: true,
      permission: 'coverage.write',
      route: createRoute({
        method: 'put',
        path: '/api/patients/{patientId}/coverages/{coverageId}',
        tags,
        summary: 'Change a coverage (end it, correct ids); needs If-Match with the version read',
        request: { params: CoverageParams, body: jsonBody(CoverageRequest) },
        responses: { 200: jsonResponse(Coverage, 'Changed'), ...errorResponses },
      }),
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
