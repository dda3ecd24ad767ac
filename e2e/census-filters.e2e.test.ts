// The census's "In treatment" view: the program director admits a North patient to the adult IOP
// at 2.1 through the API, then filters the episode census by program, level and clinician in the browser, and by
// status. Drives the real server on a fresh data folder.
import { type APIRequestContext, request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCode, screenshotPath, useWalkthrough } from './harness';

const DEMO_PASSWORD = 'demo-password-2026';
const DIRECTOR = 'director@demo.openiop.org';

interface Admitted {
  patientId: string;
  mrn: string;
  familyName: string;
  clinicianId: string;
  clinicianName: string;
}

describe('episode census filters in the browser', () => {
  const walk = useWalkthrough();
  let admitted: Admitted;

  beforeAll(async () => {
    admitted = await admitNorthPatientAsDirector(walk.server.url);
  }, 180_000);

  it('filters by program, level and clinician, and by status, with the filters in the address', async () => {
    const context = await walk.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(DIRECTOR);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').fill(await demoCode(DIRECTOR));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Patients at Riverbend North' }).waitFor();

    await page.getByRole('tab', { name: 'In treatment' }).click();
    await page.waitForURL(/[?&]view=treatment/);
    const table = page.getByRole('table', { name: 'Episodes at Riverbend North' });
    const patientRow = table.getByRole('row').filter({ hasText: admitted.mrn });
    await patientRow.waitFor();

    await page.getByLabel('Program').selectOption({ label: 'Adult IOP — North' });
    await page.getByLabel('Level of care').selectOption('2.1');
    await page.getByLabel(/^Clinician/).selectOption(admitted.clinicianId);
    await page.waitForURL((url) => {
      const search = url.searchParams;
      return search.get('level') === '2.1' && Boolean(search.get('program') && search.get('clinician'));
    });
    await page.getByText(/^\d+ episodes? matching the filters$/).waitFor();
    await patientRow.waitFor();
    const rowText = (await patientRow.textContent()) ?? '';
    for (const expected of [
      admitted.familyName,
      'Adult IOP — North',
      '2.1',
      'Admitted',
      admitted.clinicianName,
    ]) {
      expect(rowText).toContain(expected);
    }
    for (const text of (await table.getByRole('row').allTextContents()).slice(1)) {
      expect(text).toContain('Adult IOP — North');
      expect(text).toContain('2.1');
    }
    await page.mouse.move(640, 880); // away from the tabs, so no hover colour in the picture
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(250); // let transitions settle before the picture
    await page.screenshot({ path: await screenshotPath('census-filters'), fullPage: true });

    // Discharged episodes only: this patient's episode is open, so it is not listed.
    await page.getByLabel('Episode status').selectOption('discharged');
    await page.waitForURL((url) => url.searchParams.get('status') === 'discharged');
    await page.getByText('No episodes match these filters.').waitFor();
    expect(await patientRow.count()).toBe(0);

    // The filters live in the address: a reload shows the same census.
    await page.reload();
    await page.getByText('No episodes match these filters.').waitFor();
    expect(await page.getByLabel('Episode status').inputValue()).toBe('discharged');
    expect(await page.getByLabel('Level of care').inputValue()).toBe('2.1');

    // Back to open episodes; Enter on the row opens the patient.
    await page.getByLabel('Episode status').selectOption('open');
    await patientRow.waitFor();
    expect(new URL(page.url()).searchParams.has('status')).toBe(false);
    await patientRow.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/patients/${admitted.patientId}\\?tab=episode$`));
    await page.getByRole('heading', { name: 'Episode: Adult IOP — North' }).waitFor();
  }, 120_000);
});

/** Signs in as the program director through the API and admits the first North patient to the adult IOP at 2.1. */
async function admitNorthPatientAsDirector(baseURL: string): Promise<Admitted> {
  const api = await request.newContext({ baseURL });
  try {
    const login = await api.post('/api/auth/login', { data: { email: DIRECTOR, password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const verify = await api.post('/api/auth/mfa/verify', {
      data: { code: await demoCode(DIRECTOR) },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(verify.status()).toBe(200);
    const me = (await getJson(api, '/api/auth/me')) as { sites: { id: string; name: string }[] };
    const north = me.sites.find((site) => site.name === 'Riverbend North');
    if (!north) throw new Error('the director is not a member of Riverbend North');
    const programs = (await getJson(api, `/api/sites/${north.id}/programs`)) as {
      items: { id: string; name: string }[];
    };
    const program = programs.items.find((candidate) => candidate.name === 'Adult IOP — North');
    if (!program) throw new Error('no Adult IOP — North program');
    const staff = (await getJson(api, `/api/sites/${north.id}/staff`)) as {
      items: { id: string; displayName: string; role: string }[];
    };
    const clinician = staff.items.find((member) => member.role === 'clinician');
    if (!clinician) throw new Error('no clinician at Riverbend North');
    const patients = (await getJson(api, `/api/sites/${north.id}/patients`)) as {
      items: { id: string; mrn: string; familyName: string }[];
    };
    const patient = patients.items[0];
    if (!patient) throw new Error('no patients at Riverbend North');

    const created = await api.post(`/api/patients/${patient.id}/episodes`, {
      data: { programId: program.id, edition: 3, level: '2.1', primaryClinicianId: clinician.id },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(created.status(), await created.text()).toBe(201);
    return {
      patientId: patient.id,
      mrn: patient.mrn,
      familyName: patient.familyName,
      clinicianId: clinician.id,
      clinicianName: clinician.displayName,
    };
  } finally {
    await api.dispose();
  }
}

async function getJson(api: APIRequestContext, path: string): Promise<unknown> {
  const response = await api.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  return response.json();
}
