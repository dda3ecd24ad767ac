// Staff administration: the administrator adds a clinician at Riverbend South supervised by the director and
// hands over the invitation link; the clinician chooses a password, enrols an authenticator, signs an
// individual note, and the note waits for the director's co-signature. Screenshots of the staff list and the
// edit drawer at desktop and phone width.

import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoCode, e2eNow, screenshotPath, useWalkthrough } from './harness';

const DEMO_PASSWORD = 'demo-password-2026';
const NEW_EMAIL = 'robin.newhire@demo.openiop.org';
const NEW_PASSWORD = 'harbor lantern meadow 2027';

describe('staff administration in the browser', () => {
  const walk = useWalkthrough();

  async function shot(page: Page, name: string): Promise<void> {
    await page.waitForTimeout(300);
    await page.screenshot({ path: await screenshotPath(name), fullPage: true });
  }

  it('admin adds a clinician with a site and a supervisor; their first signed note awaits that co-signature', async () => {
    const admin = await (await walk.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await admin.goto('/login');
    await admin.getByLabel('Email').fill('admin@demo.openiop.org');
    await admin.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByLabel('Authentication code').fill(await demoCode('admin@demo.openiop.org'));
    await admin.getByRole('button', { name: 'Verify' }).click();
    // The administrator's home is the staff list, reached from the menu too.
    await admin.getByRole('heading', { name: 'Staff' }).waitFor();
    await admin.getByRole('link', { name: 'Staff' }).click();
    expect(new URL(admin.url()).pathname).toBe('/admin/users');
    await admin.getByRole('button', { name: 'Casey Clinician, LPC' }).waitFor();

    // Add the clinician: a field error first (the email is taken), then the right one.
    await admin.getByRole('button', { name: 'Add staff member' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add a staff member' });
    await dialog.getByLabel(/^Email/).fill('clinician@demo.openiop.org');
    await dialog.getByLabel(/^Name/).fill('Robin Newhire, LPC');
    await dialog.getByLabel(/^Role/).selectOption('clinician');
    await dialog.getByLabel(/^Credentials/).fill('LPC');
    await dialog.getByLabel(/^Licensed/).check();
    await dialog.getByLabel('Riverbend South').check();
    await dialog.getByLabel(/^Supervisor/).selectOption({ label: 'Dana Director, LCSW' });
    await dialog.getByRole('button', { name: 'Add and make an invitation link' }).click();
    await dialog.getByText('An account with this email already exists.').waitFor();
    await dialog.getByLabel(/^Email/).fill(NEW_EMAIL);
    await dialog.getByRole('button', { name: 'Add and make an invitation link' }).click();
    const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
    expect(link).toMatch(/\/staff-invite\/[A-Za-z0-9_-]{20,}$/);
    await shot(admin, 'staff-admin-1-invitation-link');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The list shows them invited; the edit drawer holds their site and supervisor.
    await admin.getByRole('button', { name: 'Robin Newhire, LPC' }).waitFor();
    await shot(admin, 'staff-admin-2-list-desktop');
    await admin.getByRole('button', { name: 'Robin Newhire, LPC' }).click();
    const drawer = admin.getByRole('dialog', { name: 'Robin Newhire, LPC' });
    await drawer.getByText('Invited', { exact: true }).waitFor();
    expect(await drawer.getByLabel(/^Supervisor/).inputValue()).not.toBe('');
    await shot(admin, 'staff-admin-3-edit-desktop');
    await admin.setViewportSize({ width: 375, height: 800 });
    await shot(admin, 'staff-admin-5-edit-phone');
    await admin.keyboard.press('Escape');
    await shot(admin, 'staff-admin-4-list-phone');

    // The clinician opens the link, chooses a password and enrols an authenticator.
    const page = await (await walk.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(new URL(link).pathname);
    await page.getByRole('heading', { name: 'Welcome, Robin Newhire, LPC' }).waitFor();
    await page.getByLabel(/^Password/).fill(NEW_PASSWORD);
    await page.getByLabel(/^Confirm password/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set my password' }).click();
    const key =
      (await page.getByLabel("Can't scan it? Enter this key in the app instead:").textContent()) ?? '';
    const secret = key.replace(/\s+/g, '');
    const code = generateSync({ secret, epoch: Math.floor(e2eNow().getTime() / 1000) });
    await page.getByLabel('Code from your authenticator app').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('button', { name: 'I have saved these' }).click();
    await page.getByRole('heading', { name: /Patients at Riverbend South/ }).waitFor();

    // An individual note for a South patient (one with an open episode), signed with the new authenticator.
    await page.getByRole('link', { name: /Moore/ }).first().click();
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}/);
    await page.goto(`${new URL(page.url()).pathname}?tab=notes`);
    await page.getByRole('button', { name: 'Write a note' }).click();
    const editor = page.getByRole('region', { name: 'Write a note' });
    await editor.getByLabel('Minutes').fill('45');
    await editor.getByLabel('Focus').fill('Sleep and cravings since the last visit.');
    await editor.getByText('Cognitive behavioral therapy (CBT)', { exact: true }).click();
    await editor.getByLabel('Response').fill('Named two triggers and a plan for the evenings.');
    await editor.getByLabel('Plan', { exact: true }).fill('Review the sleep log next week.');
    await editor.getByRole('button', { name: 'Sign note' }).click();
    const signDialog = page.getByRole('dialog', { name: 'Sign the note' });
    // The next 30-second step: the enrolment's code is used already.
    const next = generateSync({ secret, epoch: Math.floor(e2eNow().getTime() / 1000) + 30 });
    await page.waitForTimeout(Math.max(0, 30_000 - (e2eNow().getTime() % 30_000)) + 500);
    await signDialog.getByLabel('Authenticator code').fill(next);
    await signDialog.getByRole('button', { name: 'Sign', exact: true }).click();
    const list = page.getByRole('table', { name: 'Notes' });
    // Newest first: today's note is the first individual-therapy row.
    const row = list.getByRole('row', { name: /Individual therapy/ }).first();
    await row.waitFor();
    await page.getByText('Awaiting co-signature', { exact: true }).first().waitFor();
    expect(await row.textContent()).toContain('Awaiting co-signature');
  }, 180_000);
});
