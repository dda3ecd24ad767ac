import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sites } from '../platform/db/platform.table';
import { call, expectStatus } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { patients } from './patients.table';

/** Statements per request must not grow with the number of rows (no N+1). */
const s = withTestApp({ director: 'director@demo.openiop.org' });
let north: string;
let okafor: string;

beforeAll(async () => {
  await s.t.db.tx(async (tx) => {
    north = (await tx.select().from(sites).where(eq(sites.name, 'Riverbend North')))[0]!.id;
    okafor = (await tx.select().from(patients).where(eq(patients.familyName, 'Okafor')))[0]!.id;
  });
});

async function statementsFor(path: string): Promise<number> {
  const before = s.t.db.queryCount();
  const res = await call(s.t.app, 'GET', path, { session: s.director });
  expectStatus(res, 200);
  return s.t.db.queryCount() - before;
}

async function addPatients(n: number, from = 0) {
  const [org] = await s.t.db.tx((tx) =>
    tx.select({ id: sites.organizationId }).from(sites).where(eq(sites.id, north)),
  );
  await s.t.db.tx((tx) =>
    tx.insert(patients).values(
      Array.from({ length: n }, (_, k) => k + from).map((i) => ({
        organizationId: org!.id,
        siteId: north,
        mrn: `QC${i}`,
        givenName: `Given${i}`,
        familyName: `Family${String(i).padStart(4, '0')}`,
        dateOfBirth: '1980-01-01',
      })),
    ),
  );
}

describe('query count per route', () => {
  it('is the same for census pages, a name search and a chart at 42 and at 542 patients', async () => {
    const paths = [
      `/api/sites/${north}/patients?pageSize=25`,
      `/api/sites/${north}/patients?pageSize=25&page=2`,
      `/api/sites/${north}/patients?q=Family`,
      `/api/patients/${okafor}`,
      '/api/auth/me',
    ];
    await addPatients(30);
    const small = [];
    for (const p of paths) small.push(await statementsFor(p));
    await addPatients(500, 30);
    const large = [];
    for (const p of paths) large.push(await statementsFor(p));
    expect(large).toEqual(small);
    // On PostgreSQL the count includes each transaction's BEGIN and COMMIT.
    expect(Math.max(...small)).toBeLessThanOrEqual(12);
  });
});
