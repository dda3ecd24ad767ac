import { describe, expect, it } from 'vitest';
import { admit, ifMatch } from '../test-support/clinical-fixtures';
import { call, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

/** Chart lists (episodes with history and diagnoses, referrals with screenings): no N+1. */
const s = withTestApp({ director: 'director@demo.openiop.org' });

async function statementsFor(path: string): Promise<number> {
  const before = s.t.db.queryCount();
  const res = await call(s.t.app, 'GET', path, { session: s.director });
  expectStatus(res, 200);
  return s.t.db.queryCount() - before;
}

/** One discharged episode with a level change and a diagnosis, and one referral with a screening. */
async function addHistory(programId: string) {
  const ep = (await admit(s.t, s.director, s.ids.okafor, programId)).body;
  const moved = await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/episodes/${ep.id}/level-changes`, {
    session: s.director,
    headers: ifMatch(ep.version),
    body: { toLevel: '1', effectiveOn: '2026-02-01', reason: 'Step down' },
  });
  await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/episodes/${ep.id}/diagnoses`, {
    session: s.director,
    body: { code: 'F10.20', description: 'Alcohol use disorder', kind: 'sud' },
  });
  await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/episodes/${ep.id}/status`, {
    session: s.director,
    headers: ifMatch(okBody(moved).version),
    body: { status: 'active' },
  });
  const referral = await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/referrals`, {
    session: s.director,
    body: { programId, source: 'self', referredOn: '2026-01-01' },
  });
  await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/referrals/${okBody(referral).id}/screenings`, {
    session: s.director,
    body: {},
  });
}

describe('query count per chart list', () => {
  it('is the same with one and with two episodes and referrals', async () => {
    const paths = [`/api/patients/${s.ids.okafor}/episodes`, `/api/patients/${s.ids.okafor}/referrals`];
    await addHistory(s.ids.northAdultIop);
    const one = [];
    for (const p of paths) one.push(await statementsFor(p));
    await addHistory(s.ids.northAdolescentIop);
    const two = [];
    for (const p of paths) two.push(await statementsFor(p));
    expect(two).toEqual(one);
  });
});
