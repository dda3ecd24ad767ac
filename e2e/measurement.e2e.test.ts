// The measurement-based care walkthrough: Jordan Rivera, admitted three weeks ago with a
// PHQ-9 of 16 at intake, answers the PHQ-9 that is now due in the portal on a phone-sized screen, with item 9
// ("thoughts that you would be better off dead …") = "Several days", and sees the 988 crisis line at once. The
// primary clinician (Casey, North) signs in, finds the urgent task in "My urgent tasks" and the banner on
// Jordan's chart, sees the PHQ-9 trend with its bands, and acknowledges the task.
import { type Page, request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCode, screenshotPath, siteToday, useWalkthrough } from './harness';

const DEMO_PASSWORD = 'demo-password-2026';
const CLINICIAN = 'clinician@demo.openiop.org';
const DIRECTOR = 'director@demo.openiop.org';
const PATIENT = 'patient@demo.openiop.org';
const PROGRAM = 'Adult IOP — North';
const ZONE = 'America/Chicago';
const today = siteToday(ZONE);
const admittedOn = today.subtract({ days: 20 }).toString();

/** Answers in the order of the PHQ-9 items; item 9 = "Several days". Total 10 (moderate). */
const PORTAL_ANSWERS = [
  'More than half the days',
  'More than half the days',
  'Several days',
  'More than half the days',
  'Several days',
  'Several days',
  'Not at all',
  'Not at all',
  'Several days',
];

describe('measurement-based care walkthrough in the browser', () => {
  const walk = useWalkthrough();

  beforeAll(async () => {
    await admitJordanWithIntakePhq9(walk.server.url);
  }, 180_000);

  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await walk.newContext({ viewport });
    return context.newPage();
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(250);
    await page.screenshot({ path: await screenshotPath(name), fullPage: true });
  }

  it('portal PHQ-9 with item 9 = 1 on a phone → crisis line → the clinician sees, reviews and acknowledges', async () => {
    // 1. The patient, on a 375 px wide phone.
    const phone = await newPage({ width: 375, height: 812 });
    await phone.goto('/login');
    await phone.getByLabel('Email').fill(PATIENT);
    await phone.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.waitForURL(/\/portal$/);
    const questionnaires = phone.getByRole('region', { name: 'My questionnaires' });
    await questionnaires.getByRole('button', { name: 'Start PHQ-9' }).click();
    const form = phone.getByRole('form', { name: 'PHQ-9' });
    for (const [i, answer] of PORTAL_ANSWERS.entries()) {
      await form
        .getByRole('radiogroup', { name: new RegExp(`^${i + 1}\\. `) })
        .getByRole('radio', { name: answer, exact: true })
        .check();
    }
    await shot(phone, 'measurement-1-portal-phq9-phone');
    // Nothing is wider than the phone: no sideways scrolling to reach an answer.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await form.getByRole('button', { name: 'Send my answers' }).click();

    // 2. Right after submitting: the 24-hour line, with one-tap call and text.
    const crisis = phone.getByRole('region', { name: "You don't have to go through this alone" });
    await crisis.getByText(/988 Suicide & Crisis Lifeline — call or text 988/).waitFor();
    expect(await crisis.getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    expect(await crisis.getByRole('link', { name: 'Text 988' }).getAttribute('href')).toBe('sms:988');
    await crisis.getByText(/Your care team has been told/).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(phone, 'measurement-2-portal-crisis-line');

    // 3. The primary clinician signs in and finds the task in "My urgent tasks".
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto('/login');
    await page.getByLabel('Email').fill(CLINICIAN);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').fill(await demoCode(CLINICIAN));
    await page.getByRole('button', { name: 'Verify' }).click();
    // The staff shell counts open urgent tasks beside the menu entry.
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /My urgent tasks\s*1 open/ })
      .click();
    const tasks = page.getByRole('table', { name: 'My urgent tasks' });
    const row = tasks.getByRole('row', { name: /Jordan/ });
    await row.getByText('Suicide risk: same-day review').waitFor();
    expect(await row.textContent()).toContain('PHQ-9 10 (Moderate), portal');
    await shot(page, 'measurement-3-my-urgent-tasks');

    // 4. Jordan's chart: the banner while the task is open, and the PHQ-9 trend with its bands.
    await row.getByRole('link', { name: /Jordan/ }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Urgent: Suicide risk: same-day review' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('entered by the patient in the portal');
    const trend = page.getByRole('region', { name: 'PHQ-9 trend' });
    await trend
      .getByRole('img', { name: new RegExp(`PHQ-9 over the episode — ${admittedOn}: 16, ${today}: 10`) })
      .waitFor();
    await trend.getByText('Change since intake: -6 (16 → 10)').waitFor();
    await trend.getByText('≥ 5-point improvement').waitFor();
    await shot(page, 'measurement-4-chart-banner-and-trend');

    // 5. Acknowledge: the banner goes, and the task list is empty.
    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.getByRole('navigation').getByRole('link', { name: 'My urgent tasks' }).click();
    await page.getByText('No open urgent tasks.').waitFor();

    // 6. The due list: Jordan's PHQ-9 is done; GAD-7 and BAM are still due.
    await page.getByRole('navigation').getByRole('link', { name: 'Measures' }).click();
    const due = page.getByRole('table', { name: 'Due questionnaires' });
    const jordanRows = due.getByRole('row', { name: /Jordan/ });
    await jordanRows.first().waitFor();
    const texts = await jordanRows.allTextContents();
    expect(texts.some((t) => t.includes('GAD-7'))).toBe(true);
    expect(texts.some((t) => t.includes('PHQ-9'))).toBe(false);
    await shot(page, 'measurement-5-due-list');

    // 7. Staff entry: from the due list to the chart's Measures tab, a GAD-7 item by item.
    await jordanRows
      .first()
      .getByRole('link', { name: /Jordan/ })
      .click();
    await page.getByRole('combobox', { name: 'Instrument' }).click();
    await page.getByRole('option', { name: /^GAD-7/ }).click();
    const gad = page.getByRole('form', { name: 'GAD-7' });
    for (let item = 1; item <= 7; item++) {
      await gad
        .getByRole('radiogroup', { name: new RegExp(`^${item}\\. `) })
        .getByRole('radio', { name: 'Several days', exact: true })
        .check();
    }
    await gad.getByRole('button', { name: 'Save GAD-7' }).click();
    await page.getByText('Total 7, Mild.').waitFor();
    await page.getByRole('region', { name: 'GAD-7 trend' }).getByRole('img', { name: /: 7$/ }).waitFor();

    // 8. The program director adds the C-SSRS screener at intake and sees the program's average change.
    const director = await newPage({ width: 1280, height: 900 });
    await director.goto('/login');
    await director.getByLabel('Email').fill(DIRECTOR);
    await director.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await director.getByRole('button', { name: 'Sign in' }).click();
    await director.getByLabel('Authentication code').fill(await demoCode(DIRECTOR));
    await director.getByRole('button', { name: 'Verify' }).click();
    await director.getByRole('navigation').getByRole('link', { name: 'Measures' }).click();
    await director.getByRole('heading', { name: 'Measures — Riverbend North' }).waitFor();
    await director.getByRole('tab', { name: 'Schedules' }).click();
    const adult = director.getByRole('region', { name: `${PROGRAM} schedule` });
    await adult.getByRole('checkbox', { name: 'C-SSRS screener', exact: true }).check();
    await adult.getByRole('button', { name: 'Save schedule' }).click();
    await adult.getByText('Saved.').waitFor();
    await shot(director, 'measurement-6-schedule-settings');
    await director.getByRole('tab', { name: 'Program outcomes' }).click();
    const phqOutcome = director
      .getByRole('table', { name: 'Program outcomes' })
      .getByRole('row', { name: /PHQ-9/ });
    await phqOutcome.waitFor();
    expect(await phqOutcome.textContent()).toBe(`${PROGRAM}PHQ-91-60`);
    await shot(director, 'measurement-7-program-outcomes');
  }, 240_000);
});

/** As the clinician through the API: Jordan admitted 20 days ago with Casey as primary clinician, PHQ-9 16 at intake. */
async function admitJordanWithIntakePhq9(baseURL: string): Promise<string> {
  const context = await request.newContext({ baseURL });
  try {
    const login = await context.post('/api/auth/login', {
      data: { email: CLINICIAN, password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { 'X-CSRF-Token': csrfToken };
    const verify = await context.post('/api/auth/mfa/verify', {
      data: { code: await demoCode(CLINICIAN) },
      headers,
    });
    expect(verify.status()).toBe(200);
    const me = (await (await context.get('/api/auth/me')).json()) as {
      user: { id: string };
      sites: { id: string; name: string }[];
    };
    const north = me.sites.find((s) => s.name === 'Riverbend North')!;
    const programs = (await (await context.get(`/api/sites/${north.id}/programs`)).json()) as {
      items: { id: string; name: string }[];
    };
    const program = programs.items.find((p) => p.name === PROGRAM)!;
    const patients = (await (await context.get(`/api/sites/${north.id}/patients?q=Rivera`)).json()) as {
      items: { id: string; givenName: string; familyName: string }[];
    };
    const jordan = patients.items.find((p) => p.givenName === 'Jordan' && p.familyName === 'Rivera')!;
    const admitted = await context.post(`/api/patients/${jordan.id}/episodes`, {
      data: { programId: program.id, level: '2.1', admittedOn, primaryClinicianId: me.user.id },
      headers,
    });
    expect(admitted.status(), await admitted.text()).toBe(201);
    const intake = await context.post(`/api/patients/${jordan.id}/instrument-results`, {
      data: {
        instrumentId: 'phq-9',
        administeredOn: admittedOn,
        answers: { item1: 2, item2: 3, item3: 2, item4: 2, item5: 2, item6: 2, item7: 2, item8: 1, item9: 0 },
      },
      headers,
    });
    expect(intake.status(), await intake.text()).toBe(201);
    return jordan.id;
  } finally {
    await context.dispose();
  }
}
