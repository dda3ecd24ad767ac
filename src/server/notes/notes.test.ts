import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed/demo-seed';
import { admit, ifMatch } from '../test-support/clinical-fixtures';
import { call, demoCodeFor, errorOf, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({
  clinician: 'clinician@demo.openiop.org', // Casey, LPC — supervised by the director in the demo
  director: 'director@demo.openiop.org', // Dana, LCSW — no supervisor
  nurse: 'nurse@demo.openiop.org',
  billing: 'billing@demo.openiop.org',
});

beforeAll(async () => {
  // The notes below document this patient's episode.
  await admit(s.t, s.clinician, s.ids.okafor, s.ids.northAdultIop);
});

const totp = (email: string) => ({ totpCode: demoCodeFor(s.t.app, email) });

describe('single-patient notes', () => {
  let episodeId: string;
  const patientPath = () => `/api/patients/${s.ids.okafor}/notes` as const;

  beforeAll(async () => {
    const eps = await call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}/episodes`, {
      session: s.clinician,
    });
    episodeId = okBody(eps).items[0]?.id ?? '';
    expect(episodeId).toBeTruthy();
  });

  it('each discipline writes its own note types', async () => {
    const nurseTherapy = await call(s.t.app, 'POST', patientPath(), {
      session: s.nurse,
      body: { noteType: 'individual_therapy', episodeId, body: {} },
    });
    expectStatus(nurseTherapy, 403);
    expect(nurseTherapy.body.error.code).toBe('note_type_forbidden');
    const nursing = await call(s.t.app, 'POST', patientPath(), {
      session: s.nurse,
      body: { noteType: 'nursing', episodeId, body: { vitals: { pulse: 300 } } },
    });
    expectStatus(nursing, 422);
    expect(nursing.body.error.fields[0]?.path).toBe('body.vitals.pulse');
    const unknown = await call(s.t.app, 'POST', patientPath(), {
      session: s.nurse,
      body: { noteType: 'nursing', episodeId, body: {}, colour: 'red' },
    });
    expectStatus(unknown, 422);
  });

  it('individual therapy: code from minutes, required fields at signing, unsupervised author locks, someone else cannot sign', async () => {
    const draft = await call(s.t.app, 'POST', patientPath(), {
      session: s.director,
      body: {
        noteType: 'individual_therapy',
        episodeId,
        minutes: 45,
        body: { focus: 'Cravings after a family visit' },
      },
    });
    expectStatus(draft, 201);
    expect(draft.body.codeSuggestion?.code).toBe('90834');
    expect(draft.body.part2.applies).toBe(true);
    const path = `${patientPath()}/${draft.body.id}` as const;
    const incomplete = await call(s.t.app, 'POST', `${path}/sign`, {
      session: s.director,
      headers: ifMatch(draft.body.version),
      body: totp('director@demo.openiop.org'),
    });
    expectStatus(incomplete, 422);
    expect(incomplete.body.error.fields.map((f: { path: string }) => f.path)).toContain('body.response');
    const filled = await call(s.t.app, 'PUT', path, {
      session: s.director,
      headers: ifMatch(draft.body.version),
      body: {
        body: {
          focus: 'Cravings after a family visit',
          interventions: ['cbt', 'motivational_interviewing'],
          response: 'Identified the thought chain; rated craving 6/10 down to 3/10.',
          risk: { level: 'none' },
          plan: 'Practise thought records daily.',
        },
        minutes: 55,
      },
    });
    expectStatus(filled, 200);
    expect(filled.body.codeSuggestion?.code).toBe('90837');
    const someoneElse = await call(s.t.app, 'POST', `${path}/sign`, {
      session: s.clinician,
      headers: ifMatch(filled.body.version),
      body: totp('clinician@demo.openiop.org'),
    });
    expectStatus(someoneElse, 403);
    const signed = await call(s.t.app, 'POST', `${path}/sign`, {
      session: s.director,
      headers: ifMatch(filled.body.version),
      body: { password: DEMO_PASSWORD },
    });
    expectStatus(signed, 200);
    expect(signed.body).toMatchObject({
      status: 'locked',
      lateEntry: false,
      signature: { credential: 'LCSW' },
    });
    const billingView = await call(s.t.app, 'GET', `${patientPath()}/billing`, { session: s.billing });
    expectStatus(billingView, 200);
    const row = billingView.body.items.find((i: { id: string }) => i.id === draft.body.id);
    expect(row).toMatchObject({ minutes: 55, codeSuggestion: { code: '90837' }, signerCredential: 'LCSW' });
    expect(JSON.stringify(billingView.body)).not.toContain('thought chain');
    const billingChart = await call(s.t.app, 'GET', patientPath(), { session: s.billing });
    expectStatus(billingChart, 403);
  });

  it('signing more than 72 hours after the service marks a late entry; the queue shows it overdue first', async () => {
    const serviceAt = new Date(s.t.clock.now().getTime() - 73 * 3_600_000).toISOString();
    const draft = await call(s.t.app, 'POST', patientPath(), {
      session: s.clinician,
      body: {
        noteType: 'case_management',
        episodeId,
        serviceAt,
        body: { needs: 'Housing', actions: 'Called the sober living house', followUp: 'Visit on Friday' },
      },
    });
    expectStatus(draft, 201);
    const queue = await call(s.t.app, 'GET', '/api/notes/queue', { session: s.clinician });
    expect(okBody(queue).overdue.map((i: { id: string }) => i.id)).toContain(draft.body.id);
    expect(okBody(queue).unsigned.map((i: { id: string }) => i.id)).not.toContain(draft.body.id);
    const signed = await call(s.t.app, 'POST', `${patientPath()}/${draft.body.id}/sign`, {
      session: s.clinician,
      headers: ifMatch(draft.body.version),
      body: totp('clinician@demo.openiop.org'),
    });
    expectStatus(signed, 200);
    expect(signed.body.lateEntry).toBe(true);
    expect(signed.body.status).toBe('awaiting_cosignature');
    const onTime = await call(s.t.app, 'POST', patientPath(), {
      session: s.clinician,
      body: {
        noteType: 'case_management',
        episodeId,
        serviceAt: new Date(s.t.clock.now().getTime() - 71 * 3_600_000).toISOString(),
        body: { needs: 'Transport', actions: 'Bus pass applied for', followUp: 'Check in Monday' },
      },
    });
    const signedOnTime = await call(s.t.app, 'POST', `${patientPath()}/${okBody(onTime).id}/sign`, {
      session: s.clinician,
      headers: ifMatch(okBody(onTime).version),
      body: totp('clinician@demo.openiop.org'),
    });
    expect(okBody(signedOnTime).lateEntry).toBe(false);
  });

  it('two saves of one draft version: the second answers 409 and the first is kept', async () => {
    const draft = await call(s.t.app, 'POST', patientPath(), {
      session: s.clinician,
      body: { noteType: 'family_session', episodeId, body: { focus: 'Communication at home' } },
    });
    const path = `${patientPath()}/${okBody(draft).id}` as const;
    const a = await call(s.t.app, 'PUT', path, {
      session: s.clinician,
      headers: ifMatch(okBody(draft).version),
      body: { body: { focus: 'First save' } },
    });
    const b = await call(s.t.app, 'PUT', path, {
      session: s.clinician,
      headers: ifMatch(okBody(draft).version),
      body: { body: { focus: 'Second save' } },
    });
    expectStatus(a, 200);
    expectStatus(b, 409);
    const read = await call(s.t.app, 'GET', path, { session: s.clinician });
    expect(okBody(read).body.focus).toBe('First save');
    const noIfMatch = await call(s.t.app, 'PUT', path, { session: s.clinician, body: { body: {} } });
    expectStatus(noIfMatch, 428);
  });
});
const ANY_ID = '11111111-1111-4111-8111-111111111111';

describe('bad input answers 4xx naming the field', () => {
  it.each([
    [
      'unknown note type',
      'POST',
      () => `/api/patients/${s.ids.okafor}/notes`,
      { noteType: 'poem', episodeId: ANY_ID },
      422,
      'noteType',
    ],
    [
      'group therapy through the single-note route',
      'POST',
      () => `/api/patients/${s.ids.okafor}/notes`,
      { noteType: 'group_therapy', episodeId: ANY_ID },
      422,
      'noteType',
    ],
    [
      'episode of another patient',
      'POST',
      () => `/api/patients/${s.ids.delgado}/notes`,
      { noteType: 'case_management', episodeId: '00000000-0000-4000-8000-000000000000' },
      422,
      'episodeId',
    ],
    [
      'bad objective id',
      'POST',
      () => `/api/patients/${s.ids.okafor}/notes`,
      {
        noteType: 'individual_therapy',
        episodeId: ANY_ID,
        body: { objectives: [{ objectiveId: 'goal-1', progress: 'met' }] },
      },
      422,
      'body.objectives.0.objectiveId',
    ],
    [
      'code that is not 6 digits',
      'POST',
      () => `/api/patients/${s.ids.okafor}/notes/00000000-0000-4000-8000-000000000000/sign`,
      { totpCode: '12ab' },
      422,
      'totpCode',
    ],
    [
      'note id that is not a UUID',
      'GET',
      () => `/api/patients/${s.ids.okafor}/notes/not-a-note`,
      undefined,
      400,
      'noteId',
    ],
    [
      'unknown field in a group note edit',
      'PUT',
      () => `/api/sites/${s.ids.north}/group-notes/00000000-0000-4000-8000-000000000000`,
      { colour: 'red' },
      422,
      'colour',
    ],
    [
      'granted reader who is not staff',
      'POST',
      () => `/api/patients/${s.ids.okafor}/psychotherapy-notes`,
      { episodeId: ANY_ID, text: 'x', grantedUserIds: ['nope'] },
      422,
      'grantedUserIds.0',
    ],
  ] as const)('%s', async (_name, method, path, body, status, field) => {
    const res = await call(s.t.app, method, path(), { session: s.director, body });
    expect(res.status, res.text).toBe(status);
    expect(errorOf(res).fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(res.text).not.toMatch(/select|insert|stack|node_modules/i);
  });
});

describe('guessing through the signature', () => {
  it('wrong passwords at signing count toward the lockout: then even the right code is refused (423)', async () => {
    const eps = await call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}/episodes`, { session: s.nurse });
    const draft = await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/notes`, {
      session: s.nurse,
      body: {
        noteType: 'nursing',
        episodeId: okBody(eps).items[0]!.id,
        body: { vitals: { pulse: 72 }, assessment: 'Stable, no withdrawal signs.', plan: 'Recheck Friday.' },
      },
    });
    expectStatus(draft, 201);
    const sign = (body: Record<string, string>) =>
      call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/notes/${draft.body.id}/sign`, {
        session: s.nurse,
        headers: ifMatch(draft.body.version),
        body,
      });
    for (let i = 0; i < 5; i++) {
      const res = await sign({ password: `guess-number-${i}` });
      expect(errorOf(res).code, res.text).toBe('reauthentication_failed');
    }
    const locked = await sign(totp('nurse@demo.openiop.org'));
    expectStatus(locked, 423);
    expect(errorOf(locked).code).toBe('account_locked');
    const still = await call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}/notes/${draft.body.id}`, {
      session: s.nurse,
    });
    expect(okBody(still).status).toBe('draft');
  });
});
