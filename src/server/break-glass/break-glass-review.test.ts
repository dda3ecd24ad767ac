import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, siteMemberships, users } from '../platform/db/platform.table';
import { call, errorOf, expectStatus, login, okBody, type Session } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({ admin: 'admin@demo.openiop.org' });
let grantId: string;
const reason = 'Patient arrived at North in crisis; need the emergency contact';

beforeAll(async () => {
  const clinician = await login(s.t.app, 'clinician@demo.openiop.org');
  const grant = await call(s.t.app, 'POST', `/api/patients/${s.ids.cho}/break-glass`, {
    session: clinician,
    body: { reason },
  });
  grantId = okBody(grant).id;
  // Two accesses under the grant, a minute apart: the chart and an unknown note of it.
  s.t.clock.advance(60);
  await call(s.t.app, 'GET', `/api/patients/${s.ids.cho}`, { session: clinician });
  s.t.clock.advance(60);
  await call(s.t.app, 'GET', `/api/patients/${s.ids.cho}/notes/00000000-0000-4000-8000-000000000bad`, {
    session: clinician,
  });
});

const queue = <Q extends string = ''>(session: Session, query = '' as Q) =>
  call(s.t.app, 'GET', `/api/break-glass/grants${query}`, { session });

describe('break-glass review queue', () => {
  it('lists each unreviewed grant with its reason, window, user, patient and every access under it', async () => {
    const res = await queue(s.admin);
    expectStatus(res, 200);
    const grant = res.body.items.find((g: { id: string }) => g.id === grantId);
    expect(grant).toMatchObject({
      reason,
      live: true,
      user: { email: 'clinician@demo.openiop.org' },
      patient: { id: s.ids.cho },
      site: { id: s.ids.south },
      review: null,
    });
    expect(Date.parse(grant?.expiresAt ?? '') - Date.parse(grant?.grantedAt ?? '')).toBe(60 * 60 * 1000);
    expect(grant?.accesses.map((a: { action: string; outcome: string }) => [a.action, a.outcome])).toEqual([
      ['patient.break_glass', 'success'],
      ['patient.read', 'success'],
      ['access.not_found', 'not_found'],
    ]);
  });

  it('records reviewed / follow-up once, audited, and the grant leaves the unreviewed queue', async () => {
    const noNote = await call(s.t.app, 'POST', `/api/break-glass/grants/${grantId}/review`, {
      session: s.admin,
      body: { outcome: 'follow_up' },
    });
    expectStatus(noNote, 422);
    expect(noNote.body.error.fields).toEqual([{ path: 'note', message: 'Say what needs to follow up.' }]);
    const badOutcome = await call(s.t.app, 'POST', `/api/break-glass/grants/${grantId}/review`, {
      session: s.admin,
      body: { outcome: 'fine' },
    });
    expectStatus(badOutcome, 422);
    expect(badOutcome.body.error.fields[0]?.path).toBe('outcome');

    const done = await call(s.t.app, 'POST', `/api/break-glass/grants/${grantId}/review`, {
      session: s.admin,
      body: { outcome: 'follow_up', note: 'Ask Casey why the note was opened' },
    });
    expectStatus(done, 200);
    expect(done.body.review).toMatchObject({
      outcome: 'follow_up',
      note: 'Ask Casey why the note was opened',
      reviewedBy: 'admin@demo.openiop.org',
    });
    const again = await call(s.t.app, 'POST', `/api/break-glass/grants/${grantId}/review`, {
      session: s.admin,
      body: { outcome: 'reviewed' },
    });
    expectStatus(again, 409);
    expect(errorOf(again).code).toBe('already_reviewed');

    expect(okBody(await queue(s.admin)).items.map((g: { id: string }) => g.id)).not.toContain(grantId);
    const reviewed = await queue(s.admin, '?status=reviewed');
    expect(okBody(reviewed).items.find((g: { id: string }) => g.id === grantId)?.review?.outcome).toBe(
      'follow_up',
    );

    const [audited] = await s.t.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'break_glass.review'), eq(auditLog.entityId, grantId))),
    );
    expect(audited).toMatchObject({
      actorEmail: 'admin@demo.openiop.org',
      patientId: s.ids.cho,
      detail: expect.objectContaining({ outcome: 'follow_up' }),
    });
  });

  it('a program director sees only the grants of their own sites', async () => {
    const [director] = await s.t.db.tx((tx) =>
      tx.select().from(users).where(eq(users.email, 'director@demo.openiop.org')),
    );
    await s.t.db.tx((tx) =>
      tx
        .delete(siteMemberships)
        .where(and(eq(siteMemberships.userId, director!.id), eq(siteMemberships.siteId, s.ids.south))),
    );
    const northOnly = await login(s.t.app, 'director@demo.openiop.org');
    const all = await queue(northOnly, '?status=all');
    expectStatus(all, 200);
    expect(all.body.items.map((g: { id: string }) => g.id)).not.toContain(grantId);
    const review = await call(s.t.app, 'POST', `/api/break-glass/grants/${grantId}/review`, {
      session: northOnly,
      body: { outcome: 'reviewed' },
    });
    expectStatus(review, 404);
  });

  it('is not for clinicians, and an unknown status is a field error', async () => {
    const clinician = await login(s.t.app, 'clinician@demo.openiop.org');
    expect((await queue(clinician)).status).toBe(403);
    const bad = await queue(s.admin, '?status=maybe');
    expectStatus(bad, 400);
    expect(errorOf(bad).fields[0]).toEqual({ path: 'status', message: 'Use unreviewed, reviewed or all.' });
  });
});
