import { Temporal } from 'temporal-polyfill';
import { AppError } from '../platform/errors';
import type { App } from '../platform/http/app-env';
import { siteParams } from '../platform/http/common.schema';
import { patientRoutes, siteRoutes, userRoutes } from '../platform/http/route-builder';
import { atRiskMembers } from './at-risk-members';
import { AtRiskList, MemberTopics, PatientDose, PortalSessions, WeekQuery } from './dose.schema';
import { memberTopics } from './member-topics';
import { patientWeeks } from './patient-weeks';
import { portalSessions } from './portal-sessions';

const tags = ['Program operations'];
const SiteProgram = siteParams('programId');

export function registerDoseRoutes(app: App) {
  const patients = patientRoutes(app, { tags });
  const sites = siteRoutes(app, { tags });

  patients.get(
    '/api/patients/{patientId}/dose',
    {
      permission: 'dose.read',
      summary: "The patient's weekly dose in each program they are enrolled in, for the week holding `week`",
      query: WeekQuery,
      ok: [PatientDose, 'Dose'],
    },
    async ({ tx, patient, now, audit }, { query }) => {
      const items = await patientWeeks(tx, patient.id, Temporal.PlainDate.from(query.week), now);
      await audit('read', 'dose', null, { week: query.week });
      return { items };
    },
  );

  sites.get(
    '/api/sites/{siteId}/programs/{programId}/at-risk',
    {
      permission: 'operations.read',
      summary: 'Members at risk or short this week, with the make-up sessions that would close the gap',
      params: SiteProgram,
      query: WeekQuery,
      ok: [AtRiskList, 'At risk'],
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
  const patients = patientRoutes(app, { tags });

  patients.get(
    '/api/patients/{patientId}/topics',
    {
      permission: 'dose.read',
      summary:
        "The member's curriculum topics in their current track: covered, missed or not yet, with the next session (any track of the program) that covers each",
      ok: [MemberTopics, 'Topics'],
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
  const users = userRoutes(app, { tags });

  users.get(
    '/api/portal/sessions',
    {
      permission: 'portal.self',
      summary: 'My upcoming sessions (with telehealth links and cancellations) and my hours this week',
      ok: [PortalSessions, 'My sessions'],
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
