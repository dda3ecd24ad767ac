// Response headers and input a hostile client might try: the Content-Security-Policy on every answer, a
// request id the client cannot choose, names made of invisible characters, and links that are not https.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../test-support/clinical-fixtures';
import { call, createTestApp, login, type Session, type TestApp } from '../../test-support/test-app';
import { auditLog } from '../db/platform.table';

let t: TestApp;
let director: Session;
let ids: Awaited<ReturnType<typeof demoIds>>;
beforeAll(async () => {
  t = await createTestApp();
  director = await login(t.app, 'director@demo.openiop.org');
  ids = await demoIds(t);
});
afterAll(() => t?.close());

describe('Content-Security-Policy', () => {
  it.each([['/api/auth/me'], ['/api/docs'], ['/healthz'], ['/patients']])('is set on %s', async (path) => {
    const res = await call(t.app, 'GET', path, { session: director });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('the API docs page runs no inline script', async () => {
    const page = await call(t.app, 'GET', '/api/docs');
    expect(page.status).toBe(200);
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="\/api\/docs\/assets\//);
      expect(body?.trim()).toBe('');
    }
    const init = await call(t.app, 'GET', '/api/docs/assets/openiop-docs-init.js');
    expect(init.status).toBe(200);
    expect(init.text).toContain('SwaggerUIBundle');
  });
});

describe('request id', () => {
  it('is the server’s own in the answer and the audit row; a client’s id is not stored', async () => {
    const res = await call(t.app, 'GET', `/api/patients/${ids.rivera}`, {
      session: director,
      headers: { 'x-request-id': 'chosen-by-the-client' },
    });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const rows = await t.db.tx((tx) =>
      tx
        .select({ requestId: auditLog.requestId })
        .from(auditLog)
        .where(and(eq(auditLog.patientId, ids.rivera), eq(auditLog.requestId, id!))),
    );
    expect(rows.length).toBeGreaterThan(0);
    const forged = await t.db.tx((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.requestId, 'chosen-by-the-client')),
    );
    expect(forged).toEqual([]);
  });
});

describe('names and links', () => {
  it.each([
    ['zero-width', '\u200B\u200B\u200B'],
    ['control', '\u0007\u0007'],
    ['bidirectional override', '\u202Eylleir'],
  ])('a patient named only with %s characters is refused (422 givenName)', async (_, givenName) => {
    const res = await call(t.app, 'POST', `/api/sites/${ids.north}/patients`, {
      session: director,
      body: { givenName, familyName: 'Hidden', dateOfBirth: '1990-01-01' },
    });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain('givenName');
  });

  it('a telehealth link must be https (422 telehealthUrl); http to localhost is allowed for testing', async () => {
    const track = await call(t.app, 'POST', `/api/sites/${ids.north}/programs/${ids.northAdultIop}/tracks`, {
      session: director,
      body: { name: 'Link check', timeOfDay: 'evening', modality: 'virtual' },
    });
    expect(track.status, track.text).toBe(201);
    const schedule = (telehealthUrl: string) =>
      call(t.app, 'POST', `/api/sites/${ids.north}/tracks/${track.body.id}/schedules`, {
        session: director,
        body: {
          weekdays: [1],
          startTime: '18:00',
          endTime: '21:00',
          startsOn: '2031-03-03',
          endsOn: '2031-03-04',
          sessionType: 'group_therapy',
          topic: 'Relapse prevention',
          facilitatorId: ids.clinicianId,
          telehealthUrl,
        },
      });
    for (const url of ['http://meet.example.org/room', 'javascript:alert(1)']) {
      const res = await schedule(url);
      expect(res.status, url).toBe(422);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain('telehealthUrl');
    }
    expect((await schedule('https://meet.example.org/room')).status).toBe(201);
  });

  it('a track named with invisible characters is refused (422 name)', async () => {
    const res = await call(t.app, 'POST', `/api/sites/${ids.north}/programs/${ids.northAdultIop}/tracks`, {
      session: director,
      body: { name: '\u200B\u2060', timeOfDay: 'evening', modality: 'virtual' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0].path).toBe('name');
  });
});
