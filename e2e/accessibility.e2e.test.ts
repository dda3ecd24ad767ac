// Accessibility to WCAG 2.1 AA: every role signs in and visits every screen it can reach (each menu entry, each
// tab, a patient chart with each of its tabs, the note editor, a session roster, a group note, break-glass,
// the portal and its questionnaire) at desktop and phone size, and axe-core checks each against the WCAG 2.0
// and 2.1 A and AA rules. A critical or serious violation fails the walkthrough. Then a patient answers the
// portal questionnaire with the keyboard alone.
import axe from 'axe-core';
import { type APIRequestContext, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCode, screenshotPath, siteToday, useWalkthrough } from './harness';

const DEMO_PASSWORD = 'demo-password-2026';
const PATIENT = 'patient@demo.openiop.org';
const staffEmail = (name: string) => `${name}@demo.openiop.org`;
const STAFF = ['intake', 'clinician', 'nurse', 'prescriber', 'director', 'frontdesk', 'billing', 'admin'];
const ZONE = 'America/Chicago';
const today = siteToday(ZONE);
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = [
  { label: 'desktop', width: 1280, height: 800 },
  { label: 'phone', width: 375, height: 812 },
] as const;
/** axe's impacts, worst first; the first two fail the walkthrough. */
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
const FAILING: readonly string[] = ['critical', 'serious'];

interface Violation {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface Setup {
  jordanId: string;
  southPatientId: string;
  northSessionId: string;
  southSessionId: string;
  groupNotePath: string;
}

describe('accessibility (WCAG 2.1 AA) of every screen, by role', () => {
  const walk = useWalkthrough();
  let setup: Setup;
  const screens: string[] = [];
  const violations: Violation[] = [];
  const started = Date.now();

  beforeAll(async () => {
    setup = await prepare(walk.server.url);
  }, 180_000);

  afterAll(() => {
    const byImpact = IMPACTS.map((impact) => {
      const found = violations.filter((v) => v.impact === impact);
      return `${impact} ${new Set(found.map((v) => v.rule)).size} rules / ${found.reduce((n, v) => n + v.targets.length, 0)} elements`;
    });
    console.log(
      `accessibility: ${screens.length} screens checked in ${Math.round((Date.now() - started) / 1000)} s; ` +
        `violations: ${byImpact.join(', ')}`,
    );
    const rules = new Map<string, Violation[]>();
    for (const v of violations) rules.set(v.rule, [...(rules.get(v.rule) ?? []), v]);
    for (const [rule, found] of rules) {
      console.log(
        `  ${found[0]!.impact} ${rule} (${found[0]!.help}) on ${found.length} screens, e.g. ${found[0]!.screen}: ${found[0]!.targets.slice(0, 3).join(' | ')}`,
      );
    }
  });

  /** Runs axe-core on the page as it is now, and keeps what it finds under `screen`. */
  async function check(page: Page, screen: string): Promise<void> {
    await settle(page);
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
    const found = await page.evaluate(async (tags) => {
      const { axe: injected } = window as unknown as { axe: typeof axe };
      const result = await injected.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        rule: v.id,
        impact: v.impact ?? 'minor',
        help: v.help,
        targets: v.nodes.map((node) => node.target.join(' ')),
      }));
    }, WCAG_AA);
    screens.push(screen);
    violations.push(...found.map((v) => ({ screen, ...v })));
  }

  /** What fails under `prefix`, one line each: rule, impact, screen and the first targets. */
  function failures(prefix: string): string[] {
    return violations
      .filter((v) => v.screen.startsWith(prefix) && FAILING.includes(v.impact))
      .map((v) => `${v.impact} ${v.rule} on ${v.screen}: ${v.targets.slice(0, 3).join(' | ')}`);
  }

  /** Opens `path`, checks it, then (unless `withTabs` is false) each tab of the screen's tab lists in turn. */
  async function visit(page: Page, screen: string, path: string, withTabs = true): Promise<void> {
    await page.goto(path);
    await check(page, screen);
    if (!withTabs) return;
    const main = page.getByRole('main');
    const tabs = (await main.getByRole('tab').allTextContents()).map((name) => name.trim());
    for (const name of tabs.slice(1)) {
      await main.getByRole('tab', { name, exact: true }).click();
      await check(page, `${screen} › ${name}`);
    }
  }

  async function signInStaff(name: string): Promise<Page> {
    const context = await walk.newContext({ viewport: VIEWPORTS[0], bypassCSP: true });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(staffEmail(name));
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').waitFor();
    if (name === STAFF[0]) await check(page, 'signed out › desktop › authentication code');
    await page.getByLabel('Authentication code').fill(await demoCode(staffEmail(name)));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('navigation').waitFor({ state: 'attached' });
    return page;
  }

  it('signed out: sign-in, an unknown invitation and an unknown address', async () => {
    const context = await walk.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await visit(page, `signed out › ${viewport.label} › sign in`, '/login');
      await visit(
        page,
        `signed out › ${viewport.label} › invitation`,
        '/portal/invite/not-a-real-invitation',
      );
      await visit(page, `signed out › ${viewport.label} › not found`, '/no-such-screen');
    }
    expect(failures('signed out'), failures('signed out').join('\n')).toEqual([]);
  });

  for (const name of STAFF) {
    it(`${name}: every screen the role reaches, at desktop and phone size`, async () => {
      const page = await signInStaff(name);
      const me = (await page.evaluate(async () => (await fetch('/api/auth/me')).json())) as {
        permissions: string[];
        sites: { name: string }[];
      };
      const may = (permission: string) => me.permissions.includes(permission);
      const atSouth = me.sites.some((site) => site.name === 'Riverbend South');
      const atNorth = me.sites.some((site) => site.name === 'Riverbend North');
      const menu = await page
        .getByRole('navigation')
        .getByRole('link')
        .evaluateAll((links) =>
          links.map((link): [string, string] => [link.textContent ?? '', link.getAttribute('href') ?? '']),
        );
      const chartId = atNorth ? setup.jordanId : setup.southPatientId;
      const pages: [string, string][] = [
        ...menu,
        ['patient chart', `/patients/${chartId}`],
        ...(may('note.write')
          ? [['note editor', `/patients/${chartId}?tab=notes&write=1`] as [string, string]]
          : []),
        ...(may('patient.create') && may('referral.write')
          ? [['new referral', '/patients/new'] as [string, string]]
          : []),
        ...(may('operations.read')
          ? [
              [
                'session roster',
                `/schedule/sessions/${atSouth ? setup.southSessionId : setup.northSessionId}`,
              ] as [string, string],
            ]
          : []),
        ...(may('note.queue') && atSouth ? [['group note', setup.groupNotePath] as [string, string]] : []),
        // A patient of a site the role does not work at: the break-glass form.
        ['break-glass', `/patients/${atSouth && !atNorth ? setup.jordanId : setup.southPatientId}`],
      ];
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        // At phone size the tabs are the desktop's in one column; each screen once keeps the run short.
        for (const [label, path] of pages)
          await visit(page, `${name} › ${viewport.label} › ${label}`, path, viewport.label === 'desktop');
        if (viewport.label === 'phone') {
          await page.getByRole('button', { name: 'Toggle navigation' }).click();
          await page.getByRole('navigation').getByRole('link').first().waitFor();
          await check(page, `${name} › phone › navigation menu`);
        }
      }
      if (name === 'clinician') {
        await page.setViewportSize(VIEWPORTS[0]);
        await page.goto('/patients');
        await settle(page);
        await page.screenshot({ path: await screenshotPath('a11y-census'), fullPage: true });
        await page.goto(`/patients/${setup.jordanId}?tab=notes&write=1`);
        await settle(page);
        await page.screenshot({ path: await screenshotPath('a11y-note-editor'), fullPage: true });
      }
      expect(failures(`${name} ›`), failures(`${name} ›`).join('\n')).toEqual([]);
    }, 300_000);
  }

  it('patient: the portal and its questionnaire, at desktop and phone size', async () => {
    const page = await signInPatient();
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await visit(page, `patient › ${viewport.label} › portal`, '/portal');
      await page.getByRole('button', { name: 'Start PHQ-9' }).click();
      await page.getByRole('form', { name: 'PHQ-9' }).waitFor();
      await check(page, `patient › ${viewport.label} › questionnaire`);
      if (viewport.label === 'phone') {
        await page.screenshot({ path: await screenshotPath('a11y-portal-questionnaire'), fullPage: true });
      }
    }
    expect(failures('patient ›'), failures('patient ›').join('\n')).toEqual([]);
  });

  it('patient: answers the PHQ-9 and sends it with the keyboard alone', async () => {
    const page = await signInPatient();
    await page.setViewportSize(VIEWPORTS[1]);
    await page.goto('/portal');
    await page.getByRole('region', { name: 'My questionnaires' }).waitFor();
    await tabUntil(page, (el) => el.label === 'Start PHQ-9', 'the Start PHQ-9 button');
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'PHQ-9' });
    await form.waitFor();
    const questions = await form.getByRole('radiogroup').count();
    expect(questions).toBe(9);
    // Into each question with Tab; the arrow keys pick "Several days" for the first three, Space "Not at all".
    for (let question = 1; question <= questions; question++) {
      await tabUntil(page, (el) => el.radio && el.group === `item${question}`, `question ${question}`);
      if (question <= 3) await page.keyboard.press('ArrowDown');
      else await page.keyboard.press('Space');
    }
    for (let question = 1; question <= questions; question++) {
      const group = form.getByRole('radiogroup', { name: new RegExp(`^${question}\\. `) });
      const answer = question <= 3 ? 'Several days' : 'Not at all';
      expect(await group.getByRole('radio', { name: answer, exact: true }).isChecked()).toBe(true);
    }
    await tabUntil(page, (el) => el.text === 'Send my answers', 'the send button');
    await page.keyboard.press('Enter');
    await page.getByText('Your PHQ-9 answers were sent to your care team.').waitFor();
  });

  async function signInPatient(): Promise<Page> {
    const context = await walk.newContext({ viewport: VIEWPORTS[0], bypassCSP: true });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(PATIENT);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/portal$/);
    return page;
  }
});

interface Focused {
  label: string | null;
  text: string;
  radio: boolean;
  /** The name of the focused input (a question's radios share its id). */
  group: string;
}

/** Presses Tab until the focused element passes `test` (at most 80 times), as a keyboard user would. */
async function tabUntil(page: Page, test: (focused: Focused) => boolean, what: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((): Focused => {
      const el = document.activeElement;
      return {
        label: el?.getAttribute('aria-label') ?? null,
        text: el?.textContent?.trim() ?? '',
        radio: el instanceof HTMLInputElement && el.type === 'radio',
        group: el instanceof HTMLInputElement ? el.name : '',
      };
    });
    if (test(focused)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Waits until the screen has stopped loading: no spinner, no busy region, then a moment for transitions. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page
    .waitForFunction(
      () => document.querySelectorAll('.mantine-Loader-root, [aria-busy="true"]').length === 0,
      null,
      { timeout: 15_000 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(150);
}

/**
 * Through the API: Jordan admitted at North with Casey as primary clinician (so the portal asks the PHQ-9), a
 * one-off session at North today, and the ids of a South patient, the seeded South session and its group note.
 */
async function prepare(baseURL: string): Promise<Setup> {
  const clinician = await apiSession(baseURL, staffEmail('clinician'));
  const director = await apiSession(baseURL, staffEmail('director'));
  try {
    const me = (await (await clinician.api.get('/api/auth/me')).json()) as {
      user: { id: string };
      sites: { id: string; name: string }[];
    };
    const north = me.sites.find((s) => s.name === 'Riverbend North')!;
    const northPrograms = (await (await clinician.api.get(`/api/sites/${north.id}/programs`)).json()) as {
      items: { id: string; name: string }[];
    };
    const northProgram = northPrograms.items.find((p) => p.name === 'Adult IOP — North')!;
    const rivera = (await (await clinician.api.get(`/api/sites/${north.id}/patients?q=Rivera`)).json()) as {
      items: { id: string; givenName: string }[];
    };
    const jordanId = rivera.items.find((p) => p.givenName === 'Jordan')!.id;
    const admittedOn = today.subtract({ days: 20 }).toString();
    const admitted = await clinician.api.post(`/api/patients/${jordanId}/episodes`, {
      data: { programId: northProgram.id, level: '2.1', admittedOn, primaryClinicianId: me.user.id },
      headers: clinician.headers,
    });
    expect(admitted.status(), await admitted.text()).toBe(201);

    const directorMe = (await (await director.api.get('/api/auth/me')).json()) as {
      sites: { id: string; name: string }[];
    };
    const south = directorMe.sites.find((s) => s.name === 'Riverbend South')!;
    const southPatients = (await (await director.api.get(`/api/sites/${south.id}/patients`)).json()) as {
      items: { id: string }[];
    };
    const southPrograms = (await (await director.api.get(`/api/sites/${south.id}/programs`)).json()) as {
      items: { id: string; name: string }[];
    };
    const southProgram = southPrograms.items.find((p) => p.name === 'Adult IOP — South')!;
    const range = `from=${today.subtract({ days: 14 })}&to=${today}`;
    const southSessions = (await (
      await director.api.get(`/api/sites/${south.id}/programs/${southProgram.id}/sessions?${range}`)
    ).json()) as { items: { id: string }[] };
    const northSession = await director.api.post(
      `/api/sites/${north.id}/programs/${northProgram.id}/sessions`,
      {
        data: { date: today.toString(), sessionType: 'individual', startTime: '10:00', endTime: '11:00' },
        headers: { ...director.headers, 'Idempotency-Key': 'a11y-north-session' },
      },
    );
    expect(northSession.status(), await northSession.text()).toBe(201);
    const queue = (await (await director.api.get('/api/notes/queue')).json()) as Record<
      string,
      { kind: string; id: string; siteId: string }[]
    >;
    const groupNote = Object.values(queue)
      .filter(Array.isArray)
      .flat()
      .find((item) => item.kind === 'group_note');
    expect(groupNote, JSON.stringify(queue)).toBeDefined();
    return {
      jordanId,
      southPatientId: southPatients.items[0]!.id,
      northSessionId: ((await northSession.json()) as { id: string }).id,
      southSessionId: southSessions.items.at(-1)!.id,
      groupNotePath: `/sites/${groupNote!.siteId}/group-notes/${groupNote!.id}`,
    };
  } finally {
    await clinician.api.dispose();
    await director.api.dispose();
  }
}

async function apiSession(
  baseURL: string,
  email: string,
): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  const verify = await api.post('/api/auth/mfa/verify', { data: { code: await demoCode(email) }, headers });
  expect(verify.status()).toBe(200);
  return { api, headers };
}
