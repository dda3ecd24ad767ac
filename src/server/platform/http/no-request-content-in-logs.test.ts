import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { beforeAll, describe, expect, it } from 'vitest';
import { admit } from '../../test-support/clinical-fixtures';
import { call, expectStatus, LOG_MARKER, login } from '../../test-support/test-app';
import { withTestApp } from '../../test-support/with-test-app';
import { createLogger } from '../logging';
import type { AppEnv, Deps } from './app-env';
import { handleError } from './error-handler';

/**
 * Note text, query strings and a failed statement's parameters never reach the log: requests that fail and
 * succeed carry a marker, and the captured pino output must not contain it (every test app's close() also
 * scans its whole log for the marker, so any test file that sends it is checked too).
 */
const s = withTestApp({ clinician: 'clinician@demo.openiop.org' });
let episodeId: string;
const UNKNOWN = '0b7e4c1a-9d2f-4e6b-8a3c-5f1e2d3c4b5a';

beforeAll(async () => {
  const director = await login(s.t.app, 'director@demo.openiop.org');
  episodeId = (await admit(s.t, director, s.ids.okafor, s.ids.northAdultIop)).body.id;
});

const logged = () => s.t.logLines().join('\n');

describe('the server log never carries request content', () => {
  it('psychotherapy notes, failing and succeeding', async () => {
    const text = `Process note ${LOG_MARKER}`;
    const path = `/api/patients/${s.ids.okafor}/psychotherapy-notes` as const;
    const bad = await call(s.t.app, 'POST', path, {
      session: s.clinician,
      body: { episodeId, sessionId: UNKNOWN, text, grantedUserIds: [] },
    });
    expectStatus(bad, 422);
    const wrongEpisode = await call(s.t.app, 'POST', path, {
      session: s.clinician,
      body: { episodeId: UNKNOWN, text, grantedUserIds: [UNKNOWN] },
    });
    expectStatus(wrongEpisode, 422);
    const good = await call(s.t.app, 'POST', path, { session: s.clinician, body: { episodeId, text } });
    expectStatus(good, 201);
    expect(s.t.logLines().length).toBeGreaterThan(0);
    expect(logged()).not.toContain(LOG_MARKER);
  });

  it('chart notes and queries, failing and succeeding', async () => {
    const path = `/api/patients/${s.ids.okafor}/notes` as const;
    const body = { needs: LOG_MARKER, actions: LOG_MARKER, followUp: LOG_MARKER };
    for (const extra of [{ sessionId: UNKNOWN }, { serviceAt: '9999-12-31T00:00:00Z' }, {}]) {
      await call(s.t.app, 'POST', path, {
        session: s.clinician,
        body: { noteType: 'case_management', episodeId, body, ...extra },
      });
    }
    await call(s.t.app, 'GET', `/api/sites/${s.ids.north}/patients?q=${LOG_MARKER}`, {
      session: s.clinician,
    });
    await call(s.t.app, 'POST', path, {
      session: s.clinician,
      rawBody: `{"x":"${LOG_MARKER}"`,
      headers: { 'content-type': 'application/json' },
    });
    expect(logged()).not.toContain(LOG_MARKER);
  });

  it('an unexpected error logs its class, route, SQLSTATE and constraint, never its message', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (l: string) => void lines.push(l) });
    const app = new OpenAPIHono<AppEnv>();
    app.use('*', requestId());
    app.use('*', async (c, next) => {
      c.set('deps', { logger } as unknown as Deps);
      await next();
    });
    app.onError(handleError);
    app.post('/boom/:id', () => {
      // What drizzle throws for a failed statement: the SQL and its parameters in the message.
      throw new Error(`Failed query: insert into psychotherapy_notes values ($1)\nparams: ${LOG_MARKER}`, {
        cause: Object.assign(new Error(`detail ${LOG_MARKER}`), {
          code: 'XX000',
          constraint: 'psychotherapy_notes_session_id_fk',
          detail: LOG_MARKER,
        }),
      });
    });
    const res = await app.request(`/boom/1?q=${LOG_MARKER}`, { method: 'POST', body: LOG_MARKER });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain(LOG_MARKER);
    const out = lines.join('\n');
    expect(out).not.toContain(LOG_MARKER);
    const entry = JSON.parse(lines.find((l) => l.includes('unhandled error'))!);
    expect(entry).toMatchObject({
      route: '/boom/:id',
      pgCode: 'XX000',
      constraint: 'psychotherapy_notes_session_id_fk',
      errorClass: 'Error',
    });
  });
});
