// Clinical days are the site's calendar days, whatever zone the server process runs in and whatever UTC's day
// is. The real server runs as a process in Pacific/Kiritimati (UTC+14: a calendar day ahead of the demo sites'
// America/Chicago at every hour) with its clock started either side of Chicago's midnight
// (OPENIOP_CLOCK_START), on the store this project tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type HttpSession,
  httpCall,
  type ServerProcess,
  signIn,
  startServer,
  stopAllServers,
} from '../test-support/server-process';
import { expectStatus, okBody, openTestDatabase, storeKind } from '../test-support/test-app';

const PROCESS_ZONE = 'Pacific/Kiritimati';
const SITE_ZONE = 'America/Chicago';
const utcDay = Temporal.Now.plainDateISO('UTC');
const CLINICIAN = 'clinician@demo.openiop.org';
const AFTERCARE = {
  nextProvider: { name: 'Riverbend Outpatient', levelOfCare: '1' },
  appointments: [],
  recoverySupports: ['alumni_group'],
  crisisPlan: { crisisLine: '988', warningSigns: 'Skipping meetings', copingSteps: 'Call sponsor' },
  medicationContinuity: { medications: 'None', prescriber: 'None', supplyUntil: null },
};
const GUARDIAN = { name: 'Pat Newborn', relationship: 'Mother', phone: '(555) 010-2222' };

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await stopAllServers();
  for (const cleanup of cleanups) await cleanup();
});

/** A server on a fresh copy of the demo data, its process in Kiritimati, its clock starting at `at`. */
async function farZoneServer(at: Date): Promise<ServerProcess & { now: () => Date }> {
  const env: Record<string, string> = { TZ: PROCESS_ZONE, OPENIOP_CLOCK_START: at.toISOString() };
  if (storeKind() === 'embedded') {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'openiop-far-zone-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    env.OPENIOP_DATA_DIR = dataDir;
  } else {
    const copy = await openTestDatabase();
    cleanups.push(copy.drop);
    Object.assign(env, { DATABASE_URL: copy.url!, OPENIOP_SEED_DEMO: 'false' });
  }
  const offset = at.getTime() - Date.now();
  const server = await startServer({ env });
  return Object.assign(server, { now: () => new Date(Date.now() + offset) });
}

describe.each([
  // At 00:30 UTC Chicago is still on the day before (18:30), Kiritimati on the UTC day (14:30).
  ['00:30', utcDay.subtract({ days: 1 })],
  // At 23:30 UTC Chicago is on the UTC day (17:30), Kiritimati already on the next (13:30).
  ['23:30', utcDay],
])(`at %s UTC, the server process in ${PROCESS_ZONE} (${storeKind()} store)`, (time, siteDay) => {
  const siteToday = siteDay.toString();
  const siteTomorrow = siteDay.add({ days: 1 }).toString();
  let server: ServerProcess & { now: () => Date };
  let clinician: HttpSession;
  let north: string;
  let adultIop: string;
  const call = <M extends string, P extends string>(
    method: M,
    url: P,
    body?: unknown,
    headers?: Record<string, string>,
  ) => httpCall(server.url, method, url, { session: clinician, body, ...(headers ? { headers } : {}) });
  const patientNamed = async (familyName: string): Promise<string> => {
    const census = await call('GET', `/api/sites/${north}/patients?q=${familyName}`);
    return okBody(census).items[0]!.id;
  };

  beforeAll(async () => {
    server = await farZoneServer(new Date(`${utcDay}T${time}:00Z`));
    clinician = await signIn(server.url, CLINICIAN, undefined, server.now);
    const me = await call('GET', '/api/auth/me');
    north = okBody(me).sites[0]!.id;
    const programs = await call('GET', `/api/sites/${north}/programs`);
    adultIop = okBody(programs).items.find((p) => p.name === 'Adult IOP — North')!.id;
  }, 180_000);

  it('gives the web the site’s zone (me) and the patient’s site zone (chart)', async () => {
    const me = await call('GET', '/api/auth/me');
    expect(okBody(me).sites).toEqual([
      expect.objectContaining({ name: 'Riverbend North', timeZone: SITE_ZONE }),
    ]);
    const patient = await call('GET', `/api/patients/${await patientNamed('Bell')}`);
    expect(okBody(patient).siteTimeZone).toBe(SITE_ZONE);
  });

  it('admits on the site’s day; refuses a discharge on the site’s tomorrow and takes one on its today', async () => {
    const patientId = await patientNamed('Okafor');
    const admitted = await call('POST', `/api/patients/${patientId}/episodes`, {
      programId: adultIop,
      level: '2.1',
    });
    expectStatus(admitted, 201);
    expect(admitted.body.admittedOn).toBe(siteToday);
    const discharge = (dischargedOn: string) =>
      call(
        'POST',
        `/api/patients/${patientId}/episodes/${admitted.body.id}/discharge`,
        {
          dischargedOn,
          reason: 1,
          summary: 'Goals met.',
          aftercare: AFTERCARE,
        },
        { 'if-match': `"${admitted.body.version}"` },
      );
    // The site's tomorrow is the process's today at both hours (and UTC's today at 00:30).
    const early = await discharge(siteTomorrow);
    expectStatus(early, 422);
    expect(early.body.error.fields).toEqual([
      expect.objectContaining({ path: 'dischargedOn', message: expect.stringMatching(/future/) }),
    ]);
    const onTheDay = await discharge(siteToday);
    expectStatus(onTheDay, 201);
  });

  it('dates an ASAM assessment sent without a date on the site’s day', async () => {
    const res = await call('POST', `/api/patients/${await patientNamed('Bell')}/assessments`, {
      edition: 3,
      ratings: { D1: 1, D2: 0, D3: 1, D4: 1, D5: 2, D6: 1 },
      placedLevel: '2.1',
    });
    expectStatus(res, 201);
    expect(res.body.assessedOn).toBe(siteToday);
  });

  it('a date of birth on the site’s tomorrow is in the future; on the site’s today it is not', async () => {
    const create = (dateOfBirth: string, familyName: string) =>
      call('POST', `/api/sites/${north}/patients`, {
        givenName: 'Newborn',
        familyName,
        dateOfBirth,
        guardianContact: GUARDIAN,
      });
    const tomorrow = await create(siteTomorrow, 'Tomorrow');
    expectStatus(tomorrow, 422);
    expect(tomorrow.body.error.fields[0]?.path).toBe('dateOfBirth');
    const born = await create(siteToday, 'Today');
    expectStatus(born, 201);
  });
});
