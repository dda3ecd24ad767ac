import type { App } from '../platform/http/app-env';
import { patientParams } from '../platform/http/common.schema';
import { patientRoutes } from '../platform/http/route-builder';
import { readPatientRecord } from '../platform/http/route-wrappers';
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

const ReferralParams = patientParams('referralId');

export function registerReferralRoutes(app: App) {
  const patients = patientRoutes(app, { tags: ['Intake'] });

  patients.post(
    '/api/patients/{patientId}/referrals',
    {
      status: 201,
      idempotent: true,
      permission: 'referral.write',
      summary: 'Record a referral: source, date, presenting substances, medical and psychiatric flags',
      body: CreateReferralRequest,
      ok: [Referral, 'Created'],
    },
    async ({ tx, actor, patient, now, audit }, { json }) => {
      const id = await recordReferral(tx, { patient, actor, request: json, now, audit });
      const [created] = await listReferrals(tx, patient.id, id);
      return referralJson(await readPatientRecord(Promise.resolve(created), 'The referral'), []);
    },
  );

  patients.get(
    '/api/patients/{patientId}/referrals',
    {
      permission: 'referral.read',
      summary: "The patient's referrals, newest first, each with its screenings",
      ok: [ReferralList, 'Referrals'],
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

  patients.get(
    '/api/patients/{patientId}/referrals/{referralId}',
    {
      permission: 'referral.read',
      summary: 'One referral with its screenings',
      params: ReferralParams,
      ok: [Referral, 'The referral'],
    },
    async ({ tx, patient, audit }, { param }) => {
      const [found] = await listReferrals(tx, patient.id, param.referralId);
      const row = await readPatientRecord(Promise.resolve(found), 'The referral');
      const screenings = await listScreenings(tx, [row.id]);
      await audit('referral.read', 'referral', row.id);
      return referralJson(row, screenings);
    },
  );

  patients.post(
    '/api/patients/{patientId}/referrals/{referralId}/screenings',
    {
      status: 201,
      idempotent: true,
      permission: 'referral.write',
      summary:
        "Intake screen: CIWA-Ar, COWS and C-SSRS answers scored item by item, and the rule-out with the program's thresholds",
      params: ReferralParams,
      body: CreateScreeningRequest,
      ok: [Screening, 'Screened'],
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
