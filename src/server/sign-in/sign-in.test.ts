import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../platform/auth/secrets';
import { organizations, users } from '../platform/db/platform.table';
import {
  call,
  createTestApp,
  demoCodeFor,
  expectStatus,
  login,
  okBody,
  passwordStep,
  type TestApp,
} from '../test-support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const IDLE = 15 * 60;

const passwordOnly = (email: string, password?: string) => passwordStep(t.app, email, password);

async function newStaffUser(email: string, password = 'a-long-password-123') {
  await t.db.tx(async (tx) => {
    const [org] = await tx.select().from(organizations);
    await tx.insert(users).values({
      organizationId: org!.id,
      email,
      displayName: 'New Staff',
      role: 'nurse',
      passwordHash: await hashPassword(password),
    });
  });
  return password;
}

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and asks staff for their code', async () => {
    const { res } = await passwordOnly('nurse@demo.openiop.org');
    expectStatus(res, 200);
    expect(res.body.next).toBe('mfa');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('refuses everything but the code step until MFA is done', async () => {
    const { session } = await passwordOnly('nurse@demo.openiop.org');
    const sites = await call(t.app, 'GET', '/api/sites', { session });
    expectStatus(sites, 401);
    expect(sites.body.error.code).toBe('mfa_required');
    const wrong = await call(t.app, 'POST', '/api/auth/mfa/verify', { session, body: { code: '000000' } });
    expectStatus(wrong, 401);
    const ok = await call(t.app, 'POST', '/api/auth/mfa/verify', {
      session,
      body: { code: demoCodeFor(t.app, 'nurse@demo.openiop.org') },
    });
    expectStatus(ok, 200);
    expect((await call(t.app, 'GET', '/api/sites', { session })).status).toBe(200);
  });

  it('answers the same for an unknown email and a wrong password', async () => {
    const unknown = await passwordOnly('nobody@demo.openiop.org');
    const wrong = await passwordOnly('billing@demo.openiop.org', 'not-the-password');
    expectStatus(unknown.res, 401);
    expectStatus(wrong.res, 401);
    expect(unknown.res.body.error).toEqual(wrong.res.body.error);
  });

  it('locks the account for 15 minutes after 5 failed attempts', async () => {
    const email = 'prescriber@demo.openiop.org';
    for (let i = 1; i <= 5; i++) expect((await passwordOnly(email, `wrong-${i}`)).res.status).toBe(401);
    // Locked, but the answer is the one an unknown email gets: it tells nobody the account exists.
    const whileLocked = await passwordOnly(email); // even the right password
    expectStatus(whileLocked.res, 401);
    expect(whileLocked.res.body.error.code).toBe('invalid_credentials');
    t.clock.advance(14 * 60);
    expect((await passwordOnly(email)).res.status).toBe(401);
    t.clock.advance(61);
    expect((await passwordOnly(email)).res.status).toBe(200);
  });

  it('wrong authenticator codes count toward the lockout too', async () => {
    const email = 'intake@demo.openiop.org';
    const { session } = await passwordOnly(email);
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await call(t.app, 'POST', '/api/auth/mfa/verify', { session, body: { code: '111111' } })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    t.clock.advance(15 * 60 + 1);
  });

  it('a portal account needs no authenticator code', async () => {
    const { res } = await passwordOnly('patient@demo.openiop.org');
    expect(okBody(res).next).toBe('done');
  });
});

describe('MFA enrolment and recovery codes', () => {
  it('enrols with a QR code, returns 10 one-time recovery codes, and each works once', async () => {
    const email = 'new.nurse@demo.openiop.org';
    const password = await newStaffUser(email);
    const first = await passwordOnly(email, password);
    expect(okBody(first.res).next).toBe('enrol-mfa');
    const session = first.session!;
    expect((await call(t.app, 'GET', '/api/sites', { session })).status).toBe(401);
    const start = await call(t.app, 'POST', '/api/auth/mfa/enrol/start', { session });
    expectStatus(start, 200);
    expect(start.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(start.body.otpauthUri).toContain('otpauth://totp/');
    const bad = await call(t.app, 'POST', '/api/auth/mfa/enrol/confirm', {
      session,
      body: { code: '123456' },
    });
    expectStatus(bad, 422);
    expect(bad.body.error.fields[0]?.path).toBe('code');
    const confirm = await call(t.app, 'POST', '/api/auth/mfa/enrol/confirm', {
      session,
      body: { code: generateSync({ secret: start.body.secret, epoch: t.clock.now().getTime() / 1000 }) },
    });
    expectStatus(confirm, 200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirm.body.recoveryCodes).size).toBe(10);
    expect((await call(t.app, 'GET', '/api/sites', { session })).status).toBe(200);

    const recovery = confirm.body.recoveryCodes[0];
    const again = await passwordOnly(email, password);
    expect(okBody(again.res).next).toBe('mfa');
    expect(
      (
        await call(t.app, 'POST', '/api/auth/mfa/verify', {
          session: again.session,
          body: { code: recovery },
        })
      ).status,
    ).toBe(200);
    const third = await passwordOnly(email, password);
    expect(
      (
        await call(t.app, 'POST', '/api/auth/mfa/verify', {
          session: third.session,
          body: { code: recovery },
        })
      ).status,
    ).toBe(401);
  });

  it('refuses a second enrolment for an account that has one', async () => {
    const { session } = await passwordOnly('nurse@demo.openiop.org');
    expect((await call(t.app, 'POST', '/api/auth/mfa/enrol/start', { session })).status).toBe(409);
  });
});

describe('session lifetime', () => {
  it('ends after 15 idle minutes, with session_expired', async () => {
    const s = await login(t.app, 'clinician@demo.openiop.org');
    t.clock.advance(IDLE - 5);
    expect((await call(t.app, 'GET', '/api/auth/me', { session: s })).status).toBe(200);
    t.clock.advance(IDLE - 5); // activity moved the idle window
    expect((await call(t.app, 'GET', '/api/auth/me', { session: s })).status).toBe(200);
    t.clock.advance(IDLE + 1);
    const expired = await call(t.app, 'GET', '/api/auth/me', { session: s });
    expectStatus(expired, 401);
    expect(expired.body.error.code).toBe('session_expired');
  });

  it('ends after 12 hours however active', async () => {
    const s = await login(t.app, 'clinician@demo.openiop.org');
    for (let h = 0; h < 12 * 6 - 1; h++) {
      t.clock.advance(10 * 60);
      expect((await call(t.app, 'GET', '/api/auth/me', { session: s })).status, `after ${h * 10} min`).toBe(
        200,
      );
    }
    t.clock.advance(10 * 60 + 1);
    expect((await call(t.app, 'GET', '/api/auth/me', { session: s })).status).toBe(401);
  });

  it('tells the web app when the idle window closes', async () => {
    const s = await login(t.app, 'clinician@demo.openiop.org');
    const me = await call(t.app, 'GET', '/api/auth/me', { session: s });
    expect(okBody(me).session.idleTimeoutSeconds).toBe(IDLE);
    expect(
      new Date(okBody(me).session.idleExpiresAt).getTime() - t.clock.now().getTime(),
    ).toBeLessThanOrEqual(IDLE * 1000);
  });

  it('logout ends this session; logout everywhere ends all of them', async () => {
    const a = await login(t.app, 'billing@demo.openiop.org');
    const b = await login(t.app, 'billing@demo.openiop.org');
    const c = await login(t.app, 'billing@demo.openiop.org');
    expect((await call(t.app, 'POST', '/api/auth/logout', { session: a })).status).toBe(204);
    expect((await call(t.app, 'GET', '/api/auth/me', { session: a })).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/auth/me', { session: b })).status).toBe(200);
    expect((await call(t.app, 'POST', '/api/auth/logout-all', { session: b })).status).toBe(204);
    expect((await call(t.app, 'GET', '/api/auth/me', { session: b })).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/auth/me', { session: c })).status).toBe(401);
  });

  it('a password change ends every session and needs ≥ 12 characters', async () => {
    const email = 'changer@demo.openiop.org';
    const password = await newStaffUser(email);
    const first = await passwordOnly(email, password);
    const start = await call(t.app, 'POST', '/api/auth/mfa/enrol/start', { session: first.session });
    await call(t.app, 'POST', '/api/auth/mfa/enrol/confirm', {
      session: first.session,
      body: { code: generateSync({ secret: okBody(start).secret, epoch: t.clock.now().getTime() / 1000 }) },
    });
    const other = await passwordOnly(email, password);
    const short = await call(t.app, 'POST', '/api/auth/password', {
      session: first.session,
      body: { currentPassword: password, newPassword: 'short' },
    });
    expectStatus(short, 422);
    expect(short.body.error.fields[0]?.path).toBe('newPassword');
    const changed = await call(t.app, 'POST', '/api/auth/password', {
      session: first.session,
      body: { currentPassword: password, newPassword: 'a-brand-new-password-456' },
    });
    expectStatus(changed, 204);
    expect((await call(t.app, 'GET', '/api/auth/me', { session: first.session })).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/auth/me', { session: other.session })).status).toBe(401);
    expect((await passwordOnly(email, password)).res.status).toBe(401);
    expect((await passwordOnly(email, 'a-brand-new-password-456')).res.status).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the session CSRF token', async () => {
    const s = await login(t.app, 'frontdesk@demo.openiop.org');
    const res = await call(t.app, 'POST', '/api/auth/logout', {
      session: s,
      headers: { 'x-csrf-token': 'forged' },
    });
    expectStatus(res, 403);
    expect(res.body.error.code).toBe('csrf_failed');
    expect((await call(t.app, 'GET', '/api/auth/me', { session: s })).status).toBe(200);
  });
});
