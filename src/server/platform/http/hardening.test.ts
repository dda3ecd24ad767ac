// Response headers and input a hostile client might try: the Content-Security-Policy on every answer, a
// request id the client cannot choose, names made of invisible characters, and links that are not https.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { call, errorOf, expectStatus } from '../../test-support/test-app';
import { withTestApp } from '../../test-support/with-test-app';
import { auditLog } from '../db/platform.table';

const s = withTestApp({ director: 'director@demo.openiop.org' });

describe('Content-Security-Policy', () => {
  it.each([['/api/auth/me'], ['/api/docs'], ['/healthz'], ['/patients']])('is set on %s', async (path) => {
    const res = await call(s.t.app, 'GET', path, { session: s.director });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('the API docs page runs no inline script', async () => {
    const page = await call(s.t.app, 'GET', '/api/docs');
    expectStatus(page, 200);
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="\/api\/docs\/assets\//);
      expect(body?.trim()).toBe('');
    }
    const init = await call(s.t.app, 'GET', '/api/docs/assets/openiop-docs-init.js');
    expectStatus(init, 200);
    expect(init.text).toContain('SwaggerUIBundle');
  });
});

describe('request id', () => {
  it('is the server’s own in the answer and the audit row; a client’s id is not stored', async () => {
    const res = await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}`, {
      session: s.director,
      headers: { 'x-request-id': 'chosen-by-the-client' },
    });
    expectStatus(res, 200);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const rows = await s.t.db.tx((tx) =>
      tx
        .select({ requestId: auditLog.requestId })
        .from(auditLog)
        .where(and(eq(auditLog.patientId, s.ids.rivera), eq(auditLog.requestId, id!))),
    );
    expect(rows.length).toBeGreaterThan(0);
    const forged = await s.t.db.tx((tx) =>
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
    const res = await call(s.t.app, 'POST', `/api/sites/${s.ids.north}/patients`, {
      session: s.director,
      body: { givenName, familyName: 'Hidden', dateOfBirth: '1990-01-01' },
    });
    expectStatus(res, 422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain('givenName');
  });

  it('a telehealth link must be https (422 telehealthUrl); http to localhost is allowed for testing', async () => {
    const track = await call(
      s.t.app,
      'POST',
      `/api/sites/${s.ids.north}/programs/${s.ids.northAdultIop}/tracks`,
      {
        session: s.director,
        body: { name: 'Link check', timeOfDay: 'evening', modality: 'virtual' },
      },
    );
    expectStatus(track, 201);
    const schedule = (telehealthUrl: string) =>
      call(s.t.app, 'POST', `/api/sites/${s.ids.north}/tracks/${track.body.id}/schedules`, {
        session: s.director,
        body: {
          weekdays: [1],
          startTime: '18:00',
          endTime: '21:00',
          startsOn: '2031-03-03',
          endsOn: '2031-03-04',
          sessionType: 'group_therapy',
          topic: 'Relapse prevention',
          facilitatorId: s.ids.clinicianId,
          telehealthUrl,
        },
      });
    for (const url of ['http://meet.example.org/room', 'javascript:alert(1)']) {
      const res = await schedule(url);
      expect(res.status, url).toBe(422);
      expect(errorOf(res).fields.map((f: { path: string }) => f.path)).toContain('telehealthUrl');
    }
    expect((await schedule('https://meet.example.org/room')).status).toBe(201);
  });

  it('a track named with invisible characters is refused (422 name)', async () => {
    const res = await call(
      s.t.app,
      'POST',
      `/api/sites/${s.ids.north}/programs/${s.ids.northAdultIop}/tracks`,
      {
        session: s.director,
        body: { name: '\u200B\u2060', timeOfDay: 'evening', modality: 'virtual' },
      },
    );
    expectStatus(res, 422);
    expect(res.body.error.fields[0]?.path).toBe('name');
  });
});
