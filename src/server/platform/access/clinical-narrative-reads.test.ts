import { beforeAll, describe, expect, it } from 'vitest';
import { admit, ifMatch } from '../../test-support/clinical-fixtures';
import { call, expectStatus, okBody, type Session } from '../../test-support/test-app';
import { withTestApp } from '../../test-support/with-test-app';

/**
 * Front desk and billing open the records their work needs, without the clinical narrative in them: the
 * permission table's field groups decide, and the responses leave those fields out. The front desk (South)
 * reads a South patient's episode without diagnoses and no discharge at all; billing reads the discharge's
 * dates and codes without its summary or aftercare plan, and assessments without the dimension narratives.
 */
const s = withTestApp({
  director: 'director@demo.openiop.org',
  frontDesk: 'frontdesk@demo.openiop.org',
  billing: 'billing@demo.openiop.org',
});
let episode: { id: string; version: number };
let assessmentId: string;
const NARRATIVE = 'Relapsed twice after outpatient care';
const SUMMARY = 'Completed 10 weeks of IOP; goals met.';

beforeAll(async () => {
  const base = `/api/patients/${s.ids.cho}` as const;
  episode = (await admit(s.t, s.director, s.ids.cho, s.ids.southAdultIop)).body;
  const dx = await call(s.t.app, 'POST', `${base}/episodes/${episode.id}/diagnoses`, {
    session: s.director,
    body: { code: 'F10.20', description: 'Alcohol use disorder, moderate', kind: 'sud' },
  });
  expectStatus(dx, 201);
  episode = dx.body;
  const assessed = await call(s.t.app, 'POST', `${base}/assessments`, {
    session: s.director,
    body: {
      edition: 3,
      ratings: { D1: 1, D2: 0, D3: 1, D4: 1, D5: 2, D6: 1 },
      notes: { D5: NARRATIVE },
      placedLevel: '2.1',
    },
  });
  expectStatus(assessed, 201);
  assessmentId = assessed.body.id;
  const discharged = await call(s.t.app, 'POST', `${base}/episodes/${episode.id}/discharge`, {
    session: s.director,
    headers: ifMatch(episode.version),
    body: {
      dischargedOn: '2026-03-13',
      reason: 1,
      summary: SUMMARY,
      referralTo: 'Riverbend Outpatient',
      nextLevel: '1',
      aftercare: {
        nextProvider: { name: 'Riverbend Outpatient', levelOfCare: '1', phone: '(555) 010-7777' },
        appointments: [],
        recoverySupports: ['alumni_group'],
        crisisPlan: { crisisLine: '988', warningSigns: 'Skipping meetings', copingSteps: 'Call sponsor' },
      },
    },
  });
  expectStatus(discharged, 201);
});

const get = <P extends string>(session: Session, path: P) =>
  call(s.t.app, 'GET', `/api/patients/${s.ids.cho}${path}`, { session });

describe('front desk', () => {
  it('reads episodes without diagnoses', async () => {
    const list = await get(s.frontDesk, '/episodes');
    expectStatus(list, 200);
    const items = list.body.items;
    expect(items.length).toBeGreaterThan(0);
    for (const e of items) expect(e).not.toHaveProperty('diagnoses');
    const one = await get(s.frontDesk, `/episodes/${episode.id}`);
    expectStatus(one, 200);
    expect(one.body).not.toHaveProperty('diagnoses');
    expect(one.text).not.toContain('F10.20');
  });

  it('may not read the discharge (403)', async () => {
    expect((await get(s.frontDesk, `/episodes/${episode.id}/discharge`)).status).toBe(403);
  });
});

describe('billing', () => {
  it('reads diagnosis codes', async () => {
    const one = await get(s.billing, `/episodes/${episode.id}`);
    expect(okBody(one).diagnoses?.map((d: { code: string }) => d.code)).toEqual(['F10.20']);
  });

  it('reads the discharge date and TEDS reason, not the summary, referral or aftercare plan', async () => {
    const res = await get(s.billing, `/episodes/${episode.id}/discharge`);
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ dischargedOn: '2026-03-13', reason: { code: 1 }, nextLevel: '1' });
    for (const field of ['summary', 'referralTo', 'aftercare']) expect(res.body).not.toHaveProperty(field);
    expect(res.text).not.toContain(SUMMARY);
    const clinical = await get(s.director, `/episodes/${episode.id}/discharge`);
    expect(okBody(clinical).summary).toBe(SUMMARY);
  });

  it('reads assessments’ ratings and levels, not the dimension narratives', async () => {
    const list = await get(s.billing, '/assessments');
    const one = await get(s.billing, `/assessments/${assessmentId}`);
    for (const a of [...okBody(list).items, okBody(one)]) {
      expect(a).not.toHaveProperty('notes');
      expect(a).not.toHaveProperty('placementNote');
    }
    expect(one.body).toMatchObject({ placedLevel: '2.1', ratings: { D5: 2 } });
    expect(list.text + one.text).not.toContain(NARRATIVE);
    expect(okBody(await get(s.director, `/assessments/${assessmentId}`)).notes?.D5).toBe(NARRATIVE);
  });
});
