import { EpisodeParams, findEpisode } from '../episodes';
import { withReadableFields } from '../platform/access/permissions';
import type { App } from '../platform/http/app-env';
import { undescribedConflicts } from '../platform/http/common.schema';
import { patientRoutes, portalRoutes } from '../platform/http/route-builder';
import { readPatientRecord } from '../platform/http/route-wrappers';
import { dischargeEpisode } from './discharge-episode';
import { dischargeJson } from './discharge-json';
import { Discharge, DischargeRequest, PortalAftercare } from './discharges.schema';
import { getDischargeOfEpisode, latestDischarge } from './discharges.store';

const tags = ['Discharges'];

export function registerDischargeRoutes(app: App) {
  const patients = patientRoutes(app, { tags });
  const portal = portalRoutes(app, { tags: ['Portal'] });

  patients.post(
    '/api/patients/{patientId}/episodes/{episodeId}/discharge',
    {
      permission: 'discharge.write',
      status: 201,
      versioned: true,
      etag: (_, { version }) => (version ?? 0) + 1,
      summary:
        'Discharge the episode (TEDS reason 1–7, summary, next level) with its aftercare plan; moves the status to discharged; needs If-Match with the episode version',
      params: EpisodeParams,
      body: DischargeRequest,
      ok: [Discharge, 'Discharged'],
      responses: undescribedConflicts,
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

  patients.get(
    '/api/patients/{patientId}/episodes/{episodeId}/discharge',
    {
      permission: 'discharge.read',
      summary: "The episode's discharge and aftercare plan",
      params: EpisodeParams,
      ok: [Discharge, 'The discharge'],
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

  portal.get(
    '/api/portal/aftercare',
    {
      permission: 'portal.self',
      summary: "The patient's own aftercare plan from their most recent discharge",
      ok: [PortalAftercare, 'The aftercare plan'],
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
