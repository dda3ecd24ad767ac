import { createRoute, z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../platform/errors';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonResponse, PatientParams, UuidParam } from '../platform/http/common.schema';
import { definePatientRoute, defineSiteRoute, defineUserRoute } from '../platform/http/route-wrappers';
import { atRiskMembers } from './at-risk-members';
import { AtRiskList, MemberTopics, PatientDose, PortalSessions, WeekQuery } from './dose.schema';
import { memberTopics } from './member-topics';
import { patientWeeks } from './patient-weeks';
import { portalSessions } from './portal-sessions';

const tags = ['Program operations'];
const SiteProgram = z.object({ siteId: UuidParam('siteId'), programId: UuidParam('programId') });

export function registerDoseRoutes(app: App) {
  definePatientRoute(
    app,
    {
      permission: 'dose.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/dose',
        tags,
        summary:
          "The patient's weekly dose in each program they are enrolled in, for the week holding `week`",
        request: { params: PatientParams, query: WeekQuery },
        responses: { 200: jsonResponse(PatientDose, 'Dose'), ...errorResponses },
      }),
    },
    async ({ tx, patient, now, audit }, { query }) => {
      const items = await patientWeeks(tx, patient.id, Temporal.PlainDate.from(query.week), now);
      await audit('read', 'dose', null, { week: query.week });
      return { items };
    },
  );

  defineSiteRoute(
    app,
    {
      permission: 'operations.read',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/programs/{programId}/at-risk',
        tags,
        summary: 'Members at risk or short this week, with the make-up sessions that would close the gap',
        request: { params: SiteProgram, query: WeekQuery },
        responses: { 200: jsonResponse(AtRiskList, 'At risk'), ...errorResponses },
      }),
    },
    async ({ tx, now, auditEach }, { param, query }) => {
      const list = await atRiskMembers(tx, { ...param, week: query.week, now });
      // Each member listed is a disclosure of that patient's dose.
      await auditEach(
        list.items.map((m) => ({
          action: 'read',
          entity: 'dose',
          entityId: null,
          patientId: m.patientId,
          siteId: param.siteId,
        })),
      );
      return list;
    },
  );
}

/** Mounted after the track curriculum, where the OpenAPI document lists it. */
export function registerMemberTopicRoutes(app: App) {
  definePatientRoute(
    app,
    {
      permission: 'dose.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}/topics',
        tags,
        summary:
          "The member's curriculum topics in their current track: covered, missed or not yet, with the next session (any track of the program) that covers each",
        request: { params: PatientParams },
        responses: { 200: jsonResponse(MemberTopics, 'Topics'), ...errorResponses },
      }),
    },
    async ({ tx, patient, now, audit }) => {
      const items = await memberTopics(tx, patient.id, now);
      await audit('read', 'curriculum_topics', null);
      return { items };
    },
  );
}

/** Mounted last of the program's routes, where the OpenAPI document lists it. */
export function registerPortalSessionRoutes(app: App) {
  defineUserRoute(
    app,
    {
      permission: 'portal.self',
      route: createRoute({
        method: 'get',
        path: '/api/portal/sessions',
        tags,
        summary: 'My upcoming sessions (with telehealth links and cancellations) and my hours this week',
        responses: { 200: jsonResponse(PortalSessions, 'My sessions'), ...errorResponses },
      }),
    },
    async ({ tx, actor, now, auditEach }) => {
      const patientId = actor.patientId;
      if (!patientId) throw AppError.forbidden();
      const result = await portalSessions(tx, patientId, now);
      await auditEach([{ action: 'read', entity: 'portal_sessions', entityId: null, patientId }]);
      return result;
    },
  );
}
