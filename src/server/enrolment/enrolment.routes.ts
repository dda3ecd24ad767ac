import { z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import {
  PatientParams,
  UuidParam,
  undescribedConflict,
  undescribedConflicts,
} from '../platform/http/common.schema';
import { patientRoutes } from '../platform/http/route-builder';
import { enrolInTrack } from './enrol-in-track';
import { CreateEnrolment, Enrolment, SaveTargetSteps, TargetStepsSaved } from './enrolment.schema';
import { type EnrolmentRow, listEnrolmentsOfPatient } from './enrolment.store';
import { planTargetSteps } from './plan-target-steps';

const tags = ['Program operations'];

function enrolmentJson(e: EnrolmentRow, trackName: string): z.infer<typeof Enrolment> {
  return {
    id: e.id,
    episodeId: e.episodeId,
    programId: e.programId,
    trackId: e.trackId,
    trackName,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    targetSteps: e.targetSteps,
    medicareCoverage: e.medicareCoverage,
    version: e.version,
  };
}

export function registerEnrolmentRoutes(app: App) {
  const patients = patientRoutes(app, { tags });

  patients.get(
    '/api/patients/{patientId}/enrolments',
    {
      permission: 'enrolment.read',
      summary: "The patient's track enrolments, newest first (transfers keep the earlier rows)",
      ok: [z.object({ items: z.array(Enrolment) }), 'Enrolments'],
    },
    async ({ tx, patient, audit }) => {
      const rows = await listEnrolmentsOfPatient(tx, patient.id);
      await audit('read', 'enrolment', null);
      return { items: rows.map((r) => enrolmentJson(r.enrolment, r.trackName)) };
    },
  );

  patients.post(
    '/api/patients/{patientId}/enrolments',
    {
      permission: 'enrolment.write',
      status: 201,
      idempotent: true,
      summary:
        'Enrols an open episode into a track from a day (a transfer when it is already in one); 409 when the track is full',
      body: CreateEnrolment,
      ok: [Enrolment, 'Enrolled'],
      responses: undescribedConflict,
    },
    async (ctx, { json }) => {
      const { enrolment, trackName } = await enrolInTrack(ctx, json);
      return enrolmentJson(enrolment, trackName);
    },
  );
}

/** Mounted after the member's topics, where the OpenAPI document lists it. */
export function registerTargetStepRoutes(app: App) {
  const patients = patientRoutes(app, { tags });

  patients.put(
    '/api/patients/{patientId}/enrolments/{enrolmentId}/target-steps',
    {
      permission: 'enrolment.write',
      versioned: true,
      etag: (body) => body.enrolment.version,
      summary:
        "Changes the member's weekly hour targets by week (step-down); a move to another level of care is written to the episode's level history; needs If-Match",
      params: PatientParams.extend({ enrolmentId: UuidParam('enrolmentId') }),
      body: SaveTargetSteps,
      ok: [TargetStepsSaved, 'Saved'],
      responses: undescribedConflicts,
    },
    async (ctx, { param, json }) => {
      const { enrolment, trackName, ...levels } = await planTargetSteps(
        ctx,
        param.enrolmentId,
        json.targetSteps,
      );
      return { enrolment: enrolmentJson(enrolment, trackName), ...levels };
    },
  );
}
