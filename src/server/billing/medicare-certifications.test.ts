import { beforeAll, describe, expect, it } from 'vitest';
import { admit } from '../test-support/clinical-fixtures';
import { call, expectStatus, login, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

/** Medicare IOP: certified on 5 January 2026, covered through day 60 (6 March); day 61 needs a recertification. */
const s = withTestApp(
  {
    prescriber: 'prescriber@demo.openiop.org',
    clinician: 'clinician@demo.openiop.org',
    billing: 'billing@demo.openiop.org',
  },
  { clockAt: '2026-01-06T15:00:00Z' },
);
let path: `/api/patients/${string}/episodes/${string}/medicare-certifications`;

beforeAll(async () => {
  const episode = await admit(s.t, s.clinician, s.ids.okafor, s.ids.northAdultIop);
  path = `/api/patients/${s.ids.okafor}/episodes/${episode.body.id}/medicare-certifications`;
});

const moveClockTo = async (iso: string) => {
  s.t.clock.advance((Date.parse(iso) - s.t.clock.now().getTime()) / 1000);
  s.billing = await login(s.t.app, 'billing@demo.openiop.org');
};

describe('Medicare IOP certification', () => {
  it('only the physician signs; the statement of the 9-hour need is required; not in the future', async () => {
    const body = { signedOn: '2026-01-05', needsNineHoursWeekly: true };
    expect((await call(s.t.app, 'POST', path, { session: s.clinician, body })).status).toBe(403);
    const noStatement = await call(s.t.app, 'POST', path, {
      session: s.prescriber,
      body: { signedOn: '2026-01-05', needsNineHoursWeekly: false },
    });
    expectStatus(noStatement, 422);
    expect(noStatement.body.error.fields[0]?.path).toBe('needsNineHoursWeekly');
    const future = await call(s.t.app, 'POST', path, {
      session: s.prescriber,
      body: { signedOn: '2026-01-07', needsNineHoursWeekly: true },
    });
    expectStatus(future, 422);
    expect(future.body.error.fields[0]?.path).toBe('signedOn');
    const before = await call(s.t.app, 'GET', path, { session: s.billing });
    expect(okBody(before).standing).toEqual({
      certified: false,
      recertifyBy: null,
      reason: 'never_certified',
    });
    const signed = await call(s.t.app, 'POST', path, { session: s.prescriber, body });
    expectStatus(signed, 201);
    expect(signed.body.items).toEqual([
      expect.objectContaining({ signedOn: '2026-01-05', signedName: 'Priya Prescriber, MD' }),
    ]);
    expect(signed.body.standing).toEqual({ certified: true, recertifyBy: '2026-03-06', reason: null });
  });

  it('covers day 60 and lapses on day 61', async () => {
    await moveClockTo('2026-03-06T18:00:00Z');
    expect(okBody(await call(s.t.app, 'GET', path, { session: s.billing })).standing.certified).toBe(true);
    await moveClockTo('2026-03-07T18:00:00Z');
    expect(okBody(await call(s.t.app, 'GET', path, { session: s.billing })).standing).toEqual({
      certified: false,
      recertifyBy: null,
      reason: 'lapsed',
    });
  });
});
