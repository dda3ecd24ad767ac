// The program-operations walkthrough: the program director sets up an evening virtual track with its
// recurring week, enrols 4 patients (one from the track page's form three times, Jordan Rivera from the chart),
// records the week's attendance from the rosters with Jordan missing one session, sees Jordan at risk with a
// make-up session offered, and Jordan sees the upcoming sessions and this week's hours in the portal.
//
// Dates depend on today, so the director sets the program's week to start three days ago: the evening track
// meets on those three past days, and the day track (set up through the API) offers make-ups on the next three.
import { type APIRequestContext, type Page, request } from 'playwright-core';
import type { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCode, screenshotPath, siteToday, useWalkthrough } from './harness';

const DEMO_PASSWORD = 'demo-password-2026';
const DIRECTOR = 'director@demo.openiop.org';
const PATIENT = 'patient@demo.openiop.org';
const PROGRAM = 'Adult IOP — North';
const ZONE = 'America/Chicago';
const TELEHEALTH = 'https://telehealth.example.org/evening-group';
const CURRICULUM = ['Triggers', 'Cravings', 'Refusal skills'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Member {
  patientId: string;
  givenName: string;
  familyName: string;
}

interface Setup {
  siteId: string;
  programId: string;
  members: Member[];
  jordan: Member;
}

const today = siteToday(ZONE);
const day = (offset: number) => today.add({ days: offset });
/** The evening track's days this week: the three days before today. */
const eveningDays = [day(-3), day(-2), day(-1)];

describe('program operations walkthrough in the browser', () => {
  const walk = useWalkthrough();
  let setup: Setup;

  beforeAll(async () => {
    setup = await prepareAsDirector(walk.server.url);
  }, 180_000);

  async function newPage(): Promise<Page> {
    // Staff and patient live where the program runs, so the browser shows the program's local times.
    const context = await walk.newContext({ viewport: { width: 1280, height: 900 } });
    return context.newPage();
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.mouse.move(1270, 890);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(250); // let transitions settle before the picture
    await page.screenshot({ path: await screenshotPath(name), fullPage: true });
  }

  it('evening virtual track → enrol 4 → a week of attendance → at risk with a make-up → the portal', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(DIRECTOR);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').fill(await demoCode(DIRECTOR));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Patients at Riverbend North' }).waitFor();

    // 1. Programs: the site's programs with band, week start and zone; add the evening virtual track.
    await page.getByRole('navigation').getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('heading', { name: 'Programs at Riverbend North' }).waitFor();
    const programRow = page.getByRole('table', { name: 'Programs at Riverbend North' }).getByRole('row', {
      name: new RegExp(PROGRAM),
    });
    expect(await programRow.textContent()).toContain('9 to under 20 h');
    expect(await programRow.textContent()).toContain(ZONE);
    await programRow.getByRole('button', { name: `Show tracks of ${PROGRAM}` }).click();
    await page.getByRole('heading', { name: `Tracks of ${PROGRAM}` }).waitFor();
    // The program's week starts three days ago, so this week holds both past and coming sessions.
    const weekForm = page.getByRole('form', { name: 'Program week' });
    await weekForm.getByLabel('Week starts on').selectOption(WEEKDAY_NAMES[day(-3).dayOfWeek - 1] ?? '');
    await weekForm.getByRole('button', { name: 'Save program week' }).click();
    await weekForm.getByText('Program week saved.').waitFor();
    await programRow.getByText(WEEKDAY_NAMES[day(-3).dayOfWeek - 1] ?? '', { exact: true }).waitFor();
    const tracks = page.getByRole('table', { name: `Tracks of ${PROGRAM}` });
    await tracks.getByRole('row', { name: /Day track/ }).waitFor();

    const form = page.getByRole('form', { name: 'Add a track' });
    await form.getByLabel(/^Track name/).fill('Evening virtual');
    await form.getByLabel('Time of day').selectOption('evening');
    await form.getByLabel('Attendance').selectOption('virtual');
    await form.getByLabel(/^Capacity/).fill('12');
    for (const name of WEEKDAY_NAMES) {
      const box = form.getByRole('checkbox', { name, exact: true });
      const wanted = eveningDays.some((d) => WEEKDAY_NAMES[d.dayOfWeek - 1] === name);
      if ((await box.isChecked()) !== wanted) await box.click();
    }
    await form.getByLabel('Starts at').fill('18:00');
    await form.getByLabel('Ends at').fill('21:00');
    await form.getByLabel('First day').fill(day(-3).toString());
    // A relapse-prevention curriculum: the three evenings rotate through it; members join at any point.
    await form.getByLabel(/^Curriculum/).fill(CURRICULUM.join('\n'));
    await form.getByLabel(/^Telehealth link/).fill(TELEHEALTH);
    await form.getByRole('button', { name: 'Add track' }).click();
    await page.getByText('Evening virtual added with its schedule.').waitFor();
    const eveningRow = tracks.getByRole('row', { name: /Evening virtual/ });
    await eveningRow.waitFor();
    expect(await eveningRow.textContent()).toContain('Virtual');
    const curriculumForm = page.getByRole('form', { name: 'Curriculum' });
    await curriculumForm.getByLabel('Curriculum of track').selectOption({ label: 'Evening virtual' });
    await expect
      .poll(() => curriculumForm.getByLabel('Topics of Evening virtual').inputValue())
      .toBe(CURRICULUM.join('\n'));
    await shot(page, 'program-ops-1-track-setup');

    // 2. Enrol three members from the track page, from the day the track started.
    const enrolForm = page.getByRole('form', { name: 'Enrol a patient' });
    const others = setup.members.filter((m) => m.patientId !== setup.jordan.patientId);
    for (const member of others) {
      const option = enrolForm
        .getByLabel('Patient (open episode)')
        .locator('option', { hasText: `${member.familyName}, ${member.givenName}` });
      const episodeId = await option.getAttribute('value');
      await enrolForm.getByLabel('Patient (open episode)').selectOption(episodeId ?? '');
      await enrolForm.getByLabel('Track').selectOption({ label: 'Evening virtual' });
      await enrolForm.getByLabel('From').fill(day(-3).toString());
      await enrolForm.getByRole('button', { name: 'Enrol' }).click();
      await enrolForm.getByText(`${member.givenName} ${member.familyName} enrolled.`).waitFor();
    }

    // … and Jordan Rivera from the chart's Dose tab.
    await page.goto(`/patients/${setup.jordan.patientId}?tab=dose`);
    const trackCard = page.getByRole('region', { name: 'Track', exact: true });
    await trackCard.getByText(/Not enrolled in a track/).waitFor();
    await trackCard.getByLabel('Track', { exact: true }).selectOption({ label: 'Evening virtual' });
    await trackCard.getByLabel('From').fill(day(-3).toString());
    await trackCard.getByRole('button', { name: 'Enrol' }).click();
    await trackCard.getByText(/Enrolled in Evening virtual/).waitFor();
    await shot(page, 'program-ops-2-enrolled-from-chart');

    // 3. The week calendar: the evening sessions on the three past days, the day track's ahead.
    await page.getByRole('navigation').getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: 'Schedule at Riverbend North' }).waitFor();
    await page.getByLabel('Program').selectOption({ label: PROGRAM });
    const sessionLinks = page.getByRole('link', { name: /[AP]M\s*Evening virtual\b/ });
    await expect.poll(() => sessionLinks.count()).toBe(3);
    await page
      .getByRole('link', { name: /[AP]M\s*Day track\b/ })
      .first()
      .waitFor();
    await shot(page, 'program-ops-3-week-calendar');

    // 4. A week of attendance: every roster saved in one go; Jordan misses the second session.
    for (const [index, date] of eveningDays.entries()) {
      await page
        .getByRole('region', { name: `${WEEKDAY_NAMES[date.dayOfWeek - 1]} ${date}` })
        .getByRole('link', { name: /[AP]M\s*Evening virtual\b/ })
        .click();
      await page.getByRole('heading', { name: 'Evening virtual: roster' }).waitFor();
      const roster = page.getByRole('table', { name: 'Roster' });
      await expect.poll(() => roster.getByRole('row').count()).toBe(5);
      // Minutes start at the session length.
      expect(await page.getByLabel('Minutes of Rivera, Jordan').inputValue()).toBe('180');
      if (index === 1) {
        // The keyboard picks the status: focus the select and type the first letter.
        await page.getByLabel('Attendance of Rivera, Jordan').focus();
        await page.keyboard.press('u');
        expect(await page.getByLabel('Attendance of Rivera, Jordan').inputValue()).toBe('unexcused');
        expect(await page.getByLabel('Minutes of Rivera, Jordan').inputValue()).toBe('0');
        await page.getByLabel('Absence reason of Rivera, Jordan').fill('Did not join');
      }
      await page.getByRole('button', { name: 'Save attendance' }).click();
      await page.getByText('Attendance saved for 4 members.').waitFor();
      if (index === 1) await shot(page, 'program-ops-4-roster-with-absence');
      await page.goBack();
      await page.getByRole('heading', { name: 'Schedule at Riverbend North' }).waitFor();
    }

    // 5. The at-risk list: Jordan's forecast is 6 h of 9 h, and a day-track session is offered as a make-up.
    await page.getByRole('navigation').getByRole('link', { name: 'Programs' }).click();
    await programRow.getByRole('button', { name: `Show tracks of ${PROGRAM}` }).click();
    const atRisk = page.getByRole('table', { name: `At risk this week in ${PROGRAM}` });
    const jordanRow = atRisk.getByRole('row', { name: /Rivera, Jordan/ });
    await jordanRow.waitFor();
    expect(await jordanRow.textContent()).toContain('6 h of 9 h');
    const makeUps = jordanRow.getByRole('list', { name: 'Make-up sessions for Jordan Rivera' });
    await makeUps
      .getByText(/Day track/)
      .first()
      .waitFor();
    expect(await atRisk.getByRole('row').count()).toBe(2);
    await shot(page, 'program-ops-5-at-risk');

    // 6. Jordan's chart: the week's bar against the band, and the topics: Cravings missed on the second
    // evening, to be made up at the day track's next session (another track of the program covering it).
    await page.goto(`/patients/${setup.jordan.patientId}?tab=dose`);
    const doseTable = page.getByRole('table', { name: 'Weekly dose' });
    await doseTable.getByText('At risk').waitFor();
    await page.getByRole('img', { name: /Weekly hours against the band 9–20 h/ }).waitFor();
    const topics = page.getByRole('table', { name: 'Topics of Evening virtual' });
    const triggers = topics.getByRole('row', { name: /Triggers/ });
    await triggers.getByText('Covered').waitFor();
    const cravings = topics.getByRole('row', { name: /Cravings/ });
    await cravings.getByText('Missed').waitFor();
    expect(await cravings.textContent()).toContain('Day track');
    await topics
      .getByRole('row', { name: /Refusal skills/ })
      .getByText('Covered')
      .waitFor();
    await shot(page, 'program-ops-6-dose-bars');

    // Goals met: from week 3 (next program week) Jordan steps down to 6 h, outpatient in the level history.
    const steps = page.getByRole('form', { name: 'Weekly hour targets' });
    await steps.getByLabel('Step 1 to week').fill('2');
    await steps.getByRole('button', { name: 'Add a step' }).click();
    await steps.getByLabel('Step 2 from week').fill('3');
    await steps.getByLabel('Step 2 to week').fill('6');
    await steps.getByLabel('Step 2 hours a week').fill('6');
    await steps.getByRole('button', { name: 'Save weekly targets' }).click();
    await steps.getByText(`Level of care now 2.1; history: level 1 from ${day(4)}.`).waitFor();
    await shot(page, 'program-ops-6b-step-down');

    // 7. A holiday cancels next week's first evening session; the patient sees it and the rest in the portal.
    await cancelFirstSessionOn(walk.server.url, setup, day(4));
    const portal = await newPage();
    await portal.goto('/login');
    await portal.getByLabel('Email').fill(PATIENT);
    await portal.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await portal.getByRole('button', { name: 'Sign in' }).click();
    await portal.waitForURL(/\/portal$/);
    const hours = portal.getByRole('region', { name: 'My hours this week' });
    await hours.getByText('6 h of 9 h').waitFor();
    const upcoming = portal.getByRole('region', { name: 'My upcoming sessions' });
    await upcoming.getByRole('link', { name: 'Join online' }).first().waitFor();
    expect(await upcoming.getByRole('link', { name: 'Join online' }).first().getAttribute('href')).toBe(
      TELEHEALTH,
    );
    await upcoming.getByText(/Cancelled \(holiday\)/).waitFor();
    // … and the notice above: the day, the track, the reason and the program's note.
    const notice = portal.getByRole('alert', { name: 'A session was cancelled' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      'Evening virtual: cancelled (holiday). Closed for the holiday.',
    );
    await shot(portal, 'program-ops-7-portal-sessions');
  }, 240_000);
});

/**
 * As the program director through the API: a day track meets the three days after today
 * (the make-up sessions); Jordan Rivera and three other North patients are admitted.
 */
async function prepareAsDirector(baseURL: string): Promise<Setup> {
  const api = await directorApi(baseURL);
  try {
    const me = (await getJson(api.context, '/api/auth/me')) as { sites: { id: string; name: string }[] };
    const north = me.sites.find((site) => site.name === 'Riverbend North');
    if (!north) throw new Error('the director is not a member of Riverbend North');
    const programs = (await getJson(api.context, `/api/sites/${north.id}/programs`)) as {
      items: { id: string; name: string }[];
    };
    const program = programs.items.find((candidate) => candidate.name === PROGRAM);
    if (!program) throw new Error(`no ${PROGRAM} program`);
    const programPath = `/api/sites/${north.id}/programs/${program.id}`;

    const staff = (await getJson(api.context, `/api/sites/${north.id}/staff?role=clinician`)) as {
      items: { id: string }[];
    };
    const dayTrack = (await api.send(
      'post',
      `${programPath}/tracks`,
      { name: 'Day track', timeOfDay: 'day', modality: 'in_person', capacity: 12 },
      201,
    )) as { id: string };
    // The day track covers Cravings at every session: a make-up for a member who missed it in the evening.
    await api.send(
      'put',
      `/api/sites/${north.id}/tracks/${dayTrack.id}/curriculum`,
      { topics: [{ title: 'Cravings' }] },
      200,
      { 'If-Match': '"1"' },
    );
    await api.send(
      'post',
      `/api/sites/${north.id}/tracks/${dayTrack.id}/schedules`,
      {
        weekdays: [day(1).dayOfWeek, day(2).dayOfWeek, day(3).dayOfWeek],
        startsOn: day(-3).toString(),
        endsOn: day(60).toString(),
        startTime: '10:00',
        endTime: '13:00',
        sessionType: 'group_therapy',
        facilitatorId: staff.items[0]?.id,
        room: 'Group room 2',
        rotateCurriculum: true,
      },
      201,
    );

    const patients = (await getJson(api.context, `/api/sites/${north.id}/patients`)) as {
      items: { id: string; givenName: string; familyName: string }[];
    };
    const all = patients.items.map((p) => ({
      patientId: p.id,
      givenName: p.givenName,
      familyName: p.familyName,
    }));
    const jordan = all.find((p) => p.givenName === 'Jordan' && p.familyName === 'Rivera');
    if (!jordan) throw new Error('Jordan Rivera is not a North patient');
    const members = [jordan, ...all.filter((p) => p !== jordan).slice(0, 3)];
    for (const member of members) {
      await api.send(
        'post',
        `/api/patients/${member.patientId}/episodes`,
        {
          programId: program.id,
          edition: 3,
          level: '2.1',
          status: 'admitted',
          admittedOn: day(-7).toString(),
        },
        201,
      );
    }
    return { siteId: north.id, programId: program.id, members, jordan };
  } finally {
    await api.context.dispose();
  }
}

async function cancelFirstSessionOn(baseURL: string, setup: Setup, date: Temporal.PlainDate): Promise<void> {
  const api = await directorApi(baseURL);
  try {
    const path = `/api/sites/${setup.siteId}/programs/${setup.programId}/sessions?from=${date}&to=${date.add({ days: 6 })}`;
    const { items } = (await getJson(api.context, path)) as {
      items: { id: string; trackId: string | null; topic: string | null }[];
    };
    const session = items.find((s) => s.topic === CURRICULUM[0]);
    if (!session) throw new Error('no evening session next week');
    await api.send(
      'post',
      `/api/sites/${setup.siteId}/sessions/${session.id}/cancel`,
      { reason: 'holiday', note: 'Closed for the holiday.' },
      200,
    );
  } finally {
    await api.context.dispose();
  }
}

async function directorApi(baseURL: string) {
  const context = await request.newContext({ baseURL });
  const login = await context.post('/api/auth/login', { data: { email: DIRECTOR, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const verify = await context.post('/api/auth/mfa/verify', {
    data: { code: await demoCode(DIRECTOR) },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  expect(verify.status()).toBe(200);
  const send = async (
    method: 'post' | 'put',
    path: string,
    data: unknown,
    status: number,
    headers: Record<string, string> = {},
  ) => {
    const response = await context[method](path, {
      data,
      headers: { 'X-CSRF-Token': csrfToken, ...headers },
    });
    expect(response.status(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBe(status);
    return response.json() as Promise<unknown>;
  };
  return { context, send };
}

async function getJson(api: APIRequestContext, path: string): Promise<unknown> {
  const response = await api.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  return response.json();
}
