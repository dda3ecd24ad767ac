import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../platform/db/platform.table';
import { call, expectStatus, type Session } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { patients } from './patients.table';

/**
 * The duplicate-patient check holds under concurrency (on PostgreSQL three identical creates used to make
 * three patients) and discloses nothing about a patient at a site the caller cannot open.
 */
const s = withTestApp({ intake: 'intake@demo.openiop.org', frontDesk: 'frontdesk@demo.openiop.org' });

const person = (familyName: string, extra: Record<string, unknown> = {}) => ({
  givenName: 'Rowan',
  familyName,
  dateOfBirth: '1988-03-14',
  ...extra,
});
const create = (session: Session, siteId: string, body: Record<string, unknown>) =>
  call(s.t.app, 'POST', `/api/sites/${siteId}/patients`, { session, body });
const countNamed = async (familyName: string) =>
  (
    await s.t.db.tx((tx) =>
      tx.select({ n: sql<number>`count(*)::int` }).from(patients).where(eq(patients.familyName, familyName)),
    )
  )[0]!.n;

describe('concurrent identical creates', () => {
  it('three at once make one patient; the other two answer 409 possible_duplicate', async () => {
    const results = await Promise.all([0, 1, 2].map(() => create(s.intake, s.ids.north, person('Racewell'))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.body.error.code).toBe('possible_duplicate');
    }
    expect(await countNamed('Racewell')).toBe(1);
  });

  it('"create anyway" (confirmNotDuplicate) still registers a second person of that name', async () => {
    await create(s.intake, s.ids.north, person('Twinning'));
    const anyway = await create(s.intake, s.ids.north, person('Twinning', { confirmNotDuplicate: true }));
    expectStatus(anyway, 201);
    expect(await countNamed('Twinning')).toBe(2);
  });
});

describe('a match at a site the caller cannot open', () => {
  it('answers 409 without any identifier, says to ask a director, and audits the probe', async () => {
    // Okafor, Amara, 1979-11-02 is a demo patient of North; the front desk works only at South.
    const res = await create(s.frontDesk, s.ids.south, {
      givenName: 'Amara',
      familyName: 'Okafor',
      dateOfBirth: '1979-11-02',
    });
    expectStatus(res, 409);
    expect(res.body.error.code).toBe('possible_duplicate_elsewhere');
    expect(res.body.error.message).toMatch(/possible match exists at another site; ask a director/);
    expect(res.body).not.toHaveProperty('error.existing');
    expect(res.text).not.toContain(s.ids.okafor);
    expect(res.text).not.toMatch(/RB\d+/);
    const probes = await s.t.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'patient.duplicate_check'), eq(auditLog.siteId, s.ids.south))),
    );
    expect(probes).toHaveLength(1);
    expect(probes[0]).toMatchObject({ outcome: 'denied', patientId: null });
    expect(probes[0]!.detail).toMatchObject({ matches: 1, atOtherSites: 1, shownPatientIds: [] });
  });

  it('a match the caller may open is still named, and that probe is audited too', async () => {
    const res = await create(s.intake, s.ids.south, {
      givenName: 'Amara',
      familyName: 'Okafor',
      dateOfBirth: '1979-11-02',
    });
    expectStatus(res, 409);
    expect(res.body).toHaveProperty('error.existing', [{ id: s.ids.okafor, mrn: expect.any(String) }]);
  });
});
