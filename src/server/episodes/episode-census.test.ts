import { beforeAll, describe, expect, it } from 'vitest';
import { admit } from '../test-support/clinical-fixtures';
import { type ApiResponse, call, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({
  clinician: 'clinician@demo.openiop.org', // North only
});

beforeAll(async () => {
  await admit(s.t, s.clinician, s.ids.okafor, s.ids.northAdultIop, { primaryClinicianId: s.ids.clinicianId });
  await admit(s.t, s.clinician, s.ids.bell, s.ids.northAdultIop, {
    level: '2.5',
    careTeam: [s.ids.clinicianId],
  });
  await admit(s.t, s.clinician, s.ids.delgado, s.ids.northAdultIop, { primaryClinicianId: s.ids.nurseId });
});

const census = <Q extends string>(query: Q, site = s.ids.north) =>
  call(s.t.app, 'GET', `/api/sites/${site}/episodes?${query}`, { session: s.clinician });
const families = (res: ApiResponse<`/api/sites/${string}/episodes`, 'GET'>) =>
  okBody(res).items.map((i) => i.familyName);

describe('episode census', () => {
  it('lists open episodes and filters by program, level, status and clinician', async () => {
    expect(families(await census(''))).toEqual(['Bell', 'Delgado', 'Okafor']);
    expect(families(await census(`programId=${s.ids.northAdolescentIop}`))).toEqual([]);
    expect(families(await census('level=2.5'))).toEqual(['Bell']);
    expect(families(await census('status=active'))).toEqual([]);
    expect(families(await census(`clinicianId=${s.ids.clinicianId}`))).toEqual(['Bell', 'Okafor']);
    const okafor = (await census(`clinicianId=${s.ids.clinicianId}&level=2.1`)).body;
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
    expect((await census('', s.ids.south)).status).toBe(403);
  });

  it("lists the site's programs and staff", async () => {
    const programs = await call(s.t.app, 'GET', `/api/sites/${s.ids.north}/programs`, {
      session: s.clinician,
    });
    expect(okBody(programs).items.map((p: { name: string }) => p.name)).toEqual([
      'Adolescent IOP — North',
      'Adult IOP — North',
    ]);
    expect(okBody(programs).items[0]).toMatchObject({ ciwaArAbove: 15, cowsAtLeast: 13, planReviewDays: 30 });
    const staff = await call(s.t.app, 'GET', `/api/sites/${s.ids.north}/staff?role=clinician,nurse`, {
      session: s.clinician,
    });
    // Each with the credentials a roster shows and whether they may lead group therapy.
    const byRole = (role: string) => okBody(staff).items.find((s: { role: string }) => s.role === role);
    expect(
      okBody(staff)
        .items.map((s: { role: string }) => s.role)
        .sort(),
    ).toEqual(['clinician', 'nurse']);
    expect(byRole('clinician')).toMatchObject({ credentials: 'LPC', licensed: true });
    expect(byRole('nurse')).toMatchObject({ credentials: 'RN', licensed: false });
  });
});
