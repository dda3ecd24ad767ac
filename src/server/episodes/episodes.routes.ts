import { createRoute, z } from '@hono/zod-openapi';
import { withReadableFields } from '../platform/access/permissions';
import type { App } from '../platform/http/app-env';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  PatientParams,
  UuidParam,
} from '../platform/http/common.schema';
import { definePatientRoute, defineSiteRoute, readPatientRecord } from '../platform/http/route-wrappers';
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
const conflictResponses = { 409: errorResponses[422], 428: errorResponses[422] };

const findOrNotFound = (tx: Parameters<typeof findEpisode>[0], patientId: string, episodeId: string) =>
  readPatientRecord(findEpisode(tx, patientId, episodeId), 'The episode');

export function registerEpisodeRoutes(app: App) {
  defineSiteRoute(
    app,
    {
      permission: 'episode.census',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/episodes',
        tags,
        summary: "The site's episode census, filtered by program, level, status and clinician",
        request: { params: z.object({ siteId: UuidParam('siteId') }), query: EpisodeCensusQuery },
        responses: { 200: jsonResponse(EpisodeCensusPage, 'One page of episodes'), ...errorResponses },
      }),
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

  definePatientRoute(
    app,
    {
      permission: 'episode.write',
      status: 201,
      idempotent: true,
      etag: true,
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/episodes',
        tags,
        summary:
          'Open an episode of care: admission into a program at a level (one open episode per program)',
        request: { params: PatientParams, body: jsonBody(CreateEpisodeRequest) },
        responses: { 201: jsonResponse(Episode, 'Created'), 409: errorResponses[422], ...errorResponses },
      }),
    },
    async ({ tx, actor, patient, now, audit }, { json }) => {
      const id = await openEpisode(tx, { patient, actor, request: json, now, audit });
      return loadEpisode(tx, patient.id, id);
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'episode.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/episodes',
        tags,
        summary: "The patient's episodes, newest first, with level-of-care history and diagnoses",
        request: { params: PatientParams },
        responses: { 200: jsonResponse(EpisodeList, 'Episodes'), ...errorResponses },
      }),
    },
    async ({ tx, actor, patient, audit }) => {
      const items = await listEpisodes(tx, patient.id);
      await audit('episode.list', 'episode', null);
      return { items: items.map((e) => withReadableFields(actor.role, 'episode.diagnoses', e)) };
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'episode.read',
      etag: true,
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/episodes/{episodeId}',
        tags,
        summary: 'One episode (ETag carries the version)',
        request: { params: EpisodeParams },
        responses: { 200: jsonResponse(Episode, 'The episode'), ...errorResponses },
      }),
    },
    async ({ tx, actor, patient, audit }, { param }) => {
      const episode = await loadEpisode(tx, patient.id, param.episodeId);
      await audit('episode.read', 'episode', episode.id);
      return withReadableFields(actor.role, 'episode.diagnoses', episode);
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'episode.write',
      versioned: true,
      route: createRoute({
        method: 'patch',
        path: '/api/patients/{patientId}/episodes/{episodeId}',
        tags,
        summary: 'Change the primary clinician or care team; needs If-Match (409 when stale)',
        request: { params: EpisodeParams, body: jsonBody(UpdateEpisodeRequest) },
        responses: { 200: jsonResponse(Episode, 'Updated'), ...errorResponses },
      }),
    },
    async ({ tx, actor, patient, version, now, audit }, { param, json }) => {
      const { episodeId } = param;
      const { organizationId } = actor;
      await updateCareTeam(tx, { patient, organizationId, episodeId, version, changes: json, now, audit });
      return loadEpisode(tx, patient.id, episodeId);
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'episode.write',
      versioned: true,
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/episodes/{episodeId}/status',
        tags,
        summary:
          'Move the episode through its states (referred → screening → admitted → active ⇄ on hold); an invalid move answers 409 with the allowed moves. Discharge has its own route.',
        request: { params: EpisodeParams, body: jsonBody(ChangeStatusRequest) },
        responses: { 200: jsonResponse(Episode, 'Moved'), ...conflictResponses, ...errorResponses },
      }),
    },
    async ({ tx, patient, version, now, audit }, { param, json }) => {
      const episode = await findOrNotFound(tx, patient.id, param.episodeId);
      await changeEpisodeStatus(tx, { ...json, episode, version, now, audit });
      return loadEpisode(tx, patient.id, param.episodeId);
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'episode.write',
      versioned: true,
      status: 201,
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/episodes/{episodeId}/level-changes',
        tags,
        summary: 'Step the episode up or down to another level of care; needs If-Match',
        request: { params: EpisodeParams, body: jsonBody(ChangeLevelRequest) },
        responses: { 201: jsonResponse(Episode, 'Changed'), ...conflictResponses, ...errorResponses },
      }),
    },
    async ({ tx, actor, patient, version, now, audit }, { param, json }) => {
      const episode = await findOrNotFound(tx, patient.id, param.episodeId);
      await changeLevelOfCare(tx, { ...json, episode, version, changedBy: actor.userId, now, audit });
      return loadEpisode(tx, patient.id, param.episodeId);
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'episode.write',
      status: 201,
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/episodes/{episodeId}/diagnoses',
        tags,
        summary: 'Add a diagnosis (ICD-10-CM code, our own description, SUD or mental health)',
        request: { params: EpisodeParams, body: jsonBody(AddDiagnosisRequest) },
        responses: { 201: jsonResponse(Episode, 'Added'), ...errorResponses },
      }),
    },
    async ({ tx, actor, patient, now, audit }, { param, json }) => {
      const episode = await findOrNotFound(tx, patient.id, param.episodeId);
      await addDiagnosis(tx, { episode, diagnosis: json, createdBy: actor.userId, now, audit });
      return loadEpisode(tx, patient.id, param.episodeId);
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'episode.write',
      route: createRoute({
        method: 'delete',
        path: '/api/patients/{patientId}/episodes/{episodeId}/diagnoses/{diagnosisId}',
        tags,
        summary: 'Remove a diagnosis entered in error',
        request: { params: DiagnosisParams },
        responses: { 200: jsonResponse(Episode, 'Removed'), ...errorResponses },
      }),
    },
    async ({ tx, patient, audit }, { param }) => {
      await removeDiagnosis(tx, { ...param, patientId: patient.id, audit });
      return loadEpisode(tx, patient.id, param.episodeId);
    },
  );
}
