import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { stepDirection } from '../../domain/episodes/discharge';
import { allowedMoves, type EpisodeStatus, transition } from '../../domain/episodes/episode-status';
import { findLevel, type LevelCode } from '../../domain/placement/levels-of-care';
import { getAssessment } from '../assessments';
import { withReadableFields } from '../platform/access/permissions';
import { appendAudit } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { App, AppEnv } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { idempotent } from '../platform/http/idempotency';
import { auditPatient } from '../platform/http/patient-audit';
import { definePatientRoute } from '../platform/http/route-wrappers';
import { etag, requiredVersion, staleVersion } from '../platform/http/versioning';
import { findSiteProgram, listReferrals } from '../referrals';
import { siteToday } from '../sites';
import {
  AddDiagnosisRequest,
  ChangeLevelRequest,
  ChangeStatusRequest,
  CreateEpisodeRequest,
  Episode,
  EpisodeCensusPage,
  EpisodeCensusQuery,
  EpisodeList,
  UpdateEpisodeRequest,
} from './episodes.schema';
import {
  type DiagnosisRow,
  deleteDiagnosis,
  type EpisodeRow,
  findEpisode,
  findOpenEpisode,
  insertDiagnosis,
  insertEpisode,
  insertLevelChange,
  type LevelChangeRow,
  listEpisodeDetails,
  listEpisodeRows,
  listSiteEpisodes,
  staffOfSite,
  updateEpisode,
} from './episodes.store';

const tags = ['Episodes'];
const PatientParams = z.object({ patientId: UuidParam('patientId') });
export const EpisodeParams = PatientParams.extend({ episodeId: UuidParam('episodeId') });
const DiagnosisParams = EpisodeParams.extend({ diagnosisId: UuidParam('diagnosisId') });
const conflictResponses = { 409: errorResponses[422], 428: errorResponses[422] };

type EpisodeJson = z.infer<typeof Episode>;

export function episodeJson(
  e: EpisodeRow,
  changes: LevelChangeRow[],
  diagnoses: DiagnosisRow[],
): EpisodeJson {
  const status = e.status as EpisodeStatus;
  return {
    id: e.id,
    patientId: e.patientId,
    siteId: e.siteId,
    programId: e.programId,
    programName: e.programName,
    status,
    allowedMoves: allowedMoves(status),
    edition: e.edition,
    level: e.level,
    admittedOn: e.admittedOn,
    dischargedOn: e.dischargedOn,
    referralId: e.referralId,
    primaryClinicianId: e.primaryClinicianId,
    careTeam: e.careTeam,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    levelHistory: changes
      .filter((h) => h.episodeId === e.id)
      .map((h) => ({
        id: h.id,
        fromLevel: h.fromLevel,
        toLevel: h.toLevel,
        direction: h.direction as EpisodeJson['levelHistory'][number]['direction'],
        effectiveOn: h.effectiveOn,
        reason: h.reason,
        assessmentId: h.assessmentId,
        changedBy: h.changedBy,
        createdAt: h.createdAt.toISOString(),
      })),
    diagnoses: diagnoses
      .filter((d) => d.episodeId === e.id)
      .map((d) => ({
        id: d.id,
        code: d.code,
        description: d.description,
        kind: d.kind,
        primary: d.isPrimary,
        createdAt: d.createdAt.toISOString(),
      })),
  };
}

/** One episode with its level history and diagnoses, or 404. */
export async function loadEpisode(tx: Tx, patientId: string, episodeId: string): Promise<EpisodeJson> {
  const row = await findEpisode(tx, patientId, episodeId);
  if (!row) throw AppError.notFound('The episode');
  const { changes, diagnoses } = await listEpisodeDetails(tx, [row.id]);
  return episodeJson(row, changes, diagnoses);
}

function checkLevel(path: string, edition: number, level: string) {
  if (!findLevel(edition === 4 ? 4 : 3, level)) {
    throw AppError.validation([{ path, message: `${level} is not a level of the ASAM edition ${edition}.` }]);
  }
}

async function checkStaff(
  c: Context<AppEnv>,
  tx: Tx,
  body: { primaryClinicianId?: string | null; careTeam?: string[] },
) {
  const ids = [...(body.primaryClinicianId ? [body.primaryClinicianId] : []), ...(body.careTeam ?? [])];
  const known = new Set(
    await staffOfSite(tx, c.var.principal!.organizationId, c.var.patientAccess!.siteId, [...new Set(ids)]),
  );
  const fields = [];
  if (body.primaryClinicianId && !known.has(body.primaryClinicianId)) {
    fields.push({ path: 'primaryClinicianId', message: "Not a staff member of the patient's site." });
  }
  (body.careTeam ?? []).forEach((id, i) => {
    if (!known.has(id))
      fields.push({ path: `careTeam.${i}`, message: "Not a staff member of the patient's site." });
  });
  if (fields.length > 0) throw AppError.validation(fields);
}

async function checkAssessment(tx: Tx, patientId: string, assessmentId: string | null | undefined) {
  if (assessmentId && !(await getAssessment(tx, patientId, assessmentId))) {
    throw AppError.validation([{ path: 'assessmentId', message: 'Not an assessment of this patient.' }]);
  }
}

/** Runs a versioned change of an episode; 409 when the If-Match version is stale. */
async function changeEpisode(
  c: Context<AppEnv>,
  tx: Tx,
  episodeId: string,
  version: number,
  changes: Parameters<typeof updateEpisode>[3],
) {
  if (!(await updateEpisode(tx, episodeId, version, changes, c.var.deps.now()))) {
    const current = await findEpisode(tx, c.var.patientAccess!.patientId, episodeId);
    if (!current) throw AppError.notFound('The episode');
    throw staleVersion(current.version);
  }
}

const openEpisodeConflict = (id: string | null) =>
  AppError.conflict(
    'The patient already has an open episode in this program; discharge it before a new admission.',
    'episode_already_open',
    { episodeId: id },
  );

export function registerEpisodeRoutes(app: App) {
  defineRoute(
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
    async (c) => {
      const { siteId } = c.req.valid('param');
      const { page, pageSize, ...filter } = c.req.valid('query');
      const { db, now } = c.var.deps;
      const result = await db.tx(async (tx) => {
        const found = await listSiteEpisodes(tx, siteId, filter, page, pageSize);
        // Every patient shown is a disclosure to this user: one audit row each.
        await appendAudit(
          tx,
          auditActor(c),
          found.items.map((e) => ({
            action: 'episode.list',
            entity: 'episode',
            entityId: e.episodeId,
            patientId: e.patientId,
            siteId,
          })),
          now(),
        );
        return found;
      });
      return c.json({ ...result, page, pageSize }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'episode.write',
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
    async (c) => {
      const access = c.var.patientAccess!;
      const body = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      checkLevel('level', body.edition, body.level);
      const answer = await db.tx((tx) =>
        idempotent(c, tx, body, async () => {
          const program = await findSiteProgram(tx, access.siteId, body.programId);
          if (!program) {
            throw AppError.validation([
              { path: 'programId', message: "Not a program of the patient's site." },
            ]);
          }
          if (body.referralId && (await listReferrals(tx, access.patientId, body.referralId)).length === 0) {
            throw AppError.validation([{ path: 'referralId', message: 'Not a referral of this patient.' }]);
          }
          await checkAssessment(tx, access.patientId, body.assessmentId);
          await checkStaff(c, tx, body);
          const open = await findOpenEpisode(tx, access.patientId, body.programId);
          if (open) throw openEpisodeConflict(open.id);
          const at = now();
          const today = (await siteToday(tx, access.siteId, at)).toString();
          const admittedOn = body.status === 'admitted' ? (body.admittedOn ?? today) : null;
          const id = await insertEpisode(tx, {
            organizationId: p.organizationId,
            siteId: access.siteId,
            patientId: access.patientId,
            programId: body.programId,
            status: body.status,
            edition: body.edition,
            level: body.level,
            referralId: body.referralId ?? null,
            admittedOn,
            primaryClinicianId: body.primaryClinicianId ?? null,
            careTeam: body.careTeam,
            createdAt: at,
            updatedAt: at,
          });
          // A concurrent admission won the unique index: the transaction is spoilt, so answer without a lookup.
          if (!id) throw openEpisodeConflict(null);
          await insertLevelChange(tx, {
            organizationId: p.organizationId,
            siteId: access.siteId,
            episodeId: id,
            fromLevel: null,
            toLevel: body.level,
            direction: 'admission',
            effectiveOn: admittedOn ?? today,
            reason: 'Initial level of care',
            assessmentId: body.assessmentId ?? null,
            changedBy: p.userId,
            createdAt: at,
          });
          await auditPatient(c, tx, {
            action: 'episode.create',
            entity: 'episode',
            entityId: id,
            detail: { status: body.status, level: body.level },
          });
          return { status: 201, body: await loadEpisode(tx, access.patientId, id) };
        }),
      );
      c.header('ETag', etag(answer.body.version as number));
      return c.json(answer.body as EpisodeJson, 201);
    },
  );

  defineRoute(
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
    async (c) => {
      const access = c.var.patientAccess!;
      const { db } = c.var.deps;
      const items = await db.tx(async (tx) => {
        const rows = await listEpisodeRows(tx, access.patientId);
        const { changes, diagnoses } = await listEpisodeDetails(
          tx,
          rows.map((r) => r.id),
        );
        await auditPatient(c, tx, { action: 'episode.list', entity: 'episode', entityId: null });
        return rows.map((r) =>
          withReadableFields(c.var.principal!.role, 'episode.diagnoses', episodeJson(r, changes, diagnoses)),
        );
      });
      return c.json({ items }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'episode.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/episodes/{episodeId}',
        tags,
        summary: 'One episode (ETag carries the version)',
        request: { params: EpisodeParams },
        responses: { 200: jsonResponse(Episode, 'The episode'), ...errorResponses },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const { episodeId } = c.req.valid('param');
      const { db } = c.var.deps;
      const episode = await db.tx(async (tx) => {
        const e = await loadEpisode(tx, access.patientId, episodeId);
        await auditPatient(c, tx, { action: 'episode.read', entity: 'episode', entityId: e.id });
        return e;
      });
      c.header('ETag', etag(episode.version));
      return c.json(withReadableFields(c.var.principal!.role, 'episode.diagnoses', episode), 200);
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
    async ({ c, tx, patient, version, audit }, { param, json }) => {
      await checkStaff(c, tx, json);
      await changeEpisode(c, tx, param.episodeId, version, json);
      await audit('episode.update', 'episode', param.episodeId, { fields: Object.keys(json).sort() });
      return loadEpisode(tx, patient.id, param.episodeId);
    },
  );

  defineRoute(
    app,
    {
      permission: 'episode.write',
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
    async (c) => {
      const access = c.var.patientAccess!;
      const { episodeId } = c.req.valid('param');
      const body = c.req.valid('json');
      const version = requiredVersion(c);
      const { db, now } = c.var.deps;
      const episode = await db.tx(async (tx) => {
        const current = await findEpisode(tx, access.patientId, episodeId);
        if (!current) throw AppError.notFound('The episode');
        // The state machine decides first, so an impossible move is named even if the discharge is meant.
        transition(current.status as EpisodeStatus, body.status);
        if (body.status === 'discharged') {
          throw AppError.validation([
            {
              path: 'status',
              message: 'Discharge through POST …/discharge: it records the reason and the aftercare plan.',
            },
          ]);
        }
        const changes: Parameters<typeof updateEpisode>[3] = { status: body.status };
        if (body.status === 'admitted') {
          changes.admittedOn = body.effectiveOn ?? (await siteToday(tx, access.siteId, now())).toString();
        }
        await changeEpisode(c, tx, episodeId, version, changes);
        await auditPatient(c, tx, {
          action: 'episode.status',
          entity: 'episode',
          entityId: episodeId,
          detail: { from: current.status, to: body.status },
        });
        return loadEpisode(tx, access.patientId, episodeId);
      });
      c.header('ETag', etag(episode.version));
      return c.json(episode, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'episode.write',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/episodes/{episodeId}/level-changes',
        tags,
        summary: 'Step the episode up or down to another level of care; needs If-Match',
        request: { params: EpisodeParams, body: jsonBody(ChangeLevelRequest) },
        responses: { 201: jsonResponse(Episode, 'Changed'), ...conflictResponses, ...errorResponses },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const { episodeId } = c.req.valid('param');
      const body = c.req.valid('json');
      const version = requiredVersion(c);
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const episode = await db.tx(async (tx) => {
        const current = await findEpisode(tx, access.patientId, episodeId);
        if (!current) throw AppError.notFound('The episode');
        if (current.status === 'discharged') {
          throw AppError.conflict('A discharged episode cannot change level.', 'episode_discharged');
        }
        checkLevel('toLevel', current.edition, body.toLevel);
        if (body.toLevel === current.level) {
          throw AppError.validation([
            { path: 'toLevel', message: `The episode is already at ${current.level}.` },
          ]);
        }
        if (current.admittedOn && body.effectiveOn < current.admittedOn) {
          throw AppError.validation([
            { path: 'effectiveOn', message: 'A level change cannot come before the admission.' },
          ]);
        }
        await checkAssessment(tx, access.patientId, body.assessmentId);
        await changeEpisode(c, tx, episodeId, version, { level: body.toLevel });
        const direction = stepDirection(current.level as LevelCode, body.toLevel as LevelCode);
        await insertLevelChange(tx, {
          organizationId: current.organizationId,
          siteId: current.siteId,
          episodeId,
          fromLevel: current.level,
          toLevel: body.toLevel,
          direction,
          effectiveOn: body.effectiveOn,
          reason: body.reason,
          assessmentId: body.assessmentId ?? null,
          changedBy: p.userId,
          createdAt: now(),
        });
        await auditPatient(c, tx, {
          action: 'episode.level_change',
          entity: 'episode',
          entityId: episodeId,
          detail: { from: current.level, to: body.toLevel, direction },
        });
        return loadEpisode(tx, access.patientId, episodeId);
      });
      c.header('ETag', etag(episode.version));
      return c.json(episode, 201);
    },
  );

  defineRoute(
    app,
    {
      permission: 'episode.write',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/episodes/{episodeId}/diagnoses',
        tags,
        summary: 'Add a diagnosis (ICD-10-CM code, our own description, SUD or mental health)',
        request: { params: EpisodeParams, body: jsonBody(AddDiagnosisRequest) },
        responses: { 201: jsonResponse(Episode, 'Added'), ...errorResponses },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const { episodeId } = c.req.valid('param');
      const body = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const episode = await db.tx(async (tx) => {
        const current = await findEpisode(tx, access.patientId, episodeId);
        if (!current) throw AppError.notFound('The episode');
        const id = await insertDiagnosis(tx, {
          organizationId: current.organizationId,
          siteId: current.siteId,
          episodeId,
          code: body.code,
          description: body.description,
          kind: body.kind,
          isPrimary: body.primary,
          createdBy: p.userId,
          createdAt: now(),
        });
        await auditPatient(c, tx, {
          action: 'diagnosis.create',
          entity: 'episode_diagnosis',
          entityId: id,
          detail: { episodeId, code: body.code },
        });
        return loadEpisode(tx, access.patientId, episodeId);
      });
      return c.json(episode, 201);
    },
  );

  defineRoute(
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
    async (c) => {
      const access = c.var.patientAccess!;
      const { episodeId, diagnosisId } = c.req.valid('param');
      const { db } = c.var.deps;
      const episode = await db.tx(async (tx) => {
        const current = await findEpisode(tx, access.patientId, episodeId);
        if (!current || !(await deleteDiagnosis(tx, episodeId, diagnosisId))) {
          throw AppError.notFound('The diagnosis');
        }
        await auditPatient(c, tx, {
          action: 'diagnosis.delete',
          entity: 'episode_diagnosis',
          entityId: diagnosisId,
          detail: { episodeId },
        });
        return loadEpisode(tx, access.patientId, episodeId);
      });
      return c.json(episode, 200);
    },
  );
}
