// The foundation walkthrough: staff sign in with MFA, find and open a patient, get signed out after
// idling; a patient sees only their own portal; a nurse breaks the glass for a patient of another site; an
// admin verifies the audit chain. Drives the real server on a fresh data folder.
import { type Page, request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCode, screenshotPath, useWalkthrough } from './harness';

const DEMO_PASSWORD = 'demo-password-2026';
const IDLE_SECONDS = 20;
const staffEmail = (role: string) => `${role}@demo.openiop.org`;

describe('foundation walkthrough in the browser', () => {
  const walk = useWalkthrough({ SESSION_IDLE_SECONDS: String(IDLE_SECONDS) });
  let census: SiteCensus[];

  beforeAll(async () => {
    census = await censusAsDirector(walk.server.url);
  }, 180_000);

  const patientsAt = (siteName: string) => census.find((site) => site.name === siteName)?.patients ?? [];

  async function newPage(): Promise<Page> {
    const context = await walk.newContext({ viewport: { width: 1280, height: 860 } });
    return context.newPage();
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    // Mantine appends a hidden " *" to required labels, so match the start of the label.
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signInStaffWithMfa(page: Page, role: string): Promise<void> {
    await signIn(page, staffEmail(role));
    await page.getByLabel('Authentication code').fill(await demoCode(staffEmail(role)));
    await page.getByRole('button', { name: 'Verify' }).click();
  }

  it('a clinician signs in with MFA, opens a patient from the census, and is signed out after idling', async () => {
    const page = await newPage();
    await signInStaffWithMfa(page, 'clinician');

    await page.getByRole('heading', { name: 'Patients at Riverbend North' }).waitFor();
    const navigation = page.getByRole('navigation');
    expect(await navigation.getByRole('link', { name: 'Patients' }).count()).toBe(1);
    expect(await navigation.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    expect(await page.getByRole('banner').textContent()).toContain('Clinician');

    await page.getByLabel('Search patients').fill('Okafor');
    await page.getByText(/[1-9]\d* patients? matching “Okafor”/).waitFor();
    const rows = page.getByRole('table', { name: 'Patients at Riverbend North' }).getByRole('row');
    const bodyRows = (await rows.allTextContents()).slice(1);
    expect(bodyRows.length).toBeGreaterThan(0);
    for (const text of bodyRows) expect(text).toContain('Okafor');
    const okaforRow = rows.filter({ hasText: 'Okafor' }).first();
    await page.screenshot({ path: await screenshotPath('census-search'), fullPage: true });
    const mrn = (await okaforRow.getByRole('cell').first().textContent())?.trim() ?? '';
    expect(mrn).not.toBe('');

    await okaforRow.click();
    await page.waitForURL(/\/patients\/[^/]+$/);
    const header = page.getByRole('region', { name: 'Patient summary' });
    await header.getByRole('heading', { level: 1, name: /Okafor/ }).waitFor();
    const headerText = (await header.textContent()) ?? '';
    expect(headerText).toContain(mrn);
    expect(headerText).toContain('Riverbend North');
    expect(headerText).toContain('42 CFR Part 2');
    await page.screenshot({ path: await screenshotPath('patient-header'), fullPage: true });

    // From here on, no input at all: the app must warn, then sign out on its own.
    const warning = page.getByRole('dialog', { name: 'Are you still there?' });
    await warning.waitFor({ timeout: IDLE_SECONDS * 1000 + 5_000 });
    expect(await warning.textContent()).toMatch(/You will be signed out in \d+ seconds?/);
    await page.waitForTimeout(400); // let the modal finish fading in before the picture
    await page.screenshot({ path: await screenshotPath('idle-warning') });

    await page
      .getByText('You were signed out after a period of inactivity')
      .waitFor({ timeout: IDLE_SECONDS * 1000 });
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Email').waitFor();
    await page.screenshot({ path: await screenshotPath('signed-out-after-idle') });
    const meStatus = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(meStatus).toBe(401);
  }, 120_000);

  it('a clinician invites a patient to the portal; the one-time link opens their own portal once', async () => {
    const staff = await newPage();
    await signInStaffWithMfa(staff, 'clinician');
    await staff.getByLabel('Search patients').fill('Delgado');
    const row = staff
      .getByRole('table', { name: 'Patients at Riverbend North' })
      .getByRole('row', { name: /Delgado/ });
    await row.click();
    const portalCard = staff.getByRole('region', { name: 'Patient portal' });
    await portalCard.getByRole('button', { name: 'Invite to the portal' }).click();
    const link = (await portalCard.getByLabel('Portal invitation link').textContent())?.trim() ?? '';
    expect(link).toMatch(/\/portal\/invite\/[A-Za-z0-9_-]{20,}$/);
    await staff.evaluate(() => window.scrollTo(0, 0)); // a full-page picture of a scrolled page repeats the fixed header
    await staff.screenshot({ path: await screenshotPath('portal-invitation'), fullPage: true });

    const patient = await newPage();
    await patient.goto(new URL(link).pathname);
    await patient.getByLabel('Email').fill('sofia.delgado@example.org');
    await patient.getByLabel(/^Password/).fill('sofia-long-password');
    await patient.getByLabel(/^Confirm password/).fill('sofia-long-password');
    await patient.getByRole('button', { name: /Create|Accept|Continue/ }).click();
    await patient.waitForURL(/\/portal$/);
    const profile = patient.getByRole('region', { name: 'My profile' });
    await profile.waitFor();
    expect(await profile.textContent()).toContain('Sofia Delgado');

    const again = await newPage();
    await again.goto(new URL(link).pathname);
    await again
      .getByText(/no longer works|not valid any more/i)
      .first()
      .waitFor();
  }, 120_000);

  it('a patient signs into the portal and sees only their own profile', async () => {
    const someoneElse = patientsAt('Riverbend North').find((patient) => patient.familyName !== 'Rivera');
    expect(someoneElse).toBeDefined();
    const page = await newPage();
    await signIn(page, 'patient@demo.openiop.org');

    await page.waitForURL(/\/portal$/);
    const profile = page.getByRole('region', { name: 'My profile' });
    await profile.waitFor();
    expect(await profile.textContent()).toContain('Jordan Rivera');
    const helpLine = page.getByRole('region', { name: 'Need support right now?' });
    expect(await helpLine.textContent()).toMatch(/24-hour help line: \S+/);
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Patients' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.screenshot({ path: await screenshotPath('portal'), fullPage: true });

    const ownId = await page.evaluate(
      async () => ((await (await fetch('/api/portal/me')).json()) as { patient: { id: string } }).patient.id,
    );
    expect(someoneElse?.id).not.toBe(ownId);
    const status = await page.evaluate(
      async (id) => (await fetch(`/api/patients/${id}`)).status,
      someoneElse?.id,
    );
    expect(status).toBe(403);
  }, 60_000);

  it('a nurse breaks the glass, with a reason, to open a patient of another site', async () => {
    const southPatient = patientsAt('Riverbend South')[0];
    expect(southPatient).toBeDefined();
    const page = await newPage();
    await signInStaffWithMfa(page, 'nurse');
    await page.getByRole('heading', { name: 'Patients at Riverbend North' }).waitFor();

    await page.goto(`/patients/${southPatient?.id}`);
    await page.getByRole('heading', { name: 'This patient is not at one of your sites' }).waitFor();
    await page.getByRole('button', { name: 'Break the glass' }).click();
    const reason = page.getByLabel(/^Reason for emergency access/);
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Give the reason you need this record now').waitFor();

    await reason.fill('Patient arrived at North in crisis; need their record now.');
    await page.screenshot({ path: await screenshotPath('break-glass'), fullPage: true });
    await page.getByRole('button', { name: 'Break the glass' }).click();

    const header = page.getByRole('region', { name: 'Patient summary' });
    await header.getByRole('heading', { level: 1, name: southPatient?.familyName }).waitFor();
    expect(await header.textContent()).toContain('Riverbend South');
    await page.getByText(/You opened this record by breaking the glass/).waitFor();
  }, 60_000);

  it("a program director reviews the nurse's break-glass: reason, window, every access, then follow-up", async () => {
    const page = await newPage();
    await signInStaffWithMfa(page, 'director');
    await page.getByRole('heading', { name: 'Patients at Riverbend North' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Break-glass review' }).click();
    await page.getByRole('heading', { name: 'Break-glass review' }).waitFor();

    const grant = page.getByRole('region', { name: 'Grant to Noor Nurse, RN' });
    await grant.getByText('Patient arrived at North in crisis; need their record now.').waitFor();
    expect(await grant.textContent()).toContain('Riverbend South');
    const accesses = grant.getByRole('table', { name: 'Accesses under this grant' }).getByRole('row');
    const actions = (await accesses.allTextContents()).slice(1).join(' | ');
    expect(actions).toContain('patient.break_glass');
    expect(actions).toContain('patient.read');

    // Follow-up needs a note: the field says so before anything is recorded.
    await grant.getByRole('button', { name: 'Needs follow-up' }).click();
    await grant.getByText('Say what needs to follow up.').waitFor();
    await grant.getByLabel('Review note').fill('Confirm with the nurse that the South team was unreachable.');
    await page.screenshot({ path: await screenshotPath('break-glass-review'), fullPage: true });
    await grant.getByRole('button', { name: 'Needs follow-up' }).click();
    await page.getByText('No grants here.').waitFor();

    await page.locator('label', { hasText: /^Reviewed$/ }).click();
    const reviewed = page.getByRole('region', { name: 'Grant to Noor Nurse, RN' });
    await reviewed.getByText('Needs follow-up').waitFor();
    expect(await reviewed.textContent()).toContain('director@demo.openiop.org');
    await page.screenshot({ path: await screenshotPath('break-glass-reviewed'), fullPage: true });
  }, 60_000);

  it('an admin opens the audit log and verifies the hash chain', async () => {
    const page = await newPage();
    await signInStaffWithMfa(page, 'admin');

    // The administrator's home is the staff list; the audit log is one menu entry away.
    await page.waitForURL(/\/admin\/users$/);
    const navigation = page.getByRole('navigation');
    await navigation.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/audit$/);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Audit log' }).count()).toBe(1);
    expect(await navigation.getByRole('link', { name: 'Patients' }).count()).toBe(0);

    // The clinician's reads from the first walkthrough are in the log, under their own name.
    await page.getByLabel('Actor email').fill(staffEmail('clinician'));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/actorEmail=/);
    const entries = page.getByRole('table', { name: 'Audit entries' }).getByRole('row');
    await expect
      .poll(async () => {
        const rows = (await entries.allTextContents()).slice(1);
        return rows.length > 0 && rows.every((text) => text.includes(staffEmail('clinician')));
      })
      .toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await page.getByRole('button', { name: 'Verify chain' }).click();
    const result = page.getByRole('alert').filter({ hasText: 'Audit chain intact' });
    await result.waitFor();
    expect(await result.textContent()).toMatch(/[1-9]\d* rows? checked/);
    await page.screenshot({ path: await screenshotPath('audit-verify') });
  }, 60_000);
});

interface SiteCensus {
  name: string;
  patients: { id: string; givenName: string; familyName: string }[];
}

/** The first census page of every site, read through the API as the program director (a member of both). */
async function censusAsDirector(baseURL: string): Promise<SiteCensus[]> {
  const api = await request.newContext({ baseURL });
  try {
    const login = await api.post('/api/auth/login', {
      data: { email: staffEmail('director'), password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const verify = await api.post('/api/auth/mfa/verify', {
      data: { code: await demoCode(staffEmail('director')) },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(verify.status()).toBe(200);
    const me = (await (await api.get('/api/auth/me')).json()) as { sites: { id: string; name: string }[] };
    const result: SiteCensus[] = [];
    for (const site of me.sites) {
      const page = (await (await api.get(`/api/sites/${site.id}/patients`)).json()) as {
        items: SiteCensus['patients'];
      };
      result.push({ name: site.name, patients: page.items });
    }
    return result;
  } finally {
    await api.dispose();
  }
}
