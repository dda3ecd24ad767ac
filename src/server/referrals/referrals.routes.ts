import { createRoute, z } from '@hono/zod-openapi';
import { InputError, scoreInstrument } from '../../domain/instruments';
import { type CssrsRisk, ruleOutForIop } from '../../domain/placement/intake-rule-outs';
import { AppError } from '../platform/errors';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { idempotent } from '../platform/http/idempotency';
import { auditPatient } from '../platform/http/patient-audit';
import {
  CreateReferralRequest,
  CreateScreeningRequest,
  Referral,
  ReferralList,
  Screening,
} from './referrals.schema';
import {
  findSiteProgram,
  insertReferral,
  insertScreening,
  listReferrals,
  listScreenings,
  type ReferralRow,
  type ScreeningRow,
} from './referrals.store';

const tags = ['Intake'];
const PatientParams = z.object({ patientId: UuidParam('patientId') });
const ReferralParams = PatientParams.extend({ referralId: UuidParam('referralId') });

function screeningJson(s: ScreeningRow): z.infer<typeof Screening> {
  const scored = (answers: Record<string, number> | null, total: number | null, band: string | null) =>
    answers && total !== null && band ? { answers, total, band } : null;
  return {
    id: s.id,
    referralId: s.referralId,
    edition: s.edition,
    ciwaAr: scored(s.ciwaArAnswers, s.ciwaArTotal, s.ciwaArBand),
    cows: scored(s.cowsAnswers, s.cowsTotal, s.cowsBand),
    cssrs: s.cssrsAnswers && s.cssrsRisk ? { answers: s.cssrsAnswers, risk: s.cssrsRisk } : null,
    flags: s.flags,
    thresholds: s.thresholds,
    ruleOut: s.ruleOut,
    screenedBy: s.screenedBy,
    screenedAt: s.screenedAt.toISOString(),
  };
}

function referralJson(r: ReferralRow, screenings: ScreeningRow[]): z.infer<typeof Referral> {
  return {
    id: r.id,
    patientId: r.patientId,
    siteId: r.siteId,
    programId: r.programId,
    programName: r.programName,
    source: r.source,
    referrerName: r.referrerName,
    referredOn: r.referredOn,
    substances: r.substances,
    medicalFlags: r.medicalFlags,
    psychiatricFlags: r.psychiatricFlags,
    recoveryEnvironmentUnsafe: r.recoveryEnvironmentUnsafe,
    note: r.note,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    screenings: screenings.filter((s) => s.referralId === r.id).map(screeningJson),
  };
}

/** Scores one instrument's answers; a bad answer is named under the request field (`ciwaAr.item3`). */
function score(field: string, instrumentId: string, answers: Record<string, number>) {
  try {
    return scoreInstrument(instrumentId, answers);
  } catch (err) {
    if (err instanceof InputError) {
      throw AppError.validation(
        err.fields.map((f) => ({
          path: `${field}.${f.path.replace(/^answers\./, '')}`,
          message: f.message,
        })),
      );
    }
    throw err;
  }
}

export function registerReferralRoutes(app: App) {
  defineRoute(
    app,
    {
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
    async (c) => {
      const access = c.var.patientAccess!;
      const body = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const answer = await db.tx((tx) =>
        idempotent(c, tx, body, async () => {
          const program = await findSiteProgram(tx, access.siteId, body.programId);
          if (!program) {
            throw AppError.validation([
              { path: 'programId', message: "Not a program of the patient's site." },
            ]);
          }
          const id = await insertReferral(tx, {
            organizationId: p.organizationId,
            siteId: access.siteId,
            patientId: access.patientId,
            programId: body.programId,
            source: body.source,
            referrerName: body.referrerName ?? null,
            referredOn: body.referredOn,
            substances: body.substances.map((s) => ({
              substance: s.substance,
              lastUseOn: s.lastUseOn ?? null,
              route: s.route ?? null,
            })),
            medicalFlags: { ...body.medicalFlags, note: body.medicalFlags.note ?? null },
            psychiatricFlags: { ...body.psychiatricFlags, note: body.psychiatricFlags.note ?? null },
            recoveryEnvironmentUnsafe: body.recoveryEnvironmentUnsafe,
            note: body.note ?? null,
            createdBy: p.userId,
            createdAt: now(),
          });
          await auditPatient(c, tx, { action: 'referral.create', entity: 'referral', entityId: id });
          const [created] = await listReferrals(tx, access.patientId, id);
          return { status: 201, body: referralJson(created!, []) };
        }),
      );
      return c.json(answer.body as z.infer<typeof Referral>, 201);
    },
  );

  defineRoute(
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
    async (c) => {
      const access = c.var.patientAccess!;
      const { db } = c.var.deps;
      const items = await db.tx(async (tx) => {
        const rows = await listReferrals(tx, access.patientId);
        const screenings = await listScreenings(
          tx,
          rows.map((r) => r.id),
        );
        await auditPatient(c, tx, { action: 'referral.list', entity: 'referral', entityId: null });
        return rows.map((r) => referralJson(r, screenings));
      });
      return c.json({ items }, 200);
    },
  );

  defineRoute(
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
    async (c) => {
      const access = c.var.patientAccess!;
      const { referralId } = c.req.valid('param');
      const { db } = c.var.deps;
      const referral = await db.tx(async (tx) => {
        const [row] = await listReferrals(tx, access.patientId, referralId);
        if (!row) throw AppError.notFound('The referral');
        const screenings = await listScreenings(tx, [row.id]);
        await auditPatient(c, tx, { action: 'referral.read', entity: 'referral', entityId: row.id });
        return referralJson(row, screenings);
      });
      return c.json(referral, 200);
    },
  );

  defineRoute(
    app,
    {
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
    async (c) => {
      const access = c.var.patientAccess!;
      const { referralId } = c.req.valid('param');
      const body = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const ciwa = body.ciwaAr ? score('ciwaAr', 'ciwa-ar', body.ciwaAr) : null;
      const cows = body.cows ? score('cows', 'cows', body.cows) : null;
      const cssrs = body.cssrs ? score('cssrs', 'c-ssrs-screener', body.cssrs) : null;
      const answer = await db.tx((tx) =>
        idempotent(c, tx, body, async () => {
          const [referral] = await listReferrals(tx, access.patientId, referralId);
          if (!referral) throw AppError.notFound('The referral');
          const program = await findSiteProgram(tx, referral.siteId, referral.programId);
          const thresholds = {
            ciwaArAbove: program?.ciwaArAbove ?? 15,
            cowsAtLeast: program?.cowsAtLeast ?? 13,
          };
          const flags = {
            withdrawalComplicationRisk:
              body.withdrawalComplicationRisk ?? referral.medicalFlags.withdrawalComplicationRisk,
            medicallyUnstable: body.medicallyUnstable ?? referral.medicalFlags.medicallyUnstable,
            acutePsychiatricSymptoms:
              body.acutePsychiatricSymptoms ?? referral.psychiatricFlags.acutePsychiatricSymptoms,
            recoveryEnvironmentUnsafe: body.recoveryEnvironmentUnsafe ?? referral.recoveryEnvironmentUnsafe,
          };
          const ruleOut = ruleOutForIop(
            {
              ciwaArTotal: ciwa?.total ?? null,
              cowsTotal: cows?.total ?? null,
              cssrsRisk: (cssrs?.band.id as CssrsRisk | undefined) ?? null,
              ...flags,
            },
            thresholds,
            body.edition,
          );
          const row = await insertScreening(tx, {
            organizationId: p.organizationId,
            siteId: referral.siteId,
            patientId: access.patientId,
            referralId,
            edition: body.edition,
            ciwaArAnswers: body.ciwaAr ?? null,
            ciwaArTotal: ciwa?.total ?? null,
            ciwaArBand: ciwa?.band.id ?? null,
            cowsAnswers: body.cows ?? null,
            cowsTotal: cows?.total ?? null,
            cowsBand: cows?.band.id ?? null,
            cssrsAnswers: body.cssrs ?? null,
            cssrsRisk: cssrs?.band.id ?? null,
            flags,
            thresholds,
            outcome: ruleOut.outcome,
            ruleOut,
            screenedBy: p.userId,
            screenedAt: now(),
          });
          await auditPatient(c, tx, {
            action: 'screening.create',
            entity: 'intake_screening',
            entityId: row.id,
            detail: { outcome: ruleOut.outcome },
          });
          return { status: 201, body: screeningJson(row) };
        }),
      );
      return c.json(answer.body as z.infer<typeof Screening>, 201);
    },
  );
}
