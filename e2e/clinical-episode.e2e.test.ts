// The clinical-episode walkthrough: a clinician takes a new referral, screens it (a rule-out, then a
// screen that proceeds), assesses with ASAM (recommending 2.1), admits to IOP, signs a treatment plan with the
// patient, steps down to outpatient and discharges with an aftercare plan; the patient then sees that plan in
// the portal. Drives the real server on a fresh data folder.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoCode, screenshotPath, siteToday, useWalkthrough } from './harness';

const DEMO_PASSWORD = 'demo-password-2026';
const PATIENT_EMAIL = 'riley.walkthrough@example.org';
const PATIENT_PASSWORD = 'a long walkthrough password';

/** The demo sites' zone: clinical days are theirs, whatever the browser's zone (see harness BROWSER_ZONE). */
const SITE_ZONE = 'America/Chicago';

function isoDaysFromToday(days: number): string {
  return siteToday(SITE_ZONE).add({ days }).toString();
}

describe('clinical episode walkthrough in the browser', () => {
  const walk = useWalkthrough();

  async function newPage(): Promise<Page> {
    const context = await walk.newContext({ viewport: { width: 1280, height: 900 } });
    return context.newPage();
  }

  async function shot(page: Page, name: string): Promise<void> {
    // The staff header is fixed: from the top of the page it stays at the top of a full-page picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(250); // let transitions settle before the picture
    await page.screenshot({ path: await screenshotPath(name), fullPage: true });
  }

  async function openTab(page: Page, name: string): Promise<void> {
    await page.getByRole('tab', { name }).click();
  }

  it('referral → screening → ASAM 2.1 → IOP → signed plan → step down → discharge → aftercare in the portal', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill('clinician@demo.openiop.org');
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').fill(await demoCode('clinician@demo.openiop.org'));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Patients at Riverbend North' }).waitFor();

    // 1. New referral.
    await page.getByRole('link', { name: 'New referral' }).click();
    await page.getByRole('heading', { name: 'New referral at Riverbend North' }).waitFor();
    // A date of birth under 18 asks for a guardian.
    await page.getByLabel(/^Date of birth/).fill(isoDaysFromToday(-15 * 365));
    const guardian = page.getByRole('group', { name: /Guardian/ });
    await guardian.getByLabel(/^Guardian name/).waitFor();

    // Someone with the name and date of birth of a patient on file: a warning that links to that chart.
    await page.getByLabel(/^Legal first name/).fill('Amara');
    await page.getByLabel(/^Legal last name/).fill('Okafor');
    await page.getByLabel(/^Date of birth/).fill('1979-11-02');
    expect(await guardian.count()).toBe(0);
    await page.getByLabel('Pronouns').fill('she/her');
    await page.getByLabel('Phone', { exact: true }).fill('(555) 010-7788');
    await page.getByLabel(/^Living situation/).selectOption('with_family');
    await page.getByLabel('Emergency contact name').fill('Sam Walkthrough');
    await page.getByLabel('Emergency contact relationship').fill('Brother');
    await page.getByLabel('Emergency contact phone').fill('(555) 010-7799');
    await page.getByLabel(/^Program/).selectOption({ label: 'Adult IOP — North' });
    await page.getByLabel(/^Referral source/).selectOption('hospital');
    await page.getByLabel('Substance 1', { exact: true }).fill('Opioids (fentanyl)');
    await page.getByLabel('Last use of substance 1').fill(isoDaysFromToday(-2));
    await page.getByRole('button', { name: 'Create referral' }).click();
    const duplicate = page.getByRole('alert').filter({ hasText: 'This may be someone already on file' });
    await duplicate.getByRole('link', { name: 'Open the existing patient' }).waitFor();
    await duplicate.getByLabel('This is a different person').waitFor();
    expect(await page.getByRole('button', { name: 'Create the referral anyway' }).isDisabled()).toBe(true);
    await shot(page, 'clinical-0-duplicate-warning');

    // The actual new patient.
    await page.getByLabel(/^Legal first name/).fill('Riley');
    await page.getByLabel(/^Legal last name/).fill('Walkthrough');
    await page.getByLabel(/^Date of birth/).fill('1991-05-17');
    expect(await duplicate.count()).toBe(0);
    await shot(page, 'clinical-1-new-referral');
    await page.getByRole('button', { name: 'Create referral' }).click();

    await page.waitForURL(/\/patients\/[^/?]+\?tab=intake$/);
    const patientId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const header = page.getByRole('region', { name: 'Patient summary' });
    await header.getByRole('heading', { level: 1, name: 'Riley Walkthrough' }).waitFor();

    // 2a. Intake screen with a high COWS: ruled out, with the reason and the level it refers to.
    await page.getByRole('region', { name: 'Referral' }).getByText('Opioids (fentanyl)').waitFor();
    await page.getByLabel('Opioid withdrawal (COWS)').check();
    const highCows = ['2', '2', '1', '2', '2', '2', '2', '2', '2', '2', '0'];
    for (const [index, value] of highCows.entries()) {
      await page.getByLabel(new RegExp(`^COWS ${index + 1}\\. `)).selectOption(value);
    }
    for (const item of ['1', '2', '6']) {
      await page.getByLabel(new RegExp(`^C-SSRS screener ${item}\\. `)).selectOption('0');
    }
    expect(await page.getByRole('status', { name: 'COWS score' }).textContent()).toContain(
      'COWS total 19 of 48',
    );
    await page.getByText('This screen would refer to a higher level').waitFor();
    await shot(page, 'clinical-2-intake-live-scores');
    await page.getByRole('button', { name: 'Save intake screen' }).click();
    const latestScreen = page.getByRole('region', { name: 'Latest intake screen' });
    await latestScreen.getByText('Refer to a higher level').waitFor();
    const ruleOutText = (await latestScreen.textContent()) ?? '';
    expect(ruleOutText).toContain('COWS 19 is 13 or more');
    expect(ruleOutText).toContain('Refer to level 3.7-WM');
    await shot(page, 'clinical-3-intake-rule-out');

    // 2b. A later screen once withdrawal has settled: proceed to assessment.
    await page.getByLabel('Opioid withdrawal (COWS)').check();
    const lowCows = ['0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0'];
    for (const [index, value] of lowCows.entries()) {
      await page.getByLabel(new RegExp(`^COWS ${index + 1}\\. `)).selectOption(value);
    }
    for (const item of ['1', '2', '6']) {
      await page.getByLabel(new RegExp(`^C-SSRS screener ${item}\\. `)).selectOption('0');
    }
    await page.getByRole('button', { name: 'Save intake screen' }).click();
    await latestScreen.getByText('Proceed to assessment').waitFor();
    await page
      .getByRole('region', { name: 'Earlier screens' })
      .getByText(/COWS 19 is 13 or more/)
      .waitFor();
    await shot(page, 'clinical-4-intake-proceed');

    // 3. ASAM assessment: the recommendation updates as the ratings change; D3 and D5 at 2 drive 2.1.
    await openTab(page, 'ASAM assessment');
    const ratings: Record<string, string> = {
      D1: '1 mild',
      D2: '0 none',
      D3: '2 moderate',
      D4: '1 mild',
      D5: '2 moderate',
      D6: '1 mild',
    };
    for (const [dimension, label] of Object.entries(ratings)) {
      await page
        .getByRole('radiogroup', { name: new RegExp(`^${dimension} `) })
        .getByText(label, { exact: true })
        .click();
    }
    await page.getByLabel('D3 note').fill('Anxiety and low mood, stable on current care.');
    await page.getByLabel('D5 note').fill('Two returns to use after outpatient care this year.');
    const recommendation = page.getByRole('status', { name: 'Recommended level' });
    await recommendation.getByText('2.1', { exact: true }).waitFor();
    const recommendationText = (await recommendation.textContent()) ?? '';
    expect(recommendationText).toContain('Intensive outpatient');
    expect(recommendationText).toContain('D3 Emotional, behavioral or cognitive conditions');
    expect(recommendationText).toContain('D5 Relapse or continued use potential');
    expect(await page.getByLabel('Placed level').inputValue()).toBe('2.1');
    await shot(page, 'clinical-5-asam-recommendation');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.getByText('Assessment saved: recommended 2.1, placed 2.1.').waitFor();
    await page.getByRole('table', { name: 'Assessment history' }).getByRole('row').nth(1).waitFor();

    // 4. Admission to the IOP at 2.1, then active; a diagnosis.
    await openTab(page, 'Episode');
    await page.getByRole('heading', { name: 'Admit to Adult IOP — North' }).waitFor();
    expect(await page.getByLabel('Level of care').inputValue()).toBe('2.1');
    await page.getByRole('button', { name: 'Admit', exact: true }).click();
    await page.getByRole('heading', { name: 'Episode: Adult IOP — North' }).waitFor();
    const statusMoves = page.getByRole('group', { name: 'Change status' });
    await statusMoves.getByRole('button', { name: 'Mark active' }).click();
    await statusMoves.getByRole('button', { name: 'Put on hold' }).waitFor();
    expect(await statusMoves.getByRole('button', { name: 'Admit' }).count()).toBe(0);
    await page.getByLabel('ICD-10-CM code').fill('F11.20');
    await page.getByLabel('Description').fill('Opioid use disorder, moderate');
    await page.getByRole('button', { name: 'Add diagnosis' }).click();
    await page
      .getByRole('region', { name: 'Diagnoses' })
      .getByText('Opioid use disorder, moderate')
      .waitFor();
    const careTeam = page.getByRole('region', { name: 'Care team' });
    await careTeam.getByText('Primary clinician: Casey Clinician, LPC (you)').waitFor();
    await careTeam.getByRole('button', { name: 'Change care team' }).click();
    await careTeam.getByLabel('Noor Nurse, RN').check();
    await careTeam.getByRole('button', { name: 'Save care team' }).click();
    await careTeam.getByRole('listitem').filter({ hasText: 'Noor Nurse, RN' }).waitFor();
    await shot(page, 'clinical-6-admitted');

    // 5. Treatment plan: problem → goal → objective → intervention, signed by the clinician and the patient.
    await openTab(page, 'Treatment plan');
    await page
      .getByLabel('Problem 1', { exact: true })
      .fill('Daily opioid use with two recent returns to use.');
    await page.getByLabel('Goal 1.1', { exact: true }).fill('Sustain recovery from opioid use.');
    await page
      .getByLabel('Objective 1.1.1', { exact: true })
      .fill('Negative weekly drug screens for 4 weeks in a row.');
    await page.getByLabel('Intervention 1.1.1.1 modality').selectOption('relapse_prevention');
    await page.getByLabel('Intervention 1.1.1.1 frequency').fill('3 groups a week');
    // Without a target date the server refuses the objective, and says so beside the input.
    await page.getByRole('button', { name: 'Save plan' }).click();
    const targetDate = page.getByLabel('Target date 1.1.1');
    await expect.poll(() => targetDate.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Use the form YYYY-MM-DD.').count()).toBe(1);
    await targetDate.fill(isoDaysFromToday(28));
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByRole('heading', { name: 'Treatment plan, version 1 (draft)' }).waitFor();
    await page.getByLabel("Clinician's typed name").fill('Casey Clinician, LPC');
    await page.getByRole('button', { name: 'Sign as clinician' }).click();
    await page.getByText(/Signed by clinician Casey Clinician, LPC/).waitFor();
    await page.getByLabel("Patient's typed name").fill('Riley Walkthrough');
    await page.getByRole('button', { name: "Record patient's signature" }).click();
    const signedPlan = page.getByRole('region', { name: 'Treatment plan, version 1' });
    await signedPlan.getByText('Signed', { exact: true }).waitFor();
    await signedPlan.getByRole('button', { name: 'Make a new version' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save plan' }).count()).toBe(0);
    await shot(page, 'clinical-7-plan-signed');

    // A change to a signed plan is a new version; the signed one stays in the history.
    await signedPlan.getByRole('button', { name: 'Make a new version' }).click();
    await page.getByRole('heading', { name: /New version of the treatment plan \(version 2\)/ }).waitFor();
    await page.getByLabel('Intervention 1.1.1.1 frequency').fill('4 groups a week');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByRole('heading', { name: /Treatment plan, version 2/ }).waitFor();
    await page.getByLabel("Clinician's typed name").fill('Casey Clinician, LPC');
    await page.getByRole('button', { name: 'Sign as clinician' }).click();
    await page.getByText(/Signed by clinician Casey Clinician, LPC/).waitFor();
    await page.getByLabel("Patient's typed name").fill('Riley Walkthrough');
    await page.getByRole('button', { name: "Record patient's signature" }).click();
    await page
      .getByRole('region', { name: 'Treatment plan, version 2' })
      .getByText('Signed', { exact: true })
      .waitFor();
    const history = page.getByRole('region', { name: 'Version history' });
    await history.getByText(/Version 2 \(current\): signed/).waitFor();
    await history.getByText(/Version 1: signed/).waitFor();
    await shot(page, 'clinical-7b-plan-new-version');

    // 6. Step down to outpatient (level 1).
    await openTab(page, 'Episode');
    await page.getByLabel('New level').selectOption('1');
    await page
      .getByLabel(/^Reason for the change/)
      .fill('Goals of the IOP phase met; negative screens for 4 weeks.');
    await page.getByRole('button', { name: 'Change level' }).click();
    const timeline = page.getByRole('region', { name: 'Level-of-care history' });
    await timeline.getByText('Step down: 2.1 → 1').waitFor();
    await timeline.getByText('Admitted at 2.1').waitFor();
    await shot(page, 'clinical-8-step-down');

    // 7. Discharge with an aftercare plan.
    await page
      .getByRole('group', { name: 'Change status' })
      .getByRole('button', { name: 'Discharge…' })
      .click();
    await page.getByRole('heading', { name: 'Discharge and aftercare' }).waitFor();
    // The form offers the site's today, not the browser's (a calendar day ahead in BROWSER_ZONE).
    expect(await page.getByLabel(/^Discharge date/).inputValue()).toBe(isoDaysFromToday(0));
    await page.getByLabel(/^Reason for discharge/).selectOption('1');
    expect(await page.getByLabel('Level at discharge').inputValue()).toBe('1');
    await page
      .getByLabel(/^Discharge summary/)
      .fill('Completed IOP and outpatient phases; stable in recovery.');
    await page.getByLabel('Referred to').fill('Riverbend alumni outpatient group');
    await page.getByLabel(/^Next provider/).fill('Dr. Ana Reyes, Riverbend Outpatient');
    await page.getByLabel('Provider phone').fill('(555) 010-4455');
    await page.getByRole('button', { name: 'Add an appointment' }).click();
    await page.getByLabel('Appointment 1 date').fill(isoDaysFromToday(7));
    await page.getByLabel('Appointment 1 time').fill('10:30');
    await page.getByLabel('Appointment 1 with').fill('Dr. Ana Reyes');
    await page.getByLabel('Alumni group').check();
    await page.getByLabel('SMART Recovery').check();
    await page.getByLabel('Warning signs').fill('Skipping meetings; isolating.');
    await page.getByLabel('Medications').fill('Buprenorphine-naloxone 8/2 mg daily');
    await page.getByLabel('Continuing prescriber').fill('Dr. Ana Reyes');
    await page.getByRole('button', { name: 'Discharge patient' }).click();
    const siteDay = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${isoDaysFromToday(0)}T00:00:00Z`),
    );
    const dischargeSummary = page.getByRole('region', { name: `Discharged ${siteDay}` });
    await dischargeSummary.waitFor();
    expect(await dischargeSummary.textContent()).toContain('24-hour crisis line: 988');
    await shot(page, 'clinical-9-discharge');

    // 8. The patient is invited to the portal and sees their aftercare plan.
    const inviteUrl = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const response = await fetch(`/api/patients/${id}/portal-invitations`, {
        method: 'POST',
        headers: { 'X-CSRF-Token': me.csrfToken },
      });
      return ((await response.json()) as { inviteUrl: string }).inviteUrl;
    }, patientId);
    expect(inviteUrl).toMatch(/\/portal\/invite\//);

    const portal = await newPage();
    await portal.goto(new URL(inviteUrl).pathname);
    await portal.getByRole('heading', { name: 'Welcome, Riley' }).waitFor();
    await portal.getByLabel(/^Email/).fill(PATIENT_EMAIL);
    await portal.getByLabel(/^Password/).fill(PATIENT_PASSWORD);
    await portal.getByLabel(/^Confirm password/).fill(PATIENT_PASSWORD);
    await portal.getByRole('button', { name: 'Create my account' }).click();
    await portal.waitForURL(/\/portal$/);
    const aftercare = portal.getByRole('region', { name: 'My aftercare plan' });
    await aftercare.waitFor();
    const aftercareText = (await aftercare.textContent()) ?? '';
    expect(aftercareText).toContain('24-hour crisis line: 988');
    expect(aftercareText).toContain('Dr. Ana Reyes, Riverbend Outpatient');
    expect(aftercareText).toContain('SMART Recovery');
    expect(aftercareText).toContain('Buprenorphine-naloxone');
    await shot(portal, 'clinical-10-portal-aftercare');
  }, 240_000);
});
