import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  PatientParams,
  UuidParam,
} from '../platform/http/common.schema';
import { definePatientRoute, readPatientRecord } from '../platform/http/route-wrappers';
import { recordReferral } from './record-referral';
import { referralJson, screeningJson } from './referral-json';
import {
  CreateReferralRequest,
  CreateScreeningRequest,
  Referral,
  ReferralList,
  Screening,
} from './referrals.schema';
import { listReferrals, listScreenings } from './referrals.store';
import { screenReferral } from './screen-referral';

const tags = ['Intake'];
const ReferralParams = PatientParams.extend({ referralId: UuidParam('referralId') });

export function registerReferralRoutes(app: App) {
  definePatientRoute(
    app,
    {
      status: 201,
      idempotent: true,
      permission: 'referral.write',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/referrals',
        tags,
        summary: 'Record a referral: source, date, presenting substances, medical and psychiatric flags',
        request: { params: PatientParams, body: jsonBody(CreateReferralRequest) },
        responses: { 201: jsonResponse(Referral, 'Created'), ...errorResponses },
      }),
    },
    async ({ tx, actor, patient, now, audit }, { json }) => {
      const id = await recordReferral(tx, { patient, actor, request: json, now, audit });
      const [created] = await listReferrals(tx, patient.id, id);
      return referralJson(await readPatientRecord(Promise.resolve(created), 'The referral'), []);
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'referral.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/referrals',
        tags,
        summary: "The patient's referrals, newest first, each with its screenings",
        request: { params: PatientParams },
        responses: { 200: jsonResponse(ReferralList, 'Referrals'), ...errorResponses },
      }),
    },
    async ({ tx, patient, audit }) => {
      const rows = await listReferrals(tx, patient.id);
      const screenings = await listScreenings(
        tx,
        rows.map((r) => r.id),
      );
      await audit('referral.list', 'referral', null);
      return { items: rows.map((r) => referralJson(r, screenings)) };
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'referral.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/referrals/{referralId}',
        tags,
        summary: 'One referral with its screenings',
        request: { params: ReferralParams },
        responses: { 200: jsonResponse(Referral, 'The referral'), ...errorResponses },
      }),
    },
    async ({ tx, patient, audit }, { param }) => {
      const [found] = await listReferrals(tx, patient.id, param.referralId);
      const row = await readPatientRecord(Promise.resolve(found), 'The referral');
      const screenings = await listScreenings(tx, [row.id]);
      await audit('referral.read', 'referral', row.id);
      return referralJson(row, screenings);
    },
  );

  definePatientRoute(
    app,
    {
      status: 201,
      idempotent: true,
      permission: 'referral.write',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/referrals/{referralId}/screenings',
        tags,
        summary:
          "Intake screen: CIWA-Ar, COWS and C-SSRS answers scored item by item, and the rule-out with the program's thresholds",
        request: { params: ReferralParams, body: jsonBody(CreateScreeningRequest) },
        responses: { 201: jsonResponse(Screening, 'Screened'), ...errorResponses },
      }),
    },
    async ({ tx, actor, patient, now, audit }, { param, json }) => {
      const { referralId } = param;
      const row = await screenReferral(tx, {
        patientId: patient.id,
        referralId,
        request: json,
        actor,
        now,
        audit,
      });
      return screeningJson(row);
    },
  );
}
