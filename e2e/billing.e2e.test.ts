// The billing walkthrough: billing signs in, opens Billing at Riverbend South, is refused a billing provider
// whose NPI fails its check digit (the message sits beside the NPI), saves a good one, makes the charges of the
// last two weeks from the demo's signed group note (and reads why the other member days made none), holds a
// charge with a reason and finds it under Held, then opens the patient's Coverage and authorizations tab.
//
// The demo data documents one group session a week ago at Riverbend South (attendance and a signed note) and
// one yesterday left in draft: the first makes charges, the second is reported as not documented.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoCode, screenshotPath, siteToday, useWalkthrough } from './harness';

const DEMO_PASSWORD = 'demo-password-2026';
const BILLING = 'billing@demo.openiop.org';
const SITE = 'Riverbend South';
const PROGRAM = 'Adult IOP — South';
const ZONE = 'America/Chicago';
const HOLD_REASON = 'Waiting for the payer to confirm the member id';

describe('billing walkthrough in the browser', () => {
  const walk = useWalkthrough();

  async function signIn(email: string): Promise<Page> {
    const context = await walk.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').fill(await demoCode(email));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('navigation').waitFor();
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.mouse.move(1270, 890);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(250); // let transitions settle before the picture
    await page.screenshot({ path: await screenshotPath(name), fullPage: true });
  }

  it('billing provider → make charges → hold one → Held → the chart’s coverage', async () => {
    const page = await signIn(BILLING);
    await page.getByRole('navigation').getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('heading', { name: /^Billing at / }).waitFor();
    await page.locator('#site-switcher').click();
    await page.getByRole('option', { name: SITE }).click();
    await page.getByRole('heading', { name: `Billing at ${SITE}` }).waitFor();

    // 1. The billing provider: an NPI with a wrong check digit is refused beside the NPI.
    await page.getByRole('tab', { name: 'Billing provider' }).click();
    const provider = page.getByRole('form', { name: 'Billing provider' });
    await provider.getByText(/Not set yet/).waitFor();
    await provider.getByLabel('Billing name').fill('Riverbend Recovery South');
    await provider.getByLabel('NPI').fill('1234567890');
    await provider.getByLabel('EIN').fill('36-1234567');
    await provider.getByLabel('Taxonomy').fill('261QR0405X');
    await provider.getByLabel('Street address').fill('400 S Main St');
    await provider.getByLabel('City').fill('Springfield');
    await provider.getByLabel('State').fill('IL');
    await provider.getByLabel('ZIP+4').fill('62701-1234');
    await provider.getByRole('button', { name: 'Save billing provider' }).click();
    const npi = provider.getByLabel('NPI');
    await expect.poll(() => npi.getAttribute('aria-invalid')).toBe('true');
    const npiError = await npi.getAttribute('aria-describedby');
    expect(npiError).toBeTruthy();
    await shot(page, 'billing-1-provider-npi-refused');
    await provider.getByLabel('NPI').fill('1234567893');
    await provider.getByRole('button', { name: 'Save billing provider' }).click();
    await provider.getByText('Billing provider saved.').waitFor();
    expect(await npi.getAttribute('aria-invalid')).not.toBe('true');

    // 2. Make the last two weeks' charges of the program: made, and why the other member days made none.
    await page.getByRole('tab', { name: 'Charge queue' }).click();
    const make = page.getByRole('form', { name: 'Make charges' });
    await make.getByLabel('Program').selectOption({ label: PROGRAM });
    await make.getByRole('button', { name: 'Make charges' }).click();
    const report = make.getByRole('status');
    await report.getByText(/charges? made/).waitFor();
    const reportText = (await report.textContent()) ?? '';
    const created = Number(/(\d+) charges? made/.exec(reportText)?.[1]);
    expect(created).toBeGreaterThan(0);
    expect(reportText).toContain('No signed note for the service');
    const queue = page.getByRole('table', { name: 'Charge queue' });
    await expect.poll(() => queue.getByRole('button', { name: /^Hold / }).count()).toBe(created);
    expect(await queue.textContent()).toMatch(/\$\d/);
    await shot(page, 'billing-2-charge-queue');

    // Making them again makes none: every day is already charged.
    await make.getByRole('button', { name: 'Make charges' }).click();
    await report.getByText(`0 charges made, ${created} already charged.`).waitFor();

    // 3. Hold the first charge with a reason; it leaves the queue and is listed under Held with the reason.
    const holdButton = queue.getByRole('button', { name: /^Hold / }).first();
    const held = ((await holdButton.getAttribute('aria-label')) ?? '').replace(/^Hold /, '');
    await holdButton.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Why is it held?').fill(HOLD_REASON);
    await dialog.getByRole('button', { name: 'Hold charge' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => queue.getByRole('button', { name: /^Hold / }).count()).toBe(created - 1);
    await page.getByLabel('Status').selectOption('held');
    await queue.getByText(`Held: ${HOLD_REASON}`).waitFor();
    expect(await queue.getByRole('button', { name: `Return ${held} to queue` }).count()).toBe(1);
    await shot(page, 'billing-3-held');

    // 4. The held charge's patient: coverage and authorizations on the chart.
    const patientName = held.replace(/ \d{4}-\d{2}-\d{2}$/, '');
    await queue.getByRole('link', { name: patientName }).first().click();
    await page.getByRole('tab', { name: 'Coverage and authorizations', selected: true }).waitFor();
    const coverage = page.getByRole('region', { name: 'Coverage', exact: true });
    await coverage.getByRole('table', { name: 'Coverage' }).waitFor();
    expect(await coverage.getByRole('table', { name: 'Coverage' }).textContent()).toContain('Primary');
    // The payer's authorization, recorded now from two weeks back, takes on the charge it covers.
    const authorizations = page.getByRole('region', { name: 'Authorizations' });
    await authorizations.getByText('No authorizations recorded.').waitFor();
    await authorizations.getByRole('button', { name: 'Add an authorization' }).click();
    const addAuthorization = page.getByRole('form', { name: 'Add an authorization' });
    await addAuthorization.getByLabel('Authorization number').fill('LSH-AUTH-7731');
    await addAuthorization.getByLabel('Units approved').fill('20');
    await addAuthorization.getByLabel('From').fill(siteToday(ZONE).subtract({ days: 14 }).toString());
    await addAuthorization.getByRole('button', { name: 'Add authorization' }).click();
    await addAuthorization.getByText('Authorization LSH-AUTH-7731 recorded.').waitFor();
    const authorizationRow = authorizations.getByRole('row', { name: /LSH-AUTH-7731/ });
    await authorizationRow.waitFor();
    await expect.poll(() => authorizationRow.textContent()).toContain('20 / 1 / 19 left');
    await shot(page, 'billing-4-chart-coverage');
  });
});
