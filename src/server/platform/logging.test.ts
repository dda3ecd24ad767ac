import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { call, login, okBody, openTestDatabase } from '../test-support/test-app';
import { loadConfig } from './config';
import type { Database } from './db/database';
import { REDACT_PATHS } from './logging';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
});
afterAll(() => drop?.());

describe('request log', () => {
  it('writes one line per request with the route pattern and no names, dates of birth or bodies', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).trim().split('\n'));
        done();
      },
    });
    const logger = pino({ level: 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    const app = createApp({ db, config: loadConfig({ LOG_LEVEL: 'info' }), logger, now: () => new Date() });
    const s = await login(app, 'director@demo.openiop.org');
    const siteId = okBody(await call(app, 'GET', '/api/sites', { session: s })).items[0]!.id;
    lines.length = 0;
    const created = await call(app, 'POST', `/api/sites/${siteId}/patients`, {
      session: s,
      body: {
        givenName: 'Quentin',
        familyName: 'Zebulon',
        dateOfBirth: '1977-07-07',
        email: 'qz@example.org',
      },
    });
    await call(app, 'GET', `/api/patients/${okBody(created).id}`, { session: s });
    await call(app, 'GET', `/api/sites/${siteId}/patients?q=Zebulon`, { session: s });
    expect(lines).toHaveLength(3);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.map((p) => p.route)).toEqual([
      '/api/sites/:siteId/patients',
      '/api/patients/:patientId',
      '/api/sites/:siteId/patients',
    ]);
    expect(parsed.every((p) => typeof p.requestId === 'string' && typeof p.status === 'number')).toBe(true);
    const all = lines.join('\n');
    for (const phi of ['Quentin', 'Zebulon', '1977-07-07', 'qz@example.org', okBody(created).id])
      expect(all).not.toContain(phi);
  });
});
