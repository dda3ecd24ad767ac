import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { call, expectStatus } from '../../test-support/test-app';
import { withTestApp } from '../../test-support/with-test-app';
import { auditLog } from '../db/platform.table';

const s = withTestApp({ clinician: 'clinician@demo.openiop.org' });

const notFoundRows = () =>
  s.t.db.tx((tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'access.not_found'), eq(auditLog.actorId, s.ids.clinicianId))),
  );

describe('failed lookups of patient data are audited with their outcome', () => {
  it('an unknown note of a known patient', async () => {
    const noteId = randomUUID();
    const res = await call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}/notes/${noteId}`, {
      session: s.clinician,
    });
    expectStatus(res, 404);
    const row = (await notFoundRows()).find((r) => (r.detail as { path: string }).path.endsWith(noteId));
    expect(row).toMatchObject({
      outcome: 'not_found',
      patientId: s.ids.okafor,
      siteId: s.ids.north,
      entity: 'patient_record',
      actorEmail: 'clinician@demo.openiop.org',
    });
    expect(row!.detail).toMatchObject({
      code: 'not_found',
      method: 'GET',
      route: '/api/patients/:patientId/notes/:noteId',
    });
  });

  it('an unknown patient id', async () => {
    const unknown = randomUUID();
    const res = await call(s.t.app, 'GET', `/api/patients/${unknown}`, { session: s.clinician });
    expectStatus(res, 404);
    const row = (await notFoundRows()).find((r) => r.entityId === unknown);
    expect(row).toMatchObject({ outcome: 'not_found', entity: 'patient', patientId: null });
  });

  it('a change aimed at an unknown patient (the refusal path is the same for writes)', async () => {
    const unknown = randomUUID();
    const res = await call(s.t.app, 'POST', `/api/patients/${unknown}/break-glass`, {
      session: s.clinician,
      body: { reason: 'Patient arrived in crisis; need the emergency contact' },
    });
    expectStatus(res, 404);
    const row = (await notFoundRows()).find((r) => r.entityId === unknown);
    expect(row).toMatchObject({ outcome: 'not_found', detail: expect.objectContaining({ method: 'POST' }) });
  });

  it('an unknown patient with a NUL in the path is still a 404, audited (jsonb holds no NUL)', async () => {
    const unknown = randomUUID();
    const res = await call(s.t.app, 'GET', `/api/patients/${unknown}/notes/%00`, { session: s.clinician });
    expectStatus(res, 404);
    const row = (await notFoundRows()).find((r) => r.entityId === unknown);
    expect((row!.detail as { path: string }).path).toBe(`/api/patients/${unknown}/notes/\uFFFD`);
  });
});
