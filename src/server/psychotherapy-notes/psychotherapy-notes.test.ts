import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../platform/db/platform.table';
import { DEMO_PATIENT_EMAIL } from '../seed/demo-seed';
import { admit, ifMatch } from '../test-support/clinical-fixtures';
import { call, demoCodeFor, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({
  clinician: 'clinician@demo.openiop.org', // Casey, LPC — supervised by the director in the demo
  director: 'director@demo.openiop.org', // Dana, LCSW — no supervisor
  nurse: 'nurse@demo.openiop.org',
  prescriber: 'prescriber@demo.openiop.org',
  billing: 'billing@demo.openiop.org',
  portal: DEMO_PATIENT_EMAIL, // Jordan Rivera
});

beforeAll(async () => {
  // The notes below document this patient's episode, whose chart holds one locked note for the views to show.
  const episode = await admit(s.t, s.clinician, s.ids.rivera, s.ids.northAdultIop);
  const draft = await call(s.t.app, 'POST', `/api/patients/${s.ids.rivera}/notes`, {
    session: s.director,
    body: {
      noteType: 'case_management',
      episodeId: episode.body.id,
      body: { needs: 'Transport', actions: 'Bus pass applied for', followUp: 'Check in Monday' },
    },
  });
  const signed = await call(s.t.app, 'POST', `/api/patients/${s.ids.rivera}/notes/${okBody(draft).id}/sign`, {
    session: s.director,
    headers: ifMatch(okBody(draft).version),
    body: totp('director@demo.openiop.org'),
  });
  expect(okBody(signed).status, signed.text).toBe('locked');
});

const totp = (email: string) => ({ totpCode: demoCodeFor(s.t.app, email) });

describe('psychotherapy notes stay apart', () => {
  const secret = 'Process note: transference around the father, explore next time.';

  it('only the author and granted users read them; never the chart, the portal, billing or an export', async () => {
    const eps = await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}/episodes`, {
      session: s.clinician,
    });
    const episodeId = okBody(eps).items[0]?.id ?? '';
    const prescriberId = okBody(await call(s.t.app, 'GET', '/api/auth/me', { session: s.prescriber })).user
      ?.id;
    const created = await call(s.t.app, 'POST', `/api/patients/${s.ids.rivera}/psychotherapy-notes`, {
      session: s.clinician,
      body: { episodeId, text: secret, grantedUserIds: prescriberId ? [prescriberId] : [] },
    });
    expectStatus(created, 201);
    const noteId = created.body.id;
    const own = await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}/psychotherapy-notes/${noteId}`, {
      session: s.clinician,
    });
    expect(okBody(own).text).toBe(secret);
    const director_ = await call(
      s.t.app,
      'GET',
      `/api/patients/${s.ids.rivera}/psychotherapy-notes/${noteId}`,
      {
        session: s.director,
      },
    );
    expectStatus(director_, 404);
    // The refusal is in the audit log as a denied read of that note.
    const refusals = await s.t.db.tx((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'psychotherapy_note.read_refused')),
    );
    expect(refusals.map((r) => [r.entityId, r.outcome])).toEqual([[noteId, 'denied']]);
    const directorList = await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}/psychotherapy-notes`, {
      session: s.director,
    });
    expect(okBody(directorList).items).toEqual([]);
    if (prescriberId) {
      const granted = await call(
        s.t.app,
        'GET',
        `/api/patients/${s.ids.rivera}/psychotherapy-notes/${noteId}`,
        {
          session: s.prescriber,
        },
      );
      expectStatus(granted, 200);
    }
    const nurseRead = await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}/psychotherapy-notes`, {
      session: s.nurse,
    });
    expectStatus(nurseRead, 403);
    const places = [
      [
        'chart',
        await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}/notes?pageSize=100`, {
          session: s.clinician,
        }),
      ],
      [
        'export',
        await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}/notes/export`, { session: s.clinician }),
      ],
      [
        'billing',
        await call(s.t.app, 'GET', `/api/patients/${s.ids.rivera}/notes/billing`, { session: s.billing }),
      ],
      ['portal', await call(s.t.app, 'GET', '/api/portal/notes', { session: s.portal })],
    ] as const;
    for (const [where, res] of places) {
      expect(res.status, `${where}: ${res.text}`).toBe(200);
      expect(res.text, where).not.toContain(secret);
      expect(res.text, where).not.toContain(noteId);
    }
    const exported = okBody(places[1][1]);
    expect(exported.part2Notice).toContain('42 CFR Part 2');
    expect(exported.notes.length).toBeGreaterThan(0);
    expect(exported.notes.every((n: { status: string }) => n.status !== 'draft')).toBe(true);
  });
});
