import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patients } from '../../patients';
import { DEMO_PATIENT_EMAIL, DEMO_STAFF } from '../../seed/demo-seed';
import { call, createTestApp, login, type Session, type TestApp } from '../../test-support/test-app';
import { sites } from '../db/platform.table';
import { defineRoute, documentedRoutes, routesWithoutPermission } from '../http/define-route';
import { PERMISSIONS, type Permission, roleMay } from './permissions';

/**
 * The access matrix: every documented route × every role × own site/patient vs another site/patient,
 * generated from the permission table. A route that is not in the OpenAPI document with a permission fails.
 */
let t: TestApp;
const sessions = new Map<string, Session>();
const siteIds: Record<'north' | 'south', string> = { north: '', south: '' };
const patientIds: Record<'north' | 'south' | 'self', string> = { north: '', south: '', self: '' };

beforeAll(async () => {
  t = await createTestApp();
  await t.db.tx(async (tx) => {
    for (const s of await tx.select().from(sites))
      siteIds[s.name.endsWith('North') ? 'north' : 'south'] = s.id;
    const find = async (family: string) =>
      (await tx.select().from(patients).where(eq(patients.familyName, family)))[0]!.id;
    patientIds.self = await find('Rivera'); // the demo portal account's own record (North)
    patientIds.north = await find('Okafor');
    patientIds.south = await find('Cho');
  });
  for (const s of DEMO_STAFF) sessions.set(s.role, await login(t.app, s.email));
  sessions.set('patient', await login(t.app, DEMO_PATIENT_EMAIL));
});
afterAll(() => t?.close());

const loginRole = (role: string) =>
  login(t.app, role === 'patient' ? DEMO_PATIENT_EMAIL : DEMO_STAFF.find((s) => s.role === role)!.email);

const roles = [...DEMO_STAFF.map((s) => s.role), 'patient'] as const;
const staffSites = (role: string): string[] =>
  role === 'patient' ? [] : [...(DEMO_STAFF.find((s) => s.role === role)?.sites ?? [])];

describe('route inventory', () => {
  it('every API route is documented and names a permission from the table', () => {
    expect(routesWithoutPermission(t.app)).toEqual([]);
    for (const r of documentedRoutes(t.app)) {
      expect(r.permission, r.key).toBeDefined();
      expect(r.permission === 'public' || r.permission! in PERMISSIONS, `${r.key} → ${r.permission}`).toBe(
        true,
      );
    }
  });

  it('a route added without a permission entry is caught', async () => {
    const rogue = await createTestApp();
    try {
      rogue.app.get('/api/rogue/:patientId', (c) => c.json({ leaked: true }));
      defineRoute(
        rogue.app,
        {
          // simulates a route whose permission was left out
          permission: undefined as unknown as 'public',
          route: { method: 'get', path: '/api/rogue2', responses: { 200: { description: 'x' } } },
        },
        (c) => c.json({ ok: true }),
      );
      expect(routesWithoutPermission(rogue.app).sort()).toEqual([
        'GET /api/rogue/{patientId}',
        'GET /api/rogue2',
      ]);
    } finally {
      await rogue.close();
    }
  });
});

type Target = 'own' | 'other';

/** 'own' is the role's first site; 'other' is the other site, which some roles also belong to. */
function targetSite(role: string, target: Target): 'north' | 'south' {
  const own = (staffSites(role)[0] ?? 'north') as 'north' | 'south';
  return target === 'own' ? own : own === 'north' ? 'south' : 'north';
}

function fillPath(path: string, role: string, target: Target): string {
  const site = targetSite(role, target);
  const patient =
    role === 'patient' ? (target === 'own' ? patientIds.self : patientIds.north) : patientIds[site];
  return (
    path
      .replace('{siteId}', siteIds[site])
      .replace('{patientId}', patient)
      .replace('{token}', 'not-a-real-invitation-token-000000')
      // Records under a patient (episodes, referrals …): an id that does not exist answers 404 to an allowed role.
      .replace(/\{\w+Id\}/g, '00000000-0000-4000-8000-000000000000')
  );
}

function expectedAllowed(permission: Permission, role: string, target: Target): boolean {
  if (!roleMay(role, permission)) return false;
  const scope = PERMISSIONS[permission].scope;
  if (scope === 'none' || scope === 'patient-any-site') return true;
  if (role === 'patient') return target === 'own';
  return staffSites(role).includes(targetSite(role, target));
}

describe('role × site × patient × route', () => {
  it('allows exactly what the permission table allows, and nothing else', async () => {
    // Sign-out routes end the session they run on, so they go last.
    const lastness = (path: string) => (path.endsWith('/logout') ? 2 : path.endsWith('/logout-all') ? 1 : 0);
    const routes = documentedRoutes(t.app)
      .filter((r) => r.permission !== 'public')
      .sort((a, b) => lastness(a.path) - lastness(b.path));
    expect(routes.length).toBeGreaterThan(10);
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      for (const role of roles) {
        for (const target of ['own', 'other'] as const) {
          if (lastness(route.path) > 0 && target === 'other') continue;
          // Each sign-out gets a session of its own, so one sign-out does not spoil the next.
          const session = lastness(route.path) > 0 ? await loginRole(role) : sessions.get(role);
          const res = await call(t.app, route.method, fillPath(route.path, role, target), {
            session,
            body: ['POST', 'PATCH', 'PUT'].includes(route.method) ? {} : undefined,
          });
          const allowed = expectedAllowed(route.permission as Permission, role, target);
          // Allowed means the route answered as designed: a 5xx is a broken route, not an allowed one.
          const ok = allowed
            ? res.status < 500 && res.status !== 403 && res.status !== 401
            : res.status === 403;
          if (!ok)
            failures.push(
              `${route.key} as ${role} on ${target}: expected ${allowed ? 'allowed' : '403'}, got ${res.status} ${res.text.slice(0, 120)}`,
            );
          checked++;
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
    // Thousands of requests (every route × role × site): about 50 s alone here, more on a shared, busy machine.
  }, 240_000);

  it('answers 401 to every guarded route without a session', async () => {
    for (const route of documentedRoutes(t.app).filter((r) => r.permission !== 'public')) {
      const res = await call(t.app, route.method, fillPath(route.path, 'clinician', 'own'), {
        body: route.method === 'GET' ? undefined : {},
      });
      expect(res.status, route.key).toBe(401);
    }
  });
});

describe('front desk and billing: minimum necessary, written out', () => {
  // Written by hand, not derived from the table: a change to what these roles may read must change this too.
  // Front desk works from demographics, the schedule and check-in; billing from codes, dates, minutes,
  // diagnosis codes and payer data. Neither reads clinical narrative (HIPAA 164.502(b), 164.514(d)).
  const EXPECTED: Record<'front_desk' | 'billing', Permission[]> = {
    front_desk: [
      'session.self',
      'site.list',
      'patient.census',
      'patient.read',
      'patient.create',
      'patient.update',
      'portal.invite',
      'episode.read',
      'episode.census',
      'site.programs',
      'operations.read',
      'enrolment.read',
      'dose.read',
      'measurement.schedule.read',
      'payer.read',
      'coverage.read',
      'coverage.write',
      'authorization.read',
    ],
    billing: [
      'session.self',
      'site.list',
      'patient.census',
      'patient.read',
      'assessment.read',
      'episode.read',
      'diagnosis.read',
      'episode.census',
      'site.programs',
      'plan.read',
      'discharge.read',
      'operations.read',
      'enrolment.read',
      'dose.read',
      'measurement.schedule.read',
      'note.codes',
      'payer.read',
      'payer.write',
      'coverage.read',
      'coverage.write',
      'authorization.read',
      'authorization.write',
      'charge.read',
      'charge.write',
      'billing.setup.read',
      'billing.setup.write',
      'fee.read',
      'fee.write',
      'claim.read',
      'claim.write',
      'billing.report',
      'certification.read',
    ],
  };

  it('the administrator manages accounts, sites, payers and the audit log, and holds no chart permission', () => {
    const held = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleMay('admin', p));
    expect([...held].sort()).toEqual(
      [
        'session.self',
        'site.list',
        'payer.read',
        'payer.write',
        'billing.setup.read',
        'billing.setup.write',
        'fee.read',
        'fee.write',
        'staff.read',
        'staff.write',
        'audit.read',
        'audit.verify',
        'break_glass.review',
      ].sort(),
    );
  });

  for (const role of ['front_desk', 'billing'] as const) {
    it(`${role} holds exactly the permissions listed`, () => {
      const held = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleMay(role, p));
      expect([...held].sort()).toEqual([...EXPECTED[role]].sort());
    });
  }

  it('front desk reads no diagnoses or discharge; billing no discharge summary or ASAM narratives', () => {
    expect(roleMay('front_desk', 'diagnosis.read')).toBe(false);
    expect(roleMay('front_desk', 'discharge.read')).toBe(false);
    expect(roleMay('billing', 'discharge.narrative.read')).toBe(false);
    expect(roleMay('billing', 'assessment.narrative.read')).toBe(false);
    expect(roleMay('billing', 'diagnosis.read')).toBe(true);
  });
});
