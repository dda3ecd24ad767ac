import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURE_JOBS } from '../app';
import { patients } from '../patients';
import { auditLog, sites } from '../platform/db/platform.table';
import { type JobRunner, startJobs } from '../platform/jobs/jobs';
import { admit, ifMatch } from '../test-support/clinical-fixtures';
import { call, expectStatus, login, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { applyPlannedLevelChanges } from './apply-planned-level-changes';

// A weekly-target plan steps an IOP episode down to outpatient on Monday 2031-04-14 (week 7 of an admission
// on Monday 3 March). The job moves the episode on that day at the North site (America/Chicago, UTC−5 in
// April) — not on UTC's: at 23:59 on Sunday in Chicago UTC is already on Monday. The clock starts on
// Wednesday 2031-04-09, 12:00 in Chicago, and is moved forward by hand.
const s = withTestApp({ clinician: 'clinician@demo.openiop.org' }, { clockAt: '2031-04-09T17:00:00Z' });
let organizationId: string;
let jobs: JobRunner;
let track: string;

/** Moves the clock and signs in again (days pass: the old session timed out). */
async function moveClockTo(iso: string) {
  s.t.clock.advance((Date.parse(iso) - s.t.clock.now().getTime()) / 1000);
  s.clinician = await login(s.t.app, 'clinician@demo.openiop.org');
}

beforeAll(async () => {
  const director = await login(s.t.app, 'director@demo.openiop.org');
  organizationId = (await s.t.db.tx((tx) => tx.select().from(sites).where(eq(sites.id, s.ids.north))))[0]!
    .organizationId;
  const created = await call(
    s.t.app,
    'POST',
    `/api/sites/${s.ids.north}/programs/${s.ids.northAdultIop}/tracks`,
    {
      session: director,
      body: { name: 'Planned step-down', timeOfDay: 'evening', modality: 'virtual', capacity: 12 },
    },
  );
  expectStatus(created, 201);
  track = created.body.id;
  jobs = await startJobs({ db: s.t.db, now: s.t.clock.now, logger: s.t.deps.logger }, FEATURE_JOBS);
});
afterAll(() => jobs?.stop());

/**
 * A patient admitted at 2.1 with a plan: 9 h a week in weeks 1–6, 6 h (outpatient) in 7–8, so the step-down
 * is planned for the Monday of week 7.
 */
async function plannedStepDown(mrn: string, admittedOn: string, startsOn: string, stepOn: string) {
  const [patient] = await s.t.db.tx((tx) =>
    tx
      .insert(patients)
      .values({
        organizationId,
        siteId: s.ids.north,
        mrn,
        givenName: `${mrn}Given`,
        familyName: `${mrn}Family`,
        dateOfBirth: '1984-04-04',
      })
      .returning(),
  );
  const patientId = patient!.id;
  const episodeId = (await admit(s.t, s.clinician, patientId, s.ids.northAdultIop, { admittedOn })).body
    .id as string;
  const enrolled = await call(s.t.app, 'POST', `/api/patients/${patientId}/enrolments`, {
    session: s.clinician,
    body: { episodeId, trackId: track, startsOn },
  });
  expectStatus(enrolled, 201);
  const planned = await call(
    s.t.app,
    'PUT',
    `/api/patients/${patientId}/enrolments/${enrolled.body.id}/target-steps`,
    {
      session: s.clinician,
      headers: ifMatch(1),
      body: {
        targetSteps: [
          { fromWeek: 1, toWeek: 6, hours: 9 },
          { fromWeek: 7, toWeek: 8, hours: 6 },
        ],
      },
    },
  );
  expectStatus(planned, 200);
  expect(planned.body.levelChanges).toEqual([{ fromLevel: '2.1', toLevel: '1', effectiveOn: stepOn }]);
  return { patientId, episodeId };
}

async function episodeOf(patientId: string, episodeId: string) {
  const res = await call(s.t.app, 'GET', `/api/patients/${patientId}/episodes/${episodeId}`, {
    session: s.clinician,
  });
  expectStatus(res, 200);
  return res.body as { level: string; version: number };
}

async function inCensus(episodeId: string, level: string) {
  const res = await call(s.t.app, 'GET', `/api/sites/${s.ids.north}/episodes?level=${level}&pageSize=100`, {
    session: s.clinician,
  });
  expectStatus(res, 200);
  return (res.body.items as { episodeId: string }[]).some((e) => e.episodeId === episodeId);
}

const systemLevelChanges = (episodeId: string) =>
  s.t.db.tx((tx) =>
    tx
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'episode.level_change'),
          eq(auditLog.entityId, episodeId),
          eq(auditLog.actorRole, 'system'),
        ),
      ),
  );

describe('planned level-of-care changes', () => {
  it("take effect on the site's day, not UTC's, with an audit row; running again changes nothing", async () => {
    const { patientId, episodeId } = await plannedStepDown(
      'PLANNED1',
      '2031-03-03',
      '2031-04-07',
      '2031-04-14',
    );
    expect(await jobs.runDueNow()).toEqual({ ran: 1, failed: 0 }); // at start: nothing due yet
    expect((await episodeOf(patientId, episodeId)).level).toBe('2.1');

    // Sunday 23:59 in Chicago, already Monday 04:59 in UTC.
    await moveClockTo('2031-04-14T04:59:00Z');
    expect(await jobs.runDueNow()).toEqual({ ran: 1, failed: 0 });
    const before = await episodeOf(patientId, episodeId);
    expect(before.level).toBe('2.1');
    expect(await inCensus(episodeId, '2.1')).toBe(true);
    expect(await systemLevelChanges(episodeId)).toEqual([]);

    // Monday 00:00:30 in Chicago: the hour's occurrence runs the job.
    await moveClockTo('2031-04-14T05:00:30Z');
    expect(await jobs.runDueNow()).toEqual({ ran: 1, failed: 0 });
    const after = await episodeOf(patientId, episodeId);
    expect(after).toMatchObject({ level: '1', version: before.version + 1 });
    expect(await inCensus(episodeId, '1')).toBe(true);
    expect(await inCensus(episodeId, '2.1')).toBe(false);
    const audit = await systemLevelChanges(episodeId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: null,
      actorEmail: 'system',
      patientId,
      siteId: s.ids.north,
      detail: { from: '2.1', to: '1', reason: 'Weekly hour target step', source: 'planned' },
    });

    // The next hour's run, and a direct one, find nothing to do.
    await moveClockTo('2031-04-14T06:00:30Z');
    expect(await jobs.runDueNow()).toEqual({ ran: 1, failed: 0 });
    expect(await applyPlannedLevelChanges(s.t.deps)).toEqual({ applied: 0, skipped: 0 });
    expect(await episodeOf(patientId, episodeId)).toMatchObject({ level: '1', version: after.version });
    expect(await systemLevelChanges(episodeId)).toHaveLength(1);
  });

  it('leave an episode whose level was changed by hand in the meantime', async () => {
    await moveClockTo('2031-04-16T17:00:00Z'); // Wednesday; admitted a week later, the step-down is next Monday
    const { patientId, episodeId } = await plannedStepDown(
      'PLANNED2',
      '2031-03-10',
      '2031-04-14',
      '2031-04-21',
    );
    const current = await episodeOf(patientId, episodeId);
    const byHand = await call(
      s.t.app,
      'POST',
      `/api/patients/${patientId}/episodes/${episodeId}/level-changes`,
      {
        session: s.clinician,
        headers: ifMatch(current.version),
        body: { toLevel: '2.5', effectiveOn: '2031-04-16', reason: 'More structure needed' },
      },
    );
    expectStatus(byHand, 201);
    await moveClockTo('2031-04-21T06:00:00Z');
    expect(await jobs.runDueNow()).toEqual({ ran: 1, failed: 0 });
    expect(await episodeOf(patientId, episodeId)).toMatchObject({
      level: '2.5',
      version: current.version + 1,
    });
    expect(await inCensus(episodeId, '2.5')).toBe(true);
    expect(await systemLevelChanges(episodeId)).toEqual([]);
  });

  it("follow the program's own time zone, met within the quarter hour of its midnight", async () => {
    // The program keeps its calendar in India (UTC+5:30) while its site is in Chicago: the plan dates its
    // moves on India's days, and the job moves the episode at India's midnight — half past the UTC hour.
    const settingsPath = `/api/sites/${s.ids.north}/programs/${s.ids.northAdultIop}/settings` as const;
    await moveClockTo('2031-04-23T17:00:00Z'); // Wednesday
    const director = await login(s.t.app, 'director@demo.openiop.org');
    const settings = await call(s.t.app, 'GET', settingsPath, { session: director });
    expectStatus(settings, 200);
    const save = (timeZone: string, version: number) =>
      call(s.t.app, 'PUT', settingsPath, {
        session: director,
        headers: ifMatch(version),
        body: { weekStartsOn: settings.body.weekStartsOn, timeZone },
      });
    const inIndia = await save('Asia/Kolkata', settings.body.version);
    expectStatus(inIndia, 200);
    try {
      const { patientId, episodeId } = await plannedStepDown(
        'PLANNED3',
        '2031-03-24',
        '2031-04-21',
        '2031-05-05',
      );
      // Sunday 23:59 in India (still Sunday afternoon in Chicago).
      await moveClockTo('2031-05-04T18:29:00Z');
      expect(await jobs.runDueNow()).toEqual({ ran: 1, failed: 0 });
      expect((await episodeOf(patientId, episodeId)).level).toBe('2.1');
      // Monday 00:00:30 in India: the quarter hour's occurrence moves it.
      await moveClockTo('2031-05-04T18:30:30Z');
      expect(await jobs.runDueNow()).toEqual({ ran: 1, failed: 0 });
      expect((await episodeOf(patientId, episodeId)).level).toBe('1');
      expect(await systemLevelChanges(episodeId)).toHaveLength(1);
    } finally {
      await moveClockTo('2031-05-05T17:00:00Z');
      const back = await login(s.t.app, 'director@demo.openiop.org');
      const now = await call(s.t.app, 'GET', settingsPath, { session: back });
      await call(s.t.app, 'PUT', settingsPath, {
        session: back,
        headers: ifMatch(okBody(now).version),
        body: { weekStartsOn: settings.body.weekStartsOn, timeZone: settings.body.timeZone },
      });
    }
  });
});
