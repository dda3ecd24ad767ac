import { withReadableFields } from '../platform/access/permissions';
import type { App } from '../platform/http/app-env';
import { UuidParam, undescribedConflict, undescribedConflicts } from '../platform/http/common.schema';
import { patientRoutes, siteRoutes } from '../platform/http/route-builder';
import { readPatientRecord } from '../platform/http/route-wrappers';
import { addDiagnosis } from './add-diagnosis';
import { changeEpisodeStatus } from './change-episode-status';
import { changeLevelOfCare } from './change-level-of-care';
import { listEpisodes, loadEpisode } from './episode-json';
import {
  AddDiagnosisRequest,
  ChangeLevelRequest,
  ChangeStatusRequest,
  CreateEpisodeRequest,
  Episode,
  EpisodeCensusPage,
  EpisodeCensusQuery,
  EpisodeList,
  EpisodeParams,
  UpdateEpisodeRequest,
} from './episodes.schema';
import { findEpisode, listSiteEpisodes } from './episodes.store';
import { openEpisode } from './open-episode';
import { removeDiagnosis } from './remove-diagnosis';
import { updateCareTeam } from './update-care-team';

const tags = ['Episodes'];
const DiagnosisParams = EpisodeParams.extend({ diagnosisId: UuidParam('diagnosisId') });

const findOrNotFound = (tx: Parameters<typeof findEpisode>[0], patientId: string, episodeId: string) =>
  readPatientRecord(findEpisode(tx, patientId, episodeId), 'The episode');

export function registerEpisodeRoutes(app: App) {
  const sites = siteRoutes(app, { tags });
  const patients = patientRoutes(app, { tags });

  sites.get(
    '/api/sites/{siteId}/episodes',
    {
      permission: 'episode.census',
      summary: "The site's episode census, filtered by program, level, status and clinician",
      query: EpisodeCensusQuery,
      ok: [EpisodeCensusPage, 'One page of episodes'],
    },
    async ({ tx, site, auditEach }, { query }) => {
      const { page, pageSize, ...filter } = query;
      const found = await listSiteEpisodes(tx, site.id, filter, page, pageSize);
      // Every patient shown is a disclosure to this user: one audit row each.
      await auditEach(
        found.items.map((e) => ({
          action: 'episode.list',
          entity: 'episode',
          entityId: e.episodeId,
          patientId: e.patientId,
          siteId: site.id,
        })),
      );
      return { ...found, page, pageSize };
    },
  );

  patients.post(
    '/api/patients/{patientId}/episodes',
    {
      permission: 'episode.write',
      status: 201,
      idempotent: true,
      etag: true,
      summary: 'Open an episode of care: admission into a program at a level (one open episode per program)',
      body: CreateEpisodeRequest,
      ok: [Episode, 'Created'],
      responses: undescribedConflict,
    },
    async ({ tx, actor, patient, now, audit }, { json }) => {
      const id = await openEpisode(tx, { patient, actor, request: json, now, audit });
      return loadEpisode(tx, patient.id, id);
    },
  );

  patients.get(
    '/api/patients/{patientId}/episodes',
    {
      permission: 'episode.read',
      summary: "The patient's episodes, newest first, with level-of-care history and diagnoses",
      ok: [EpisodeList, 'Episodes'],
    },
    async ({ tx, actor, patient, audit }) => {
      const items = await listEpisodes(tx, patient.id);
      await audit('episode.list', 'episode', null);
      return { items: items.map((e) => withReadableFields(actor.role, 'episode.diagnoses', e)) };
    },
  );

  patients.get(
    '/api/patients/{patientId}/episodes/{episodeId}',
    {
      permission: 'episode.read',
      etag: true,
      summary: 'One episode (ETag carries the version)',
      params: EpisodeParams,
      ok: [Episode, 'The episode'],
    },
    async ({ tx, actor, patient, audit }, { param }) => {
      const episode = await loadEpisode(tx, patient.id, param.episodeId);
      await audit('episode.read', 'episode', episode.id);
      return withReadableFields(actor.role, 'episode.diagnoses', episode);
    },
  );

  patients.patch(
    '/api/patients/{patientId}/episodes/{episodeId}',
    {
      permission: 'episode.write',
      versioned: true,
      summary: 'Change the primary clinician or care team; needs If-Match (409 when stale)',
      params: EpisodeParams,
      body: UpdateEpisodeRequest,
      ok: [Episode, 'Updated'],
    },
    async ({ tx, actor, patient, version, now, audit }, { param, json }) => {
      const { episodeId } = param;
      const { organizationId } = actor;
      await updateCareTeam(tx, { patient, organizationId, episodeId, version, changes: json, now, audit });
      return loadEpisode(tx, patient.id, episodeId);
    },
  );

  patients.post(
    '/api/patients/{patientId}/episodes/{episodeId}/status',
    {
      permission: 'episode.write',
      versioned: true,
      summary:
        'Move the episode through its states (referred → screening → admitted → active ⇄ on hold); an invalid move answers 409 with the allowed moves. Discharge has its own route.',
      params: EpisodeParams,
      body: ChangeStatusRequest,
      ok: [Episode, 'Moved'],
      responses: undescribedConflicts,
    },
    async ({ tx, patient, version, now, audit }, { param, json }) => {
      const episode = await findOrNotFound(tx, patient.id, param.episodeId);
      await changeEpisodeStatus(tx, { ...json, episode, version, now, audit });
      return loadEpisode(tx, patient.id, param.episodeId);
    },
  );

  patients.post(
    '/api/patients/{patientId}/episodes/{episodeId}/level-changes',
    {
      permission: 'episode.write',
      versioned: true,
      status: 201,
      summary: 'Step the episode up or down to another level of care; needs If-Match',
      params: EpisodeParams,
      body: ChangeLevelRequest,
      ok: [Episode, 'Changed'],
      responses: undescribedConflicts,
    },
    async ({ tx, actor, patient, version, now, audit }, { param, json }) => {
      const episode = await findOrNotFound(tx, patient.id, param.episodeId);
      await changeLevelOfCare(tx, { ...json, episode, version, changedBy: actor.userId, now, audit });
      return loadEpisode(tx, patient.id, param.episodeId);
    },
  );

  patients.post(
    '/api/patients/{patientId}/episodes/{episodeId}/diagnoses',
    {
      permission: 'episode.write',
      status: 201,
      summary: 'Add a diagnosis (ICD-10-CM code, our own description, SUD or mental health)',
      params: EpisodeParams,
      body: AddDiagnosisRequest,
      ok: [Episode, 'Added'],
    },
    async ({ tx, actor, patient, now, audit }, { param, json }) => {
      const episode = await findOrNotFound(tx, patient.id, param.episodeId);
      await addDiagnosis(tx, { episode, diagnosis: json, createdBy: actor.userId, now, audit });
      return loadEpisode(tx, patient.id, param.episodeId);
    },
  );

  patients.delete(
    '/api/patients/{patientId}/episodes/{episodeId}/diagnoses/{diagnosisId}',
    {
      permission: 'episode.write',
      summary: 'Remove a diagnosis entered in error',
      params: DiagnosisParams,
      ok: [Episode, 'Removed'],
    },
    async ({ tx, patient, audit }, { param }) => {
      await removeDiagnosis(tx, { ...param, patientId: patient.id, audit });
      return loadEpisode(tx, patient.id, param.episodeId);
    },
  );
}
