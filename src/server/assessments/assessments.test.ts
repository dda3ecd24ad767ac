import { describe, expect, it } from 'vitest';
import { call, errorOf, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({
  clinician: 'clinician@demo.openiop.org', // North only
  director: 'director@demo.openiop.org',
  billing: 'billing@demo.openiop.org',
});

const ratings = (over: Record<string, number> = {}) => ({
  D1: 1,
  D2: 0,
  D3: 1,
  D4: 1,
  D5: 2,
  D6: 1,
  ...over,
});

const assess = (body: Record<string, unknown>, session = s.clinician, patientId = s.ids.bell) =>
  call(s.t.app, 'POST', `/api/patients/${patientId}/assessments`, { session, body });

describe('ASAM assessment', () => {
  it('computes the recommendation (highest dimension wins) and stores it with its drivers', async () => {
    const res = await assess({
      edition: 3,
      ratings: ratings(),
      notes: { D5: 'Relapsed twice after outpatient care' },
      placedLevel: '2.1',
    });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      edition: 3,
      population: 'adult',
      recommendedLevel: '2.1',
      drivenBy: ['D5'],
      placedLevel: '2.1',
      placementReason: null,
      placedLevelHours: { atLeast: 9, below: 20 },
      notes: { D5: 'Relapsed twice after outpatient care', D1: '' },
    });
  });

  it('refuses a rating outside 0–4 (422 naming the dimension)', async () => {
    const res = await assess({ edition: 3, ratings: ratings({ D3: 5 }), placedLevel: '2.1' });
    expectStatus(res, 422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['ratings.D3']);
    const negative = await assess({ edition: 3, ratings: ratings({ D1: -1 }), placedLevel: '2.1' });
    expect(errorOf(negative).fields[0]?.path).toBe('ratings.D1');
  });

  it('needs a reason when the placed level differs from the recommendation (422 reason)', async () => {
    const res = await assess({ edition: 3, ratings: ratings({ D6: 3 }), placedLevel: '2.1' });
    expectStatus(res, 422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['reason']);

    const withReason = await assess({
      edition: 3,
      ratings: ratings({ D6: 3 }),
      placedLevel: '2.1',
      reason: 'patient_preference',
      reasonNote: 'Will move into sober living this week',
    });
    expectStatus(withReason, 201);
    expect(withReason.body).toMatchObject({
      recommendedLevel: '3.1',
      drivenBy: ['D6'],
      placedLevel: '2.1',
      placementReason: 'patient_preference',
    });
  });

  it('refuses an edition other than 3 or 4, and a level not of the edition', async () => {
    expect(
      errorOf(await assess({ edition: 5, ratings: ratings(), placedLevel: '2.1' })).fields[0]?.path,
    ).toBe('edition');
    const res = await assess({ edition: 4, ratings: ratings(), placedLevel: '3.2-WM' });
    expectStatus(res, 422);
    expect(res.body.error.fields[0]?.path).toBe('placedLevel');
  });

  it('keeps reassessments as history, newest first', async () => {
    const first = await assess(
      { edition: 3, ratings: ratings(), placedLevel: '2.1' },
      s.clinician,
      s.ids.delgado,
    );
    s.t.clock.advance(60);
    const second = await assess(
      { edition: 3, ratings: ratings({ D5: 1 }), placedLevel: '1' },
      s.clinician,
      s.ids.delgado,
    );
    const list = await call(s.t.app, 'GET', `/api/patients/${s.ids.delgado}/assessments`, {
      session: s.billing,
    });
    expectStatus(list, 200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([okBody(second).id, okBody(first).id]);
    const one = await call(s.t.app, 'GET', `/api/patients/${s.ids.delgado}/assessments/${okBody(first).id}`, {
      session: s.director,
    });
    expect(okBody(one).recommendedLevel).toBe('2.1');
  });
});

describe('access', () => {
  it('a North clinician gets 403 assessing or reading a South patient; billing may not assess', async () => {
    expect(
      (await assess({ edition: 3, ratings: ratings(), placedLevel: '2.1' }, s.clinician, s.ids.cho)).status,
    ).toBe(403);
    expect(
      (await call(s.t.app, 'GET', `/api/patients/${s.ids.cho}/assessments`, { session: s.clinician })).status,
    ).toBe(403);
    expect((await assess({ edition: 3, ratings: ratings(), placedLevel: '2.1' }, s.billing)).status).toBe(
      403,
    );
    expect(
      (await assess({ edition: 3, ratings: ratings(), placedLevel: '2.1' }, s.director, s.ids.cho)).status,
    ).toBe(201);
  });
});
