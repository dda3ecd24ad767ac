import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sites, users } from '../platform/db/platform.table';
import { admit } from '../test-support/clinical-fixtures';
import { call, expectStatus } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { noteAddenda, notes } from './notes.table';

/** The chart's note list loads a page in bulk: its statement count must not grow with the notes. */
const s = withTestApp({ clinician: 'clinician@demo.openiop.org' });
let episodeId: string;
let organizationId: string;
let clinicianId: string;

beforeAll(async () => {
  episodeId = (await admit(s.t, s.clinician, s.ids.bell, s.ids.northAdultIop)).body.id;
  await s.t.db.tx(async (tx) => {
    organizationId = (await tx.select().from(sites).where(eq(sites.id, s.ids.north)))[0]!.organizationId;
    clinicianId = (await tx.select().from(users).where(eq(users.email, 'clinician@demo.openiop.org')))[0]!.id;
  });
});

/** Locked notes, each with an addendum, straight into the tables (the routes are tested in notes.test.ts). */
async function addNotes(n: number) {
  await s.t.db.tx(async (tx) => {
    const at = s.t.clock.now();
    const rows = await tx
      .insert(notes)
      .values(
        Array.from({ length: n }, (_, i) => ({
          organizationId,
          siteId: s.ids.north,
          patientId: s.ids.bell,
          episodeId,
          noteType: 'case_management',
          body: { needs: `Need ${i}`, actions: 'Called', followUp: 'Friday' },
          part2: true,
          status: 'locked',
          authorId: clinicianId,
          signedBy: clinicianId,
          signedName: 'Casey Clinician, LPC',
          signedAt: at,
          signedMethod: 'totp',
          serviceAt: new Date(at.getTime() - i * 60_000),
        })),
      )
      .returning({ id: notes.id });
    await tx.insert(noteAddenda).values(
      rows.map((r) => ({
        organizationId,
        siteId: s.ids.north,
        patientId: s.ids.bell,
        noteId: r.id,
        text: 'Addendum',
        authorId: clinicianId,
        signedName: 'Casey Clinician, LPC',
        signedMethod: 'password',
        signedAt: at,
      })),
    );
  });
}

async function statementsFor<P extends string>(path: P) {
  const before = s.t.db.queryCount();
  const res = await call(s.t.app, 'GET', path, { session: s.clinician });
  expectStatus(res, 200);
  return { count: s.t.db.queryCount() - before, res };
}

describe('query count of the chart notes', () => {
  it('is the same at 3 and at 60 notes, addenda included', async () => {
    const path = `/api/patients/${s.ids.bell}/notes?pageSize=100` as const;
    await addNotes(3);
    const small = await statementsFor(path);
    expect(small.res.body.items).toHaveLength(3);
    await addNotes(57);
    const large = await statementsFor(path);
    expect(large.res.body.items).toHaveLength(60);
    expect(large.res.body.items.every((n: { addenda: unknown[] }) => n.addenda.length === 1)).toBe(true);
    expect(large.count).toBe(small.count);
  });
});
