import { describe, expect, it } from 'vitest';
import { call, expectStatus } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

/**
 * A portal link is live until it is used, revoked by staff, replaced by a newer invitation, or expires; a
 * dead link of any kind answers exactly like a token that never existed (no way to tell which).
 */
const s = withTestApp({ intake: 'intake@demo.openiop.org' });

const invite = async (patientId: string) => {
  const res = await call(s.t.app, 'POST', `/api/patients/${patientId}/portal-invitations`, {
    session: s.intake,
  });
  expectStatus(res, 201);
  return res.body.inviteUrl.split('/').pop() as string;
};
const check = (token: string) => call(s.t.app, 'GET', `/api/portal/invitations/${token}`);
const accept = (token: string, email: string) =>
  call(s.t.app, 'POST', `/api/portal/invitations/${token}/accept`, {
    body: { email, password: 'a long enough passphrase 42' },
  });

describe('portal invitations', () => {
  it('a new invitation revokes the earlier unused one', async () => {
    const first = await invite(s.ids.okafor);
    const second = await invite(s.ids.okafor);
    expect((await check(first)).status).toBe(404);
    expect((await check(second)).status).toBe(200);
  });

  it('staff revoke the open link; it then opens nothing', async () => {
    const token = await invite(s.ids.bell);
    const revoked = await call(s.t.app, 'POST', `/api/patients/${s.ids.bell}/portal-invitations/revoke`, {
      session: s.intake,
      body: {},
    });
    expectStatus(revoked, 200);
    expect(revoked.body).toEqual({ revoked: 1 });
    expect((await check(token)).status).toBe(404);
    expect((await accept(token, 'bell.revoked@example.org')).status).toBe(404);
  });

  it('used, revoked, expired and unknown links answer identically (status and body)', async () => {
    const used = await invite(s.ids.delgado);
    expect((await accept(used, 'delgado.portal@example.org')).status).toBe(200);
    const replaced = await invite(s.ids.bell);
    await invite(s.ids.bell);
    const expiring = await invite(s.ids.okafor);
    s.t.clock.advance(8 * 86_400);
    const unknown = 'x'.repeat(43);
    const answers = await Promise.all([used, replaced, expiring, unknown].map(check));
    const accepts = await Promise.all(
      [used, replaced, expiring, unknown].map((tok, i) => accept(tok, `nobody${i}@example.org`)),
    );
    for (const list of [answers, accepts]) {
      expect(new Set(list.map((r) => r.status))).toEqual(new Set([404]));
      expect(new Set(list.map((r) => r.text)).size).toBe(1);
    }
  });
});
