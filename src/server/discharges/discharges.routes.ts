import { createRoute, type z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { DISCHARGE_REASONS, dischargeFieldErrors } from '../../domain/episodes/discharge';
import { type EpisodeStatus, transition } from '../../domain/episodes/episode-status';
import { findLevel } from '../../domain/placement/levels-of-care';
import { EpisodeParams, findEpisode, updateEpisode } from '../episodes';
import { withReadableFields } from '../platform/access/permissions';
import { appendAudit } from '../platform/audit/audit';
import { AppError, type FieldError } from '../platform/errors';
import type { App } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { errorResponses, jsonBody, jsonResponse } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { auditPatient } from '../platform/http/patient-audit';
import { etag, requiredVersion, staleVersion } from '../platform/http/versioning';
import { siteToday } from '../sites';
import { Discharge, DischargeRequest, PortalAftercare } from './discharges.schema';
import {
  type DischargeRow,
  getDischargeOfEpisode,
  insertDischarge,
  latestDischarge,
} from './discharges.store';
import type { AftercarePlanRecord } from './discharges.table';

const tags = ['Discharges'];

function dischargeJson(d: DischargeRow): z.infer<typeof Discharge> {
  const reason = DISCHARGE_REASONS.find((r) => r.code === d.reasonCode)!;
  return {
    id: d.id,
    episodeId: d.episodeId,
    patientId: d.patientId,
    dischargedOn: d.dischargedOn,
    reason: { code: reason.code, key: reason.key, label: reason.label },
    levelAtDischarge: d.levelAtDischarge,
    summary: d.summary,
    referralTo: d.referralTo,
    nextLevel: d.nextLevel,
    aftercare: d.aftercare,
    dischargedBy: d.dischargedBy,
    createdAt: d.createdAt.toISOString(),
  };
}

function aftercareRecord(a: z.infer<typeof DischargeRequest>['aftercare']): AftercarePlanRecord {
  const n = <T>(v: T | null | undefined) => v ?? null;
  return {
    nextProvider: {
      name: a.nextProvider.name,
      levelOfCare: n(a.nextProvider.levelOfCare),
      phone: n(a.nextProvider.phone),
      address: n(a.nextProvider.address),
    },
    appointments: a.appointments.map((x) => ({
      on: x.on,
      time: n(x.time),
      with: x.with,
      purpose: n(x.purpose),
    })),
    recoverySupports: [...new Set(a.recoverySupports)],
    crisisPlan: {
      crisisLine: a.crisisPlan.crisisLine,
      warningSigns: n(a.crisisPlan.warningSigns),
      copingSteps: n(a.crisisPlan.copingSteps),
      contacts: n(a.crisisPlan.contacts),
    },
    medicationContinuity: {
      medications: n(a.medicationContinuity.medications),
      prescriber: n(a.medicationContinuity.prescriber),
      supplyUntil: n(a.medicationContinuity.supplyUntil),
      note: n(a.medicationContinuity.note),
    },
  };
}

export function registerDischargeRoutes(app: App) {
  defineRoute(
    app,
    {
      permission: 'discharge.write',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/episodes/{episodeId}/discharge',
        tags,
        summary:
          'Discharge the episode (TEDS reason 1–7, summary, next level) with its aftercare plan; moves the status to discharged; needs If-Match with the episode version',
        request: { params: EpisodeParams, body: jsonBody(DischargeRequest) },
        responses: {
          201: jsonResponse(Discharge, 'Discharged'),
          409: errorResponses[422],
          428: errorResponses[422],
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const { episodeId } = c.req.valid('param');
      const body = c.req.valid('json');
      const version = requiredVersion(c);
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const discharge = await db.tx(async (tx) => {
        const episode = await findEpisode(tx, access.patientId, episodeId);
        if (!episode) throw AppError.notFound('The episode');
        const at = now();
        const today = await siteToday(tx, access.siteId, at);
        const fields: FieldError[] = dischargeFieldErrors(
          {
            reason: body.reason ?? null,
            dischargedOn: body.dischargedOn ? Temporal.PlainDate.from(body.dischargedOn) : null,
            admittedOn: episode.admittedOn ? Temporal.PlainDate.from(episode.admittedOn) : null,
          },
          today,
        );
        const edition = episode.edition === 4 ? 4 : 3;
        for (const key of ['levelAtDischarge', 'nextLevel'] as const) {
          const code = body[key];
          if (code && !findLevel(edition, code)) {
            fields.push({ path: key, message: `${code} is not a level of the ASAM edition ${edition}.` });
          }
        }
        if (fields.length > 0) throw AppError.validation(fields);
        // The state machine: any status may end in discharge, but a discharged episode cannot again.
        transition(episode.status as EpisodeStatus, 'discharged');
        if (
          !(await updateEpisode(
            tx,
            episodeId,
            version,
            { status: 'discharged', dischargedOn: body.dischargedOn! },
            at,
          ))
        ) {
          throw staleVersion(episode.version);
        }
        const row = await insertDischarge(tx, {
          organizationId: episode.organizationId,
          siteId: episode.siteId,
          patientId: access.patientId,
          episodeId,
          dischargedOn: body.dischargedOn!,
          reasonCode: body.reason!,
          levelAtDischarge: body.levelAtDischarge ?? episode.level,
          summary: body.summary,
          referralTo: body.referralTo ?? null,
          nextLevel: body.nextLevel ?? null,
          aftercare: aftercareRecord(body.aftercare),
          dischargedBy: p.userId,
          createdAt: at,
        });
        if (!row) throw AppError.conflict('The episode is already discharged.', 'already_discharged');
        await auditPatient(c, tx, {
          action: 'episode.discharge',
          entity: 'discharge',
          entityId: row.id,
          detail: { episodeId, reason: row.reasonCode },
        });
        return row;
      });
      c.header('ETag', etag(version + 1));
      return c.json(dischargeJson(discharge), 201);
    },
  );

  defineRoute(
    app,
    {
      permission: 'discharge.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/episodes/{episodeId}/discharge',
        tags,
        summary: "The episode's discharge and aftercare plan",
        request: { params: EpisodeParams },
        responses: { 200: jsonResponse(Discharge, 'The discharge'), ...errorResponses },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const { episodeId } = c.req.valid('param');
      const { db } = c.var.deps;
      const row = await db.tx(async (tx) => {
        const episode = await findEpisode(tx, access.patientId, episodeId);
        const found = episode ? await getDischargeOfEpisode(tx, episodeId) : undefined;
        if (!found) throw AppError.notFound('The discharge');
        await auditPatient(c, tx, { action: 'discharge.read', entity: 'discharge', entityId: found.id });
        return found;
      });
      return c.json(
        withReadableFields(c.var.principal!.role, 'discharge.narrative', dischargeJson(row)),
        200,
      );
    },
  );

  defineRoute(
    app,
    {
      permission: 'portal.self',
      route: createRoute({
        method: 'get',
        path: '/api/portal/aftercare',
        tags: ['Portal'],
        summary: "The patient's own aftercare plan from their most recent discharge",
        responses: { 200: jsonResponse(PortalAftercare, 'The aftercare plan'), ...errorResponses },
      }),
    },
    async (c) => {
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const found = await db.tx(async (tx) => {
        const row = p.patientId ? await latestDischarge(tx, p.patientId) : undefined;
        if (!row) throw AppError.notFound('An aftercare plan');
        await appendAudit(
          tx,
          auditActor(c),
          [
            {
              action: 'aftercare.read',
              entity: 'discharge',
              entityId: row.discharge.id,
              patientId: row.discharge.patientId,
              siteId: row.discharge.siteId,
              detail: { via: 'portal' },
            },
          ],
          now(),
        );
        return row;
      });
      return c.json(
        {
          episodeId: found.discharge.episodeId,
          programName: found.programName,
          dischargedOn: found.discharge.dischargedOn,
          aftercare: found.discharge.aftercare,
        },
        200,
      );
    },
  );
}
