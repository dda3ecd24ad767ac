import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admit, demoIds } from '../test-support/clinical-fixtures';
import { call, createTestApp, login, type Session, type TestApp } from '../test-support/test-app';

let t: TestApp;
let clinician: Session; // North only
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  t = await createTestApp();
  clinician = await login(t.app, 'clinician@demo.openiop.org');
  ids = await demoIds(t);
  await admit(t, clinician, ids.okafor, ids.northAdultIop, { primaryClinicianId: ids.clinicianId });
  await admit(t, clinician, ids.bell, ids.northAdultIop, { level: '2.5', careTeam: [ids.clinicianId] });
  await admit(t, clinician, ids.delgado, ids.northAdultIop, { primaryClinicianId: ids.nurseId });
});
afterAll(() => t?.close());

const census = (query: string, site = ids.north) =>
  call(t.app, 'GET', `/api/sites/${site}/episodes?${query}`, { session: clinician });
const families = (res: { body: { items: { familyName: string }[] } }) =>
  res.body.items.map((i) => i.familyName);

describe('episode census', () => {
  it('lists open episodes and filters by program, level, status and clinician', async () => {
    expect(families(await census(''))).toEqual(['Bell', 'Delgado', 'Okafor']);
    expect(families(await census(`programId=${ids.northAdolescentIop}`))).toEqual([]);
    expect(families(await census('level=2.5'))).toEqual(['Bell']);
    expect(families(await census('status=active'))).toEqual([]);
    expect(families(await census(`clinicianId=${ids.clinicianId}`))).toEqual(['Bell', 'Okafor']);
    const okafor = (await census(`clinicianId=${ids.clinicianId}&level=2.1`)).body;
    expect(okafor).toMatchObject({
      total: 1,
      items: [
        {
          programName: 'Adult IOP — North',
          primaryClinicianName: 'Casey Clinician, LPC',
          status: 'admitted',
        },
      ],
    });
  });

  it('refuses an unknown status and another site (403)', async () => {
    expect((await census('status=gone')).status).toBe(400);
    expect((await census('', ids.south)).status).toBe(403);
  });

  it("lists the site's programs and staff", async () => {
    const programs = await call(t.app, 'GET', `/api/sites/${ids.north}/programs`, { session: clinician });
    expect(programs.body.items.map((p: { name: string }) => p.name)).toEqual([
      'Adolescent IOP — North',
      'Adult IOP — North',
    ]);
    expect(programs.body.items[0]).toMatchObject({ ciwaArAbove: 15, cowsAtLeast: 13, planReviewDays: 30 });
    const staff = await call(t.app, 'GET', `/api/sites/${ids.north}/staff?role=clinician,nurse`, {
      session: clinician,
    });
    // Each with the credentials a roster shows and whether they may lead group therapy.
    const byRole = (role: string) => staff.body.items.find((s: { role: string }) => s.role === role);
    expect(staff.body.items.map((s: { role: string }) => s.role).sort()).toEqual(['clinician', 'nurse']);
    expect(byRole('clinician')).toMatchObject({ credentials: 'LPC', licensed: true });
    expect(byRole('nurse')).toMatchObject({ credentials: 'RN', licensed: false });
  });
});
