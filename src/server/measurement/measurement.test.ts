import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../platform/db/platform.table';
import { DEMO_PATIENT_EMAIL } from '../seed/demo-seed';
import { admit, demoIds } from '../test-support/clinical-fixtures';
import { call, expectStatus, login, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { urgentTasks } from './measurement.table';

const s = withTestApp({
  clinician: 'clinician@demo.openiop.org', // North only; Jordan Rivera's and Amara Okafor's primary clinician here
  nurse: 'nurse@demo.openiop.org',
  director: 'director@demo.openiop.org',
  portal: DEMO_PATIENT_EMAIL, // Jordan Rivera's own account
});

const PHQ9_ZERO = {
  item1: 0,
  item2: 0,
  item3: 0,
  item4: 0,
  item5: 0,
  item6: 0,
  item7: 0,
  item8: 0,
  item9: 0,
};
const phq9 = (overrides: Record<string, number | null>) => ({ ...PHQ9_ZERO, ...overrides });

beforeAll(async () => {
  // Both admitted on 2026-01-05: every intake instrument is long overdue.
  await admit(s.t, s.clinician, s.ids.rivera, s.ids.northAdultIop, { primaryClinicianId: s.ids.clinicianId });
  await admit(s.t, s.clinician, s.ids.okafor, s.ids.northAdultIop, { primaryClinicianId: s.ids.clinicianId });
});

const results = (patientId: string) => `/api/patients/${patientId}/instrument-results` as const;
const fieldPaths = (body: { error: { fields: { path: string }[] } }) => body.error.fields.map((f) => f.path);

describe('instrument schedules', () => {
  it('seeds PHQ-9 and GAD-7 at intake and every 2 weeks, BAM monthly, for each demo program', async () => {
    const res = await call(s.t.app, 'GET', `/api/sites/${s.ids.north}/instrument-schedules`, {
      session: s.nurse,
    });
    expectStatus(res, 200);
    const adult = res.body.programs.find((p: { programId: string }) => p.programId === s.ids.northAdultIop);
    expect(adult?.items).toEqual([
      { instrumentId: 'bam', atIntake: true, everyDays: 30 },
      { instrumentId: 'gad-7', atIntake: true, everyDays: 14 },
      { instrumentId: 'phq-9', atIntake: true, everyDays: 14 },
    ]);
    expect(res.body.instruments.map((i: { id: string }) => i.id)).toContain('c-ssrs-screener');
  });

  it('lets the director replace a program schedule and refuses bad lines naming them', async () => {
    const path =
      `/api/sites/${s.ids.north}/programs/${s.ids.northAdolescentIop}/instrument-schedule` as const;
    const items = [
      { instrumentId: 'phq-9', atIntake: true, everyDays: 7 },
      { instrumentId: 'c-ssrs-screener', atIntake: true, everyDays: null },
    ];
    const byClinician = await call(s.t.app, 'PUT', path, { session: s.clinician, body: { items } });
    expectStatus(byClinician, 403);
    const saved = await call(s.t.app, 'PUT', path, { session: s.director, body: { items } });
    expectStatus(saved, 200);
    expect(saved.body.items).toHaveLength(2);
    const again = await call(s.t.app, 'GET', `/api/sites/${s.ids.north}/instrument-schedules`, {
      session: s.director,
    });
    const adolescent = okBody(again).programs.find(
      (p: { programId: string }) => p.programId === s.ids.northAdolescentIop,
    );
    expect(adolescent?.items.map((i: { instrumentId: string }) => i.instrumentId)).toEqual([
      'c-ssrs-screener',
      'phq-9',
    ]);

    const bad = await call(s.t.app, 'PUT', path, {
      session: s.director,
      body: {
        items: [
          { instrumentId: 'phq-9', atIntake: true, everyDays: 14 },
          { instrumentId: 'phq-9', atIntake: false, everyDays: null },
        ],
      },
    });
    expectStatus(bad, 422);
    expect(fieldPaths(bad.body)).toEqual(['items.1.instrumentId', 'items.1.everyDays']);
    const unknown = await call(s.t.app, 'PUT', path, {
      session: s.director,
      body: { items: [{ instrumentId: 'mmse', atIntake: true, everyDays: 0 }] },
    });
    expectStatus(unknown, 422);
    expect(fieldPaths(unknown.body).sort()).toEqual(['items.0.everyDays', 'items.0.instrumentId']);
  });
});

describe('due list and staff entry', () => {
  it("lists each in-treatment patient's overdue instruments, and a staff entry takes it off", async () => {
    const due = await call(s.t.app, 'GET', `/api/sites/${s.ids.north}/measurement-due?pageSize=100`, {
      session: s.nurse,
    });
    expectStatus(due, 200);
    const okafor = due.body.items.filter((i: { patientId: string }) => i.patientId === s.ids.okafor);
    expect(
      okafor.map((i: { instrumentId: string; state: string }) => `${i.instrumentId} ${i.state}`).sort(),
    ).toEqual(['bam overdue', 'gad-7 overdue', 'phq-9 overdue']);
    expect(okafor[0]).toMatchObject({
      dueOn: '2026-01-05',
      lastGivenOn: null,
      programName: 'Adult IOP — North',
    });

    const entered = await call(s.t.app, 'POST', results(s.ids.okafor), {
      session: s.nurse,
      headers: { 'idempotency-key': 'okafor-phq9-1' },
      body: {
        instrumentId: 'phq-9',
        answers: phq9({ item1: 3, item2: 3, item3: 2, item4: 2, item5: 2, item6: 1 }),
      },
    });
    expectStatus(entered, 201);
    expect(entered.body).toMatchObject({
      instrumentId: 'phq-9',
      total: 13,
      bandId: 'moderate',
      enteredVia: 'staff',
      enteredBy: (await demoIds(s.t)).nurseId,
      urgentTask: null,
    });
    expect(entered.body.answers.item1).toBe(3);
    const retried = await call(s.t.app, 'POST', results(s.ids.okafor), {
      session: s.nurse,
      headers: { 'idempotency-key': 'okafor-phq9-1' },
      body: {
        instrumentId: 'phq-9',
        answers: phq9({ item1: 3, item2: 3, item3: 2, item4: 2, item5: 2, item6: 1 }),
      },
    });
    expect(okBody(retried).id).toBe(entered.body.id);

    const after = await call(s.t.app, 'GET', `/api/sites/${s.ids.north}/measurement-due?pageSize=100`, {
      session: s.nurse,
    });
    const okaforAfter = okBody(after).items.filter(
      (i: { patientId: string }) => i.patientId === s.ids.okafor,
    );
    expect(okaforAfter.map((i: { instrumentId: string }) => i.instrumentId).sort()).toEqual(['bam', 'gad-7']);
  });

  it('answers the due list with the same number of statements for one and for three patients', async () => {
    const statements = async () => {
      const before = s.t.db.queryCount();
      const res = await call(s.t.app, 'GET', `/api/sites/${s.ids.north}/measurement-due`, {
        session: s.nurse,
      });
      expectStatus(res, 200);
      return s.t.db.queryCount() - before;
    };
    const withTwo = await statements();
    await admit(s.t, s.clinician, s.ids.bell, s.ids.northAdultIop);
    await admit(s.t, s.clinician, s.ids.delgado, s.ids.northAdultIop);
    expect(await statements()).toBe(withTwo);
  });

  it('refuses an answer outside the options and a missing item with 422 naming the item', async () => {
    const outside = await call(s.t.app, 'POST', results(s.ids.okafor), {
      session: s.nurse,
      body: { instrumentId: 'phq-9', answers: phq9({ item9: 4 }) },
    });
    expectStatus(outside, 422);
    expect(fieldPaths(outside.body)).toEqual(['answers.item9']);
    const missing = await call(s.t.app, 'POST', results(s.ids.okafor), {
      session: s.nurse,
      body: {
        instrumentId: 'gad-7',
        answers: { item1: 1, item2: 1, item3: 1, item4: 1, item5: 1, item6: 1 },
      },
    });
    expectStatus(missing, 422);
    expect(fieldPaths(missing.body)).toEqual(['answers.item7']);
    const unknown = await call(s.t.app, 'POST', results(s.ids.okafor), {
      session: s.nurse,
      body: { instrumentId: 'beck', answers: {} },
    });
    expectStatus(unknown, 422);
    expect(fieldPaths(unknown.body)).toEqual(['instrumentId']);
    const future = await call(s.t.app, 'POST', results(s.ids.okafor), {
      session: s.nurse,
      body: { instrumentId: 'phq-9', answers: PHQ9_ZERO, administeredOn: '2099-01-01' },
    });
    expectStatus(future, 422);
    expect(fieldPaths(future.body)).toEqual(['administeredOn']);
    const noEpisode = await call(s.t.app, 'POST', results(s.ids.cho), {
      session: s.director,
      body: { instrumentId: 'phq-9', answers: PHQ9_ZERO },
    });
    expectStatus(noEpisode, 422);
    expect(fieldPaths(noEpisode.body)).toEqual(['episodeId']);
  });
});

describe('escalation', () => {
  const tasksOf = (patientId: string) =>
    s.t.db.tx((tx) => tx.select().from(urgentTasks).where(eq(urgentTasks.patientId, patientId)));

  it('portal PHQ-9 with item 9 = 1: crisis line, exactly one task for the primary clinician, acknowledged with an audit row', async () => {
    const dueInPortal = await call(s.t.app, 'GET', '/api/portal/instruments', { session: s.portal });
    expectStatus(dueInPortal, 200);
    expect(dueInPortal.body.items.map((i: { instrumentId: string }) => i.instrumentId).sort()).toEqual([
      'bam',
      'gad-7',
      'phq-9',
    ]);
    const phqItems = dueInPortal.body.items.find(
      (i: { instrumentId: string }) => i.instrumentId === 'phq-9',
    )!.items;
    expect(phqItems).toHaveLength(9);

    const submitted = await call(s.t.app, 'POST', '/api/portal/instrument-results', {
      session: s.portal,
      body: { instrumentId: 'phq-9', answers: phq9({ item1: 2, item2: 2, item9: 1 }) },
    });
    expectStatus(submitted, 201);
    expect(submitted.body).toMatchObject({ showCrisisLine: true, careTeamNotified: true });

    const tasks = await tasksOf(s.ids.rivera);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      type: 'suicide_risk_review',
      status: 'open',
      assignedTo: s.ids.clinicianId,
      resultId: submitted.body.id,
    });

    const mine = await call(s.t.app, 'GET', '/api/my/urgent-tasks', { session: s.clinician });
    expectStatus(mine, 200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([tasks[0]!.id]);
    expect(mine.body.items[0]).toMatchObject({ instrumentName: 'PHQ-9', total: 5, enteredVia: 'portal' });
    const nursesTasks = await call(s.t.app, 'GET', '/api/my/urgent-tasks', { session: s.nurse });
    expect(okBody(nursesTasks).items).toEqual([]);

    const banner = await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}/urgent-tasks`, {
      session: s.nurse,
    });
    expect(okBody(banner).items).toHaveLength(1);

    const ack = await call(
      s.t.app,
      'POST',
      `/api/patients/${s.ids.rivera}/urgent-tasks/${tasks[0]!.id}/acknowledge`,
      {
        session: s.clinician,
        body: { note: 'Called Jo; safety plan reviewed, no plan or intent.' },
      },
    );
    expectStatus(ack, 200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: s.ids.clinicianId });
    const audit = await s.t.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'urgent_task.acknowledge'), eq(auditLog.entityId, tasks[0]!.id))),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ patientId: s.ids.rivera, actorId: s.ids.clinicianId });

    const twice = await call(
      s.t.app,
      'POST',
      `/api/patients/${s.ids.rivera}/urgent-tasks/${tasks[0]!.id}/acknowledge`,
      {
        session: s.clinician,
        body: {},
      },
    );
    expectStatus(twice, 409);
    const bannerAfter = await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}/urgent-tasks`, {
      session: s.nurse,
    });
    expect(okBody(bannerAfter).items).toEqual([]);
    expect(
      okBody(await call(s.t.app, 'GET', '/api/my/urgent-tasks', { session: s.clinician })).items,
    ).toEqual([]);
  });

  it('portal PHQ-9 with item 9 = 0: no task and no crisis line', async () => {
    const before = (await tasksOf(s.ids.rivera)).length;
    const res = await call(s.t.app, 'POST', '/api/portal/instrument-results', {
      session: s.portal,
      body: {
        instrumentId: 'gad-7',
        answers: { item1: 1, item2: 1, item3: 1, item4: 1, item5: 1, item6: 1, item7: 1 },
      },
    });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({ showCrisisLine: false, careTeamNotified: false });
    expect(await tasksOf(s.ids.rivera)).toHaveLength(before);
  });

  it('the portal enters only for oneself, and only what the program asks', async () => {
    const other = await call(s.t.app, 'POST', results(s.ids.okafor), {
      session: s.portal,
      body: { instrumentId: 'phq-9', answers: PHQ9_ZERO },
    });
    expectStatus(other, 403);
    const selfViaStaffRoute = await call(s.t.app, 'POST', results(s.ids.rivera), {
      session: s.portal,
      body: { instrumentId: 'phq-9', answers: PHQ9_ZERO },
    });
    expectStatus(selfViaStaffRoute, 403);
    const clinicianRated = await call(s.t.app, 'POST', '/api/portal/instrument-results', {
      session: s.portal,
      body: { instrumentId: 'cows', answers: {} },
    });
    expectStatus(clinicianRated, 422);
    expect(fieldPaths(clinicianRated.body)).toEqual(['instrumentId']);
    const bad = await call(s.t.app, 'POST', '/api/portal/instrument-results', {
      session: s.portal,
      body: { instrumentId: 'phq-9', answers: phq9({ item3: 7, item5: null }) },
    });
    expectStatus(bad, 422);
    expect(fieldPaths(bad.body)).toEqual(['answers.item3', 'answers.item5']);
  });

  it('C-SSRS high risk and CIWA-Ar above the program threshold each raise one task; at the threshold none', async () => {
    const before = (await tasksOf(s.ids.okafor)).length;
    const cssrs = await call(s.t.app, 'POST', results(s.ids.okafor), {
      session: s.clinician,
      body: {
        instrumentId: 'c-ssrs-screener',
        answers: { item1: 1, item2: 1, item3: 1, item4: 1, item5: 0, item6: 0 },
      },
    });
    expectStatus(cssrs, 201);
    expect(cssrs.body.urgentTask).toMatchObject({ type: 'suicide_risk_high', status: 'open' });
    // North adult IOP: CIWA-Ar above 15 (the intake rule-out threshold).
    const ciwa = (total: number) => {
      const answers: Record<string, number> = {};
      let left = total;
      for (const [item, max] of [
        ['item1', 7],
        ['item2', 7],
        ['item3', 7],
        ['item4', 7],
        ['item5', 7],
        ['item6', 7],
        ['item7', 7],
        ['item8', 7],
        ['item9', 7],
        ['item10', 4],
      ] as const) {
        answers[item] = Math.min(max, left);
        left -= answers[item]!;
      }
      return answers;
    };
    const atThreshold = await call(s.t.app, 'POST', results(s.ids.okafor), {
      session: s.nurse,
      body: { instrumentId: 'ciwa-ar', answers: ciwa(15) },
    });
    expectStatus(atThreshold, 201);
    expect(atThreshold.body.urgentTask).toBeNull();
    const above = await call(s.t.app, 'POST', results(s.ids.okafor), {
      session: s.nurse,
      body: { instrumentId: 'ciwa-ar', answers: ciwa(16) },
    });
    expect(above.body).toMatchObject({ total: 16, urgentTask: { type: 'withdrawal_threshold' } });
    expect(await tasksOf(s.ids.okafor)).toHaveLength(before + 2);
  });
});

describe('a task with no primary clinician', () => {
  it("goes to every clinical staff member of the patient's site, never to nobody", async () => {
    // Sofia Delgado was admitted (due-list test) with no primary clinician.
    const res = await call(s.t.app, 'POST', results(s.ids.delgado), {
      session: s.nurse,
      body: { instrumentId: 'phq-9', answers: phq9({ item9: 2 }) },
    });
    expectStatus(res, 201);
    const taskId = res.body.urgentTask!.id;
    const prescriber = await login(s.t.app, 'prescriber@demo.openiop.org');
    for (const session of [s.nurse, s.clinician, prescriber, s.director]) {
      const mine = await call(s.t.app, 'GET', '/api/my/urgent-tasks', { session });
      expect(okBody(mine).items.map((i: { id: string }) => i.id)).toContain(taskId);
    }
  });
});

describe('trends and program outcomes', () => {
  it("shows change since intake and response; the director sees the program's average change", async () => {
    await call(s.t.app, 'POST', results(s.ids.bell), {
      session: s.clinician,
      body: {
        instrumentId: 'phq-9',
        answers: phq9({ item1: 3, item2: 3, item3: 3, item4: 3, item5: 3 }),
        administeredOn: '2026-01-05',
      },
    });
    await call(s.t.app, 'POST', results(s.ids.bell), {
      session: s.clinician,
      body: {
        instrumentId: 'phq-9',
        answers: phq9({ item1: 2, item2: 2, item3: 2, item4: 1 }),
        administeredOn: '2026-01-19',
      },
    });
    const res = await call(s.t.app, 'GET', results(s.ids.bell), { session: s.nurse });
    expectStatus(res, 200);
    expect(res.body.items.map((r) => r.total)).toEqual([15, 7]);
    expect(res.body.items[0]?.enteredByName).toBe('Casey Clinician, LPC');
    expect(res.body.trends).toEqual([
      {
        instrumentId: 'phq-9',
        instrumentName: 'PHQ-9',
        baseline: 15,
        latest: 7,
        changeSinceIntake: -8,
        response: {
          response: true,
          percentChange: expect.closeTo(-53.3, 1),
          clinicallySignificantImprovement: true,
          remission: false,
        },
      },
    ]);

    const outcomes = await call(s.t.app, 'GET', `/api/sites/${s.ids.north}/measurement-outcomes`, {
      session: s.director,
    });
    expectStatus(outcomes, 200);
    expect(outcomes.body.items).toContainEqual({
      programId: s.ids.northAdultIop,
      programName: 'Adult IOP — North',
      instrumentId: 'phq-9',
      instrumentName: 'PHQ-9',
      patients: 1,
      averageChange: -8,
      responders: 1,
    });
    const byClinician = await call(s.t.app, 'GET', `/api/sites/${s.ids.north}/measurement-outcomes`, {
      session: s.clinician,
    });
    expectStatus(byClinician, 403);
  });
});
