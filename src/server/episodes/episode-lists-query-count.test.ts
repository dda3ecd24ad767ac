import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admit, demoIds, ifMatch } from '../test-support/clinical-fixtures';
import { call, createTestApp, login, type Session, type TestApp } from '../test-support/test-app';

/** Chart lists (episodes with history and diagnoses, referrals with screenings): no N+1. */
let t: TestApp;
let s: Session;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  t = await createTestApp();
  s = await login(t.app, 'director@demo.openiop.org');
  ids = await demoIds(t);
});
afterAll(() => t?.close());

async function statementsFor(path: string): Promise<number> {
  const before = t.db.queryCount();
  const res = await call(t.app, 'GET', path, { session: s });
  expect(res.status).toBe(200);
  return t.db.queryCount() - before;
}

/** One discharged episode with a level change and a diagnosis, and one referral with a screening. */
async function addHistory(programId: string) {
  const ep = (await admit(t, s, ids.okafor, programId)).body;
  const moved = await call(t.app, 'POST', `/api/patients/${ids.okafor}/episodes/${ep.id}/level-changes`, {
    session: s,
    headers: ifMatch(ep.version),
    body: { toLevel: '1', effectiveOn: '2026-02-01', reason: 'Step down' },
  });
  await call(t.app, 'POST', `/api/patients/${ids.okafor}/episodes/${ep.id}/diagnoses`, {
    session: s,
    body: { code: 'F10.20', description: 'Alcohol use disorder', kind: 'sud' },
  });
  await call(t.app, 'POST', `/api/patients/${ids.okafor}/episodes/${ep.id}/status`, {
    session: s,
    headers: ifMatch(moved.body.version),
    body: { status: 'active' },
  });
  const referral = await call(t.app, 'POST', `/api/patients/${ids.okafor}/referrals`, {
    session: s,
    body: { programId, source: 'self', referredOn: '2026-01-01' },
  });
  await call(t.app, 'POST', `/api/patients/${ids.okafor}/referrals/${referral.body.id}/screenings`, {
    session: s,
    body: {},
  });
}

describe('query count per chart list', () => {
  it('is the same with one and with two episodes and referrals', async () => {
    const paths = [`/api/patients/${ids.okafor}/episodes`, `/api/patients/${ids.okafor}/referrals`];
    await addHistory(ids.northAdultIop);
    const one = [];
    for (const p of paths) one.push(await statementsFor(p));
    await addHistory(ids.northAdolescentIop);
    const two = [];
    for (const p of paths) two.push(await statementsFor(p));
    expect(two).toEqual(one);
  });
});
