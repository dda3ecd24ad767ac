import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../platform/db/platform.table';
import { DEMO_PATIENT_EMAIL } from '../seed/demo-seed';
import { admit, demoIds, ifMatch } from '../test-support/clinical-fixtures';
import {
  call,
  createTestApp,
  demoCodeFor,
  login,
  type Session,
  type TestApp,
} from '../test-support/test-app';

let t: TestApp;
let clinician: Session; // Casey, LPC — supervised by the director in the demo
let director: Session; // Dana, LCSW — no supervisor
let nurse: Session;
let prescriber: Session;
let billing: Session;
let portal: Session; // Jordan Rivera
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  t = await createTestApp();
  clinician = await login(t.app, 'clinician@demo.openiop.org');
  director = await login(t.app, 'director@demo.openiop.org');
  nurse = await login(t.app, 'nurse@demo.openiop.org');
  prescriber = await login(t.app, 'prescriber@demo.openiop.org');
  billing = await login(t.app, 'billing@demo.openiop.org');
  portal = await login(t.app, DEMO_PATIENT_EMAIL);
  ids = await demoIds(t);
  // The notes below document this patient's episode, whose chart holds one locked note for the views to show.
  const episode = await admit(t, clinician, ids.rivera, ids.northAdultIop);
  const draft = await call(t.app, 'POST', `/api/patients/${ids.rivera}/notes`, {
    session: director,
    body: {
      noteType: 'case_management',
      episodeId: episode.body.id,
      body: { needs: 'Transport', actions: 'Bus pass applied for', followUp: 'Check in Monday' },
    },
  });
  const signed = await call(t.app, 'POST', `/api/patients/${ids.rivera}/notes/${draft.body.id}/sign`, {
    session: director,
    headers: ifMatch(draft.body.version),
    body: totp('director@demo.openiop.org'),
  });
  expect(signed.body.status, signed.text).toBe('locked');
});
afterAll(() => t?.close());

const totp = (email: string) => ({ totpCode: demoCodeFor(t.app, email) });

describe('psychotherapy notes stay apart', () => {
  const secret = 'Process note: transference around the father, explore next time.';
  let noteId: string;

  it('only the author and granted users read them; never the chart, the portal, billing or an export', async () => {
    const eps = await call(t.app, 'GET', `/api/patients/${ids.rivera}/episodes`, { session: clinician });
    const episodeId = eps.body.items?.[0]?.id ?? eps.body[0]?.id;
    const prescriberId = (await call(t.app, 'GET', '/api/auth/me', { session: prescriber })).body.user?.id;
    const created = await call(t.app, 'POST', `/api/patients/${ids.rivera}/psychotherapy-notes`, {
      session: clinician,
      body: { episodeId, text: secret, grantedUserIds: prescriberId ? [prescriberId] : [] },
    });
    expect(created.status, created.text).toBe(201);
    noteId = created.body.id;
    const own = await call(t.app, 'GET', `/api/patients/${ids.rivera}/psychotherapy-notes/${noteId}`, {
      session: clinician,
    });
    expect(own.body.text).toBe(secret);
    const director_ = await call(t.app, 'GET', `/api/patients/${ids.rivera}/psychotherapy-notes/${noteId}`, {
      session: director,
    });
    expect(director_.status).toBe(404);
    // The refusal is in the audit log as a denied read of that note.
    const refusals = await t.db.tx((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'psychotherapy_note.read_refused')),
    );
    expect(refusals.map((r) => [r.entityId, r.outcome])).toEqual([[noteId, 'denied']]);
    const directorList = await call(t.app, 'GET', `/api/patients/${ids.rivera}/psychotherapy-notes`, {
      session: director,
    });
    expect(directorList.body.items).toEqual([]);
    if (prescriberId) {
      const granted = await call(t.app, 'GET', `/api/patients/${ids.rivera}/psychotherapy-notes/${noteId}`, {
        session: prescriber,
      });
      expect(granted.status).toBe(200);
    }
    const nurseRead = await call(t.app, 'GET', `/api/patients/${ids.rivera}/psychotherapy-notes`, {
      session: nurse,
    });
    expect(nurseRead.status).toBe(403);
    const places = [
      [
        'chart',
        await call(t.app, 'GET', `/api/patients/${ids.rivera}/notes?pageSize=100`, { session: clinician }),
      ],
      [
        'export',
        await call(t.app, 'GET', `/api/patients/${ids.rivera}/notes/export`, { session: clinician }),
      ],
      [
        'billing',
        await call(t.app, 'GET', `/api/patients/${ids.rivera}/notes/billing`, { session: billing }),
      ],
      ['portal', await call(t.app, 'GET', '/api/portal/notes', { session: portal })],
    ] as const;
    for (const [where, res] of places) {
      expect(res.status, `${where}: ${res.text}`).toBe(200);
      expect(res.text, where).not.toContain(secret);
      expect(res.text, where).not.toContain(noteId);
    }
    const exported = places[1][1].body;
    expect(exported.part2Notice).toContain('42 CFR Part 2');
    expect(exported.notes.length).toBeGreaterThan(0);
    expect(exported.notes.every((n: { status: string }) => n.status !== 'draft')).toBe(true);
  });
});
