import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  PatientParams,
  UuidParam,
} from '../platform/http/common.schema';
import { definePatientRoute } from '../platform/http/route-wrappers';
import { enrolInTrack } from './enrol-in-track';
import { CreateEnrolment, Enrolment, SaveTargetSteps, TargetStepsSaved } from './enrolment.schema';
import { type EnrolmentRow, listEnrolmentsOfPatient } from './enrolment.store';
import { planTargetSteps } from './plan-target-steps';

const tags = ['Program operations'];
const conflict = { 409: errorResponses[422] };
const versioned = { 409: errorResponses[422], 428: errorResponses[422] };

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
  definePatientRoute(
    app,
    {
      permission: 'enrolment.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/enrolments',
        tags,
        summary: "The patient's track enrolments, newest first (transfers keep the earlier rows)",
        request: { params: PatientParams },
        responses: {
          200: jsonResponse(z.object({ items: z.array(Enrolment) }), 'Enrolments'),
          ...errorResponses,
        },
      }),
    },
    async ({ tx, patient, audit }) => {
      const rows = await listEnrolmentsOfPatient(tx, patient.id);
      await audit('read', 'enrolment', null);
      return { items: rows.map((r) => enrolmentJson(r.enrolment, r.trackName)) };
    },
  );

  definePatientRoute(
    app,
    {
      permission: 'enrolment.write',
      status: 201,
      idempotent: true,
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/enrolments',
        tags,
        summary:
          'Enrols an open episode into a track from a day (a transfer when it is already in one); 409 when the track is full',
        request: { params: PatientParams, body: jsonBody(CreateEnrolment) },
        responses: { 201: jsonResponse(Enrolment, 'Enrolled'), ...conflict, ...errorResponses },
      }),
    },
    async (ctx, { json }) => {
      const { enrolment, trackName } = await enrolInTrack(ctx, json);
      return enrolmentJson(enrolment, trackName);
    },
  );
}

/** Mounted after the member's topics, where the OpenAPI document lists it. */
export function registerTargetStepRoutes(app: App) {
  definePatientRoute(
    app,
    {
      permission: 'enrolment.write',
      versioned: true,
      etag: (body) => body.enrolment.version,
      route: createRoute({
        method: 'put',
        path: '/api/patients/{patientId}/enrolments/{enrolmentId}/target-steps',
        tags,
        summary:
          "Changes the member's weekly hour targets by week (step-down); a move to another level of care is written to the episode's level history; needs If-Match",
        request: {
          params: PatientParams.extend({ enrolmentId: UuidParam('enrolmentId') }),
          body: jsonBody(SaveTargetSteps),
        },
        responses: { 200: jsonResponse(TargetStepsSaved, 'Saved'), ...versioned, ...errorResponses },
      }),
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
