// Billing reports in the browser: billing opens Billing → Reports at Riverbend South, reads the A/R aging
// table and the KPI cards for the demo data (which builds no claims yet: nothing is owed and no rate has a
// denominator), downloads the aging as CSV and reads it back, and picks a period that ends before it starts.
// Screenshots at desktop width and at 375 px.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoCode, screenshotPath, siteToday, useWalkthrough } from './harness';

const DEMO_PASSWORD = 'demo-password-2026';
const BILLING = 'billing@demo.openiop.org';
const SITE = 'Riverbend South';
const ZONE = 'America/Chicago';

describe('billing reports in the browser', () => {
  const walk = useWalkthrough();

  async function signIn(width: number): Promise<Page> {
    const context = await walk.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(BILLING);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').fill(await demoCode(BILLING));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('navigation').first().waitFor({ state: 'attached' });
    return page;
  }

  async function openReports(page: Page) {
    await page.goto('/billing?tab=reports');
    await page.getByRole('heading', { name: /^Billing at / }).waitFor();
    await page.locator('#site-switcher').click();
    await page.getByRole('option', { name: SITE }).click();
    await page.getByRole('heading', { name: `Billing at ${SITE}` }).waitFor();
    await page.getByRole('tab', { name: 'Reports' }).click();
    await page.getByRole('table', { name: 'A/R aging by payer' }).waitFor();
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(250);
    await page.screenshot({ path: await screenshotPath(name), fullPage: true });
  }

  it('Reports: the aging total, the KPI cards, the CSV read back, a backwards period refused', async () => {
    const page = await signIn(1280);
    await openReports(page);
    const today = siteToday(ZONE).toString();
    expect(await page.getByLabel('As of').inputValue()).toBe(today);

    const table = page.getByRole('table', { name: 'A/R aging by payer' });
    const total = table.locator('tfoot tr');
    await expect.poll(() => total.textContent()).toContain('Total');
    // No claim is built in the demo data: nothing is owed, and the table says so for the day.
    expect((await total.locator('td').allTextContents()).slice(-2)).toEqual(['$0.00', '$0.00']);
    await table.getByText(`No open claims on ${today}.`).waitFor();
    // A rate with nothing to measure shows a dash, never 0 % or NaN.
    const clean = page.getByLabel('Clean-claim rate');
    await clean.getByText('—').waitFor();
    expect(await clean.textContent()).toContain('0 of 0 claims');
    expect(await page.getByText('NaN').count()).toBe(0);
    await shot(page, 'billing-reports-1-desktop');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`ar-aging-${today}.csv`);
    const rows: Record<string, string>[] = parse(await readFile((await download.path())!, 'utf8'), {
      columns: true,
    });
    expect(rows).toEqual([expect.objectContaining({ Payer: 'Total', Claims: '0', 'Payer open': '0.00' })]);

    await page.getByLabel('Submitted from').fill(siteToday(ZONE).add({ days: 5 }).toString());
    await page
      .getByRole('alert')
      .getByText(/invalid fields/)
      .waitFor();

    const phone = await signIn(375);
    await openReports(phone);
    await phone.getByLabel('Days in A/R').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(phone, 'billing-reports-2-375px');
  });
});
