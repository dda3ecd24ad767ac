import { describe, expect, it } from 'vitest';
import { PERMISSIONS, permissionsOf, roleMay } from '../platform/access/permissions';
import { call, expectStatus, login } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp();

describe('GET /api/auth/me names the caller’s permissions', () => {
  it.each([
    ['clinician@demo.openiop.org', 'clinician'],
    ['admin@demo.openiop.org', 'admin'],
    ['intake@demo.openiop.org', 'intake_coordinator'],
  ])('%s gets exactly the permissions the table gives %s', async (email, role) => {
    const session = await login(s.t.app, email);
    const me = await call(s.t.app, 'GET', '/api/auth/me', { session });
    expectStatus(me, 200);
    const expected = Object.keys(PERMISSIONS).filter((p) => roleMay(role, p as keyof typeof PERMISSIONS));
    expect(me.body.permissions).toEqual(expected);
    expect(me.body.permissions).toEqual(permissionsOf(role));
  });

  it('an administrator may read the audit log and no chart; a clinician the reverse', async () => {
    expect(permissionsOf('admin')).toContain('audit.read');
    expect(permissionsOf('admin')).not.toContain('patient.read');
    expect(permissionsOf('clinician')).toContain('patient.read');
    expect(permissionsOf('clinician')).not.toContain('audit.read');
    expect(permissionsOf('no-such-role')).toEqual([]);
  });
});
