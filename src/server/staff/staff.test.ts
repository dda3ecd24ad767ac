import { and, eq } from 'drizzle-orm';
import { generateSync } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../platform/db/platform.table';
import { errorOf, expectStatus, okBody } from '../test-support/api-answer';
import { ifMatch } from '../test-support/clinical-fixtures';
import { call, login, type Session } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp(
  { admin: 'admin@demo.openiop.org', director: 'director@demo.openiop.org' },
  { clockAt: '2027-02-01T15:00:00Z' },
);

type Staff = { id: string; email: string; version: number; status: string; displayName: string };
const byEmail = new Map<string, Staff>();
const idOf = (email: string) => byEmail.get(`${email}@demo.openiop.org`)!.id;

beforeAll(async () => {
  const list = await call(s.t.app, 'GET', '/api/staff', { session: s.admin });
  expectStatus(list, 200);
  for (const staff of list.body.items as Staff[]) byEmail.set(staff.email, staff);
});

let seq = 0;
const newStaff = (overrides: Record<string, unknown> = {}) => ({
  email: `new.staff.${++seq}.${Date.now()}@demo.openiop.org`,
  displayName: 'Morgan New, LPC',
  role: 'clinician',
  credentials: 'LPC',
  licensed: true,
  siteIds: [s.ids.north],
  supervisorUserId: idOf('director'),
  ...overrides,
});

async function invite(overrides: Record<string, unknown> = {}) {
  const res = await call(s.t.app, 'POST', '/api/staff', { session: s.admin, body: newStaff(overrides) });
  expectStatus(res, 201);
  const token = (res.body.invitation.inviteUrl as string).split('/').pop()!;
  return { staff: res.body.staff as Staff, token, email: res.body.staff.email as string };
}

const accept = (token: string, password = 'river-stone-lantern-42') =>
  call(s.t.app, 'POST', `/api/staff-invitations/${token}/accept`, { body: { password } });

type StaffPath<A extends string> = A extends '' ? `/api/staff/${string}` : `/api/staff/${string}/${A}`;
const staffPath = <A extends string = ''>(id: string, action: A = '' as A) =>
  (action ? `/api/staff/${id}/${action}` : `/api/staff/${id}`) as StaffPath<A>;

async function current(id: string) {
  const res = await call(s.t.app, 'GET', staffPath(id), { session: s.admin });
  return res.body as Staff & { supervisor: { id: string } | null };
}

const fieldPaths = (res: { status: number; body: unknown; text: string }) =>
  errorOf(res)
    .fields.map((f) => f.path)
    .sort();

describe('staff list', () => {
  it('lists the organization staff (no portal accounts), filtered by site, role and active', async () => {
    expect([...byEmail.keys()]).toContain('clinician@demo.openiop.org');
    expect([...byEmail.keys()]).not.toContain('patient@demo.openiop.org');
    const south = await call(s.t.app, 'GET', `/api/staff?siteId=${s.ids.south}`, { session: s.admin });
    const southEmails = okBody(south).items.map((x: Staff) => x.email);
    expect(southEmails).toContain('frontdesk@demo.openiop.org');
    expect(southEmails).not.toContain('clinician@demo.openiop.org');
    const nurses = await call(s.t.app, 'GET', '/api/staff?role=nurse', { session: s.admin });
    expect(okBody(nurses).items.map((x: Staff) => x.email)).toEqual(['nurse@demo.openiop.org']);
    const clinician = byEmail.get('clinician@demo.openiop.org') as Staff & { supervisor: { id: string } };
    expect(clinician.supervisor.id).toBe(idOf('director'));
    expect(clinician.status).toBe('active');
  });

  it('is the administrator’s alone, and a bad filter is a field error', async () => {
    expect((await call(s.t.app, 'GET', '/api/staff', { session: s.director })).status).toBe(403);
    const bad = await call(s.t.app, 'GET', '/api/staff?role=wizard&active=maybe', { session: s.admin });
    expectStatus(bad, 400);
  });
});

describe('inviting a staff member', () => {
  it('creates an invited account whose link sets a password once, then first sign-in enrols an authenticator', async () => {
    const { staff, token, email } = await invite();
    expect(staff.status).toBe('invited');
    // No password yet: signing in is refused like a wrong password.
    const early = await call(s.t.app, 'POST', '/api/auth/login', {
      body: { email, password: 'river-stone-lantern-42' },
    });
    expectStatus(early, 401);

    const open = await call(s.t.app, 'GET', `/api/staff-invitations/${token}`);
    expectStatus(open, 200);
    expect(open.body.email).toBe(email);
    const accepted = await accept(token);
    expectStatus(accepted, 200);
    expect(accepted.body.next).toBe('enrol-mfa');
    const session: Session = {
      cookie: /openiop_session=[^;]+/.exec(accepted.headers.get('set-cookie') ?? '')![0],
      csrfToken: okBody(accepted).csrfToken,
    };
    // Until the authenticator is enrolled the session opens nothing but enrolment.
    expect((await call(s.t.app, 'GET', '/api/notes/queue', { session })).status).toBe(401);
    const start = await call(s.t.app, 'POST', '/api/auth/mfa/enrol/start', { session });
    expectStatus(start, 200);
    const code = generateSync({
      secret: start.body.secret,
      epoch: Math.floor(s.t.clock.now().getTime() / 1000),
    });
    const confirm = await call(s.t.app, 'POST', '/api/auth/mfa/enrol/confirm', { session, body: { code } });
    expectStatus(confirm, 200);

    // The link worked once.
    expect((await accept(token)).status).toBe(404);
    expect((await current(staff.id)).status).toBe('active');
  });

  it('a new link replaces the old one', async () => {
    const { staff, token } = await invite();
    const again = await call(s.t.app, 'POST', staffPath(staff.id, 'invitation'), {
      session: s.admin,
      body: {},
    });
    expectStatus(again, 200);
    expect((await accept(token)).status).toBe(404);
    expect((await accept(again.body.inviteUrl.split('/').pop() ?? '')).status).toBe(200);
  });

  it('names each bad field: email taken, unknown site, weak password', async () => {
    const taken = await call(s.t.app, 'POST', '/api/staff', {
      session: s.admin,
      body: newStaff({
        email: 'CLINICIAN@demo.openiop.org',
        siteIds: ['00000000-0000-4000-8000-000000000000'],
      }),
    });
    expectStatus(taken, 422);
    expect(fieldPaths(taken)).toEqual(['email', 'siteIds.0', 'supervisorUserId']);
    const malformed = await call(s.t.app, 'POST', '/api/staff', {
      session: s.admin,
      body: newStaff({ email: 'nope', role: 'wizard', siteIds: [], displayName: ' ' }),
    });
    expectStatus(malformed, 422);
    expect(fieldPaths(malformed)).toEqual(['displayName', 'email', 'role', 'siteIds']);
    const { token } = await invite();
    const weak = await accept(token, 'short');
    expectStatus(weak, 422);
    expect(fieldPaths(weak)).toEqual(['password']);
  });
});

describe('supervisor rule', () => {
  const cases: { name: string; supervisor: () => string; sites?: () => string[]; message: RegExp }[] = [
    { name: 'unlicensed', supervisor: () => idOf('nurse'), message: /licensed/ },
    {
      name: 'no shared site',
      supervisor: () => idOf('clinician'),
      sites: () => [s.ids.south],
      message: /same sites/,
    },
    {
      name: 'not staff of the organization',
      supervisor: () => '00000000-0000-4000-8000-000000000000',
      message: /No staff/,
    },
  ];
  for (const c of cases) {
    it(`refuses a supervisor who is ${c.name}`, async () => {
      const res = await call(s.t.app, 'POST', '/api/staff', {
        session: s.admin,
        body: newStaff({ supervisorUserId: c.supervisor(), siteIds: c.sites?.() ?? [s.ids.north] }),
      });
      expectStatus(res, 422);
      expect(errorOf(res).fields).toEqual([
        { path: 'supervisorUserId', message: expect.stringMatching(c.message) },
      ]);
    });
  }

  it('refuses oneself, a loop and a deactivated supervisor', async () => {
    const { staff: a } = await invite({ supervisorUserId: null });
    const { staff: b } = await invite({ supervisorUserId: a.id });
    const change = (id: string, version: number, supervisorUserId: string) =>
      call(s.t.app, 'PUT', staffPath(id), {
        session: s.admin,
        headers: ifMatch(version),
        body: { ...newStaff({ supervisorUserId }), email: undefined },
      });
    const self = await change(a.id, a.version, a.id);
    expectStatus(self, 422);
    expect(errorOf(self).fields[0]?.message).toMatch(/themselves/);
    const loop = await change(a.id, a.version, b.id);
    expectStatus(loop, 422);
    expect(errorOf(loop).fields[0]?.message).toMatch(/loop/);
    const off = await call(s.t.app, 'POST', staffPath(a.id, 'deactivate'), { session: s.admin, body: {} });
    expectStatus(off, 200);
    const { supervisorUserId: _, ...rest } = newStaff({ supervisorUserId: a.id });
    const res = await call(s.t.app, 'POST', '/api/staff', {
      session: s.admin,
      body: { ...rest, supervisorUserId: a.id },
    });
    expectStatus(res, 422);
    expect(errorOf(res).fields[0]?.message).toMatch(/deactivated/);
  });
});

describe('changing a staff member', () => {
  it('changes role, sites, supervisor and credentials at the version read, audits it, and 409s a stale edit', async () => {
    const { staff } = await invite();
    const body = {
      displayName: 'Morgan New, LCSW',
      role: 'program_director',
      credentials: 'LCSW',
      licensed: true,
      siteIds: [s.ids.north, s.ids.south],
      supervisorUserId: null,
    };
    const put = () =>
      call(s.t.app, 'PUT', staffPath(staff.id), { session: s.admin, headers: ifMatch(staff.version), body });
    const first = await put();
    expectStatus(first, 200);
    expect(first.headers.get('etag')).toBe(`"${staff.version + 1}"`);
    expect(first.body).toMatchObject({ role: 'program_director', credentials: 'LCSW', supervisor: null });
    expect(first.body.sites.map((x: { id: string }) => x.id).sort()).toEqual(
      [s.ids.north, s.ids.south].sort(),
    );
    const stale = await put();
    expectStatus(stale, 409);
    expect(errorOf(stale).code).toBe('version_conflict');
    const missing = await call(s.t.app, 'PUT', staffPath(staff.id), { session: s.admin, body });
    expectStatus(missing, 428);
    const rows = await s.t.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, staff.id), eq(auditLog.action, 'staff.update'))),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail).toMatchObject({
      changed: expect.arrayContaining(['role', 'siteIds', 'supervisorUserId']),
    });
  });

  it('an administrator cannot change their own role', async () => {
    const me = await current(idOf('admin'));
    const res = await call(s.t.app, 'PUT', staffPath(me.id), {
      session: s.admin,
      headers: ifMatch(me.version),
      body: {
        displayName: 'Alex Admin',
        role: 'clinician',
        credentials: null,
        licensed: false,
        siteIds: [s.ids.north],
        supervisorUserId: null,
      },
    });
    expectStatus(res, 422);
    expect(fieldPaths(res)).toEqual(['role']);
  });
});

describe('account actions', () => {
  async function signedInMember() {
    const { staff, token, email } = await invite();
    const accepted = await accept(token);
    const session: Session = {
      cookie: /openiop_session=[^;]+/.exec(accepted.headers.get('set-cookie') ?? '')![0],
      csrfToken: okBody(accepted).csrfToken,
    };
    return { staff, email, session };
  }

  it('a deactivated staff member’s session ends and they cannot sign in; reactivation lets them back', async () => {
    const { staff, email, session } = await signedInMember();
    expect((await call(s.t.app, 'GET', '/api/auth/me', { session })).status).toBe(200);
    const off = await call(s.t.app, 'POST', staffPath(staff.id, 'deactivate'), {
      session: s.admin,
      body: {},
    });
    expectStatus(off, 200);
    expect(off.body.status).toBe('deactivated');
    expect((await call(s.t.app, 'GET', '/api/auth/me', { session })).status).toBe(401);
    const login = await call(s.t.app, 'POST', '/api/auth/login', {
      body: { email, password: 'river-stone-lantern-42' },
    });
    expectStatus(login, 401);
    const on = await call(s.t.app, 'POST', staffPath(staff.id, 'reactivate'), { session: s.admin, body: {} });
    expect(okBody(on).status).toBe('active');
    const back = await call(s.t.app, 'POST', '/api/auth/login', {
      body: { email, password: 'river-stone-lantern-42' },
    });
    expectStatus(back, 200);
  });

  const selfRefusals = [
    { action: 'deactivate', body: {} },
    { action: 'reset-authenticator', body: { reason: 'Testing whether I can reset myself.' } },
  ];
  for (const { action, body } of selfRefusals) {
    it(`an administrator cannot ${action} themselves`, async () => {
      const res = await call(s.t.app, 'POST', staffPath(idOf('admin'), action), { session: s.admin, body });
      expectStatus(res, 403);
      expect(errorOf(res).code).toBe('own_account');
      expect((await call(s.t.app, 'GET', '/api/auth/me', { session: s.admin })).status).toBe(200);
    });
  }

  it('resetting an authenticator needs a written reason, ends their sessions and is audited with it', async () => {
    const director = await login(s.t.app, 'director@demo.openiop.org');
    for (const reason of [undefined, '', 'lost']) {
      const res = await call(s.t.app, 'POST', staffPath(idOf('director'), 'reset-authenticator'), {
        session: s.admin,
        body: reason === undefined ? {} : { reason },
      });
      expectStatus(res, 422);
      expect(fieldPaths(res)).toEqual(['reason']);
    }
    const reason = 'Phone lost on 2027-01-31; identity checked in person.';
    const res = await call(s.t.app, 'POST', staffPath(idOf('director'), 'reset-authenticator'), {
      session: s.admin,
      body: { reason },
    });
    expectStatus(res, 200);
    expect(res.body.authenticatorEnrolled).toBe(false);
    expect((await call(s.t.app, 'GET', '/api/auth/me', { session: director })).status).toBe(401);
    const again = await call(s.t.app, 'POST', '/api/auth/login', {
      body: { email: 'director@demo.openiop.org', password: 'demo-password-2026' },
    });
    expect(okBody(again).next).toBe('enrol-mfa');
    const [row] = await s.t.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.entityId, idOf('director')), eq(auditLog.action, 'staff.reset_authenticator')),
        ),
    );
    expect(row!.detail).toMatchObject({ reason });
    expect(row!.actorId).toBe(idOf('admin'));
  });

  it('unlocks an account locked by wrong passwords', async () => {
    const email = 'billing@demo.openiop.org';
    for (let i = 0; i < 5; i++) {
      await call(s.t.app, 'POST', '/api/auth/login', { body: { email, password: 'wrong-password-000' } });
    }
    expect((await current(idOf('billing'))).status).toBe('locked');
    const res = await call(s.t.app, 'POST', staffPath(idOf('billing'), 'unlock'), {
      session: s.admin,
      body: {},
    });
    expectStatus(res, 200);
    expect(res.body.status).toBe('active');
    expect((await login(s.t.app, email)).cookie).toBeTruthy();
  });
});

// Last: it moves the server clock a week on (sessions signed in before have run out then).
describe('invitation expiry', () => {
  it('a link expires after 7 days (on the server clock)', async () => {
    const { token } = await invite();
    s.t.clock.advance(7 * 86_400 + 1);
    const res = await accept(token);
    expectStatus(res, 404);
    expect(errorOf(res).code).toBe('invitation_invalid');
  });
});
