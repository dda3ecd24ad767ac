import { createRoute } from '@hono/zod-openapi';
import { EpisodeParams, findEpisode } from '../episodes';
import { withReadableFields } from '../platform/access/permissions';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse } from '../platform/http/common.schema';
import { definePatientRoute, definePortalRoute, readPatientRecord } from '../platform/http/route-wrappers';
import { dischargeEpisode } from './discharge-episode';
import { dischargeJson } from './discharge-json';
import { Discharge, DischargeRequest, PortalAftercare } from './discharges.schema';
import { getDischargeOfEpisode, latestDischarge } from './discharges.store';

const tags = ['Discharges'];

export function registerDischargeRoutes(app: App) {
  definePatientRoute(
    app,
    {
      permission: 'discharge.write',
      status: 201,
      versioned: true,
      // The answer is the discharge; its ETag is the episode's version after the change.
      etag: (_, { version }) => (version ?? 0) + 1,
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
    async ({ tx, actor, patient, version, now, audit }, { param, json }) => {
      const episode = await readPatientRecord(findEpisode(tx, patient.id, param.episodeId), 'The episode');
      const row = await dischargeEpisode(tx, {
        patient,
        episode,
        request: json,
        version,
        dischargedBy: actor.userId,
        now,
        audit,
      });
      return dischargeJson(row);
    },
  );

  definePatientRoute(
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
    async ({ tx, actor, patient, audit }, { param }) => {
      const episode = await findEpisode(tx, patient.id, param.episodeId);
      const found = await readPatientRecord(
        episode ? getDischargeOfEpisode(tx, param.episodeId) : Promise.resolve(undefined),
        'The discharge',
      );
      await audit('discharge.read', 'discharge', found.id);
      return withReadableFields(actor.role, 'discharge.narrative', dischargeJson(found));
    },
  );

  definePortalRoute(
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
    async ({ tx, self, auditAt }) => {
      const found = await readPatientRecord(latestDischarge(tx, self.patientId), 'An aftercare plan');
      const { discharge } = found;
      await auditAt(discharge.siteId)('aftercare.read', 'discharge', discharge.id, { via: 'portal' });
      return {
        episodeId: discharge.episodeId,
        programName: found.programName,
        dischargedOn: discharge.dischargedOn,
        aftercare: discharge.aftercare,
      };
    },
  );
}
