import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, login, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { parseCensusSearch } from './census-search';
import { censusQuery } from './patients.store';

const s = withTestApp();

beforeAll(async () => {
  // 10,000 generated patients at North (names from md5, so trigrams vary as real names do).
  await s.t.db.tx(async (tx) => {
    await tx.execute(sql`
      insert into patients (organization_id, site_id, mrn, given_name, family_name, date_of_birth)
      select s.organization_id, s.id, 'GEN' || g,
             initcap(substr(md5('g' || g), 1, 7)), initcap(substr(md5('f' || g), 1, 9)),
             date '1950-01-01' + (g % 20000)
      from generate_series(1, 10000) g, sites s where s.id = ${s.ids.north}`);
  });
  await s.t.db.tx((tx) => tx.execute(sql`analyze patients`));
}, 120_000);

async function plan(q: string): Promise<string> {
  const rows = await s.t.db.tx((tx) =>
    tx.execute(sql`explain ${censusQuery(tx, s.ids.north, parseCensusSearch(q), 1, 25)}`),
  );
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Record<string, string>[];
  return list.map((r) => Object.values(r)[0]).join('\n');
}

describe('census name search over 10,000 generated patients', () => {
  it.each(['okafor', 'Amara Okafor', 'rivera'])(
    '"%s" uses the trigram index, not a sequential scan',
    async (q) => {
      const explained = await plan(q);
      expect(explained).not.toMatch(/Seq Scan on patients/);
      expect(explained).toMatch(/patients_search_trgm_idx/);
    },
  );

  it('still finds the demo patient among them', async () => {
    const clinician = await login(s.t.app, 'clinician@demo.openiop.org');
    const res = await call(s.t.app, 'GET', `/api/sites/${s.ids.north}/patients?q=okafor`, {
      session: clinician,
    });
    expect(okBody(res).items.map((p: { familyName: string }) => p.familyName)).toEqual(['Okafor']);
    expect(okBody(res).total).toBe(1);
  });
});
