// "Add a session" on the week calendar: the program director adds a make-up individual session
// for today and sees it on today's column, then tries a second one for the same facilitator at an overlapping
// time and is told which session is in the way. Drives the real server on a fresh data folder.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoCode, screenshotPath, siteToday, useWalkthrough } from './harness';

const DEMO_PASSWORD = 'demo-password-2026';
const DIRECTOR = 'director@demo.openiop.org';
const PROGRAM = 'Adult IOP — North';
const ZONE = 'America/Chicago';
const FACILITATOR = 'Casey Clinician, LPC';
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const today = siteToday(ZONE);

describe('adding a one-off session from the week calendar', () => {
  const walk = useWalkthrough();

  async function signInAsDirector(): Promise<Page> {
    // The browser lives where the program runs, so the calendar and the form speak the program's local time.
    const context = await walk.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(DIRECTOR);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').fill(await demoCode(DIRECTOR));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Patients at Riverbend North' }).waitFor();
    return page;
  }

  async function fillSession(page: Page, times: { start: string; end: string }, topic: string) {
    const dialog = page.getByRole('dialog', { name: 'Add a session' });
    await dialog.getByLabel('Date').fill(today.toString());
    await dialog.getByLabel('Session type').selectOption({ label: 'Individual' });
    await dialog.getByLabel('Topic').fill(topic);
    await dialog.getByLabel('Facilitator').selectOption({ label: `${FACILITATOR} · licensed` });
    await dialog.getByLabel('Starts at').fill(times.start);
    await dialog.getByLabel('Ends at').fill(times.end);
    await dialog.getByLabel('Room').fill('Room 2');
    return dialog;
  }

  async function shot(page: Page, name: string) {
    await page.waitForTimeout(250); // let the modal's transition settle before the picture
    await page.screenshot({ path: await screenshotPath(name), fullPage: true });
  }

  it('adds a make-up individual session that shows on its day, and names the session a double booking hits', async () => {
    const page = await signInAsDirector();
    await page.getByRole('navigation').getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: 'Schedule at Riverbend North' }).waitFor();
    await page.getByLabel('Program').selectOption({ label: PROGRAM });
    const todayColumn = page.getByRole('region', {
      name: `${WEEKDAY_NAMES[today.dayOfWeek - 1]} ${today}`,
    });
    await todayColumn.waitFor();

    // 1. The make-up session: it closes the dialog and appears in today's column.
    await page.getByRole('button', { name: 'Add a session' }).click();
    const dialog = await fillSession(page, { start: '10:00', end: '11:00' }, 'Make-up: relapse prevention');
    await shot(page, 'one-off-session-1-form');
    await dialog.getByRole('button', { name: 'Add session' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const added = todayColumn.getByRole('link', { name: /^10:00\sAM–11:00\sAM\s*Individual\b/ });
    await added.waitFor();
    expect(await added.textContent()).toContain('Make-up: relapse prevention');
    await page.mouse.move(0, 0);
    await shot(page, 'one-off-session-2-calendar');

    // 2. An end before the start is shown under "Ends at"; fixed, the same facilitator half an hour after the
    // first start is refused, with the first session named.
    await page.getByRole('button', { name: 'Add a session' }).click();
    const second = await fillSession(page, { start: '10:30', end: '10:00' }, 'Family check-in');
    await second.getByRole('button', { name: 'Add session' }).click();
    await expect.poll(() => second.getByLabel('Ends at').getAttribute('aria-invalid')).toBe('true');
    await second.getByText('Must be after startTime.').waitFor();
    await shot(page, 'one-off-session-2b-field-error');
    await second.getByLabel('Ends at').fill('11:30');
    await second.getByRole('button', { name: 'Add session' }).click();
    const alert = second.getByRole('alert');
    await alert.getByText(/already booked/).waitFor();
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain(`${FACILITATOR} is already booked at an overlapping time`);
    expect(message).toContain('Individual: Make-up: relapse prevention');
    expect(message).toMatch(/10:00\sAM–11:00\sAM/);
    await shot(page, 'one-off-session-3-conflict');
    await second.getByRole('button', { name: 'Cancel' }).click();
    await second.waitFor({ state: 'hidden' });
    await expect.poll(() => todayColumn.getByRole('link', { name: /[AP]M\s*Individual\b/ }).count()).toBe(1);
  });
});
