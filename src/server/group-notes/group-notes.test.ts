import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { groupSessionWithAttendance } from '../notes/notes-fixtures';
import { auditLog } from '../platform/db/platform.table';
import { DEMO_PASSWORD, DEMO_PATIENT_EMAIL } from '../seed/demo-seed';
import { ifMatch, planDocument } from '../test-support/clinical-fixtures';
import { call, demoCodeFor, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({
  clinician: 'clinician@demo.openiop.org', // Casey, LPC — supervised by the director in the demo
  director: 'director@demo.openiop.org', // Dana, LCSW — no supervisor
  nurse: 'nurse@demo.openiop.org',
  prescriber: 'prescriber@demo.openiop.org',
  portal: DEMO_PATIENT_EMAIL, // Jordan Rivera
});

const totp = (email: string) => ({ totpCode: demoCodeFor(s.t.app, email) });

/** Four individualized parts that name nobody else. */
const PARTS: Record<string, Record<string, unknown>> = {
  Rivera: {
    participation: 'Named two work triggers and practised a refusal line in a role-play.',
    presentation: 'Alert, euthymic, on time; engaged throughout.',
    risk: { level: 'none' },
    planNextSession: 'Bring the written weekend plan to the next group.',
  },
  Okafor: {
    participation: 'Quiet at first, then described a lapse after a family dinner and what preceded it.',
    presentation: 'Tearful when speaking of her mother; calmer by the end.',
    risk: { level: 'low', notes: 'Passive thoughts denied; safety plan reviewed.' },
    planNextSession: 'Practise urge surfing twice daily and report back.',
  },
  Bell: {
    participation: 'Challenged the idea of triggers, later listed the bar near his job as one.',
    presentation: 'Irritable, arrived 20 minutes late, left the room once.',
    risk: { level: 'none' },
    planNextSession: 'Map a new route home that avoids the bar.',
  },
  Delgado: {
    participation: 'Led the check-in and offered feedback on coping with cravings at night.',
    presentation: 'Bright affect, good eye contact, left early for childcare.',
    risk: { level: 'none' },
    planNextSession: 'Try the bedtime routine and log cravings for a week.',
  },
};
describe('group note: from attendance to a signed note in each member’s chart', () => {
  let g: Awaited<ReturnType<typeof groupSessionWithAttendance>>;
  let groupPath: `/api/sites/${string}/group-notes/${string}`;
  let note: {
    id: string;
    version: number;
    members: { patientId: string; familyName: string; noteId: string }[];
  };
  const memberIndex = (family: string) => note.members.findIndex((m) => m.familyName === family);
  const patientOf = (family: string) =>
    g.patientIds[['Rivera', 'Okafor', 'Bell', 'Delgado', 'Whitfield'].indexOf(family)]!;

  beforeAll(async () => {
    g = await groupSessionWithAttendance(s.t, s.clinician, [
      { family: 'Rivera', status: 'present', minutes: 180 },
      { family: 'Okafor', status: 'present', minutes: 180 },
      { family: 'Bell', status: 'late', minutes: 160 },
      { family: 'Delgado', status: 'left_early', minutes: 120 },
      { family: 'Whitfield', status: 'unexcused', minutes: 0 },
    ]);
    // Rivera's plan: the objectives offered for Rivera's part.
    const plan = await call(
      s.t.app,
      'POST',
      `/api/patients/${patientOf('Rivera')}/episodes/${g.episodeIds[0]}/treatment-plan`,
      {
        session: s.clinician,
        body: { document: planDocument(s.ids.clinicianId) },
      },
    );
    expectStatus(plan, 201);
  });

  it('drafts from attendance: present, late and left-early members with their minutes; the absent one left out', async () => {
    const res = await call(s.t.app, 'POST', `/api/sites/${s.ids.north}/sessions/${g.session.id}/group-note`, {
      session: s.clinician,
      body: {},
      headers: { 'idempotency-key': 'group-draft-1' },
    });
    expectStatus(res, 201);
    note = res.body;
    groupPath = `/api/sites/${s.ids.north}/group-notes/${note.id}`;
    expect(res.body.status).toBe('draft');
    expect(res.body.shared).toMatchObject({
      topic: 'Relapse prevention: high-risk situations',
      durationMinutes: 180,
    });
    expect(res.body.part2).toMatchObject({ applies: true, securityLabel: '42CFRPart2' });
    expect(res.body.members.map((m) => [m.familyName, m.attendanceStatus, m.minutes])).toEqual([
      ['Bell', 'late', 160],
      ['Delgado', 'left_early', 120],
      ['Okafor', 'present', 180],
      ['Rivera', 'present', 180],
    ]);
    expect(res.body.members[0]?.codeSuggestion?.code).toBe('90853');
    const rivera = res.body.members.find((m: { familyName: string }) => m.familyName === 'Rivera');
    expect(rivera?.objectives.map((o: { id: string }) => o.id)).toEqual(['p1.g1.o1']);
    // The same key replays the draft; a second draft of the session is refused.
    const replay = await call(
      s.t.app,
      'POST',
      `/api/sites/${s.ids.north}/sessions/${g.session.id}/group-note`,
      {
        session: s.clinician,
        body: {},
        headers: { 'idempotency-key': 'group-draft-1' },
      },
    );
    expect(okBody(replay).id).toBe(note.id);
    const again = await call(
      s.t.app,
      'POST',
      `/api/sites/${s.ids.north}/sessions/${g.session.id}/group-note`,
      {
        session: s.clinician,
        body: {},
      },
    );
    expectStatus(again, 409);
    expect(again.body.error.code).toBe('group_note_exists');
  });

  it('refuses a part for a member who was not present, naming the field', async () => {
    const res = await call(s.t.app, 'PUT', groupPath, {
      session: s.clinician,
      headers: ifMatch(note.version),
      body: { members: [{ patientId: patientOf('Whitfield'), part: PARTS.Bell }] },
    });
    expectStatus(res, 422);
    expect(res.body.error.fields[0]?.path).toBe('members.0.patientId');
  });

  it('takes objectives only from that member’s own plan', async () => {
    const foreign = await call(s.t.app, 'PUT', groupPath, {
      session: s.clinician,
      headers: ifMatch(note.version),
      body: {
        members: [
          {
            patientId: patientOf('Okafor'),
            part: { objectives: [{ objectiveId: 'p1.g1.o1', progress: 'met' }] },
          },
        ],
      },
    });
    expectStatus(foreign, 422);
    expect(foreign.body.error.fields[0]?.path).toBe('members.0.part.objectives.0.objectiveId');
    const own = await call(s.t.app, 'PUT', groupPath, {
      session: s.clinician,
      headers: ifMatch(note.version),
      body: {
        members: [
          {
            patientId: patientOf('Rivera'),
            part: { ...PARTS.Rivera, objectives: [{ objectiveId: 'p1.g1.o1', progress: 'some_progress' }] },
          },
        ],
      },
    });
    expectStatus(own, 200);
    const rivera = own.body.members[memberIndex('Rivera')];
    expect(rivera?.part.objectives?.[0]?.description).toBe('Attends 9 of 9 weekly group hours for 4 weeks');
    note = own.body;
  });

  it('a concurrent edit of the draft answers 409 and loses nothing', async () => {
    const read = await call(s.t.app, 'GET', groupPath, { session: s.clinician });
    const version = okBody(read).version;
    const first = await call(s.t.app, 'PUT', groupPath, {
      session: s.clinician,
      headers: ifMatch(version),
      body: {
        shared: { interventions: ['relapse_prevention', 'cbt'], narrative: 'Mapped high-risk situations.' },
      },
    });
    expectStatus(first, 200);
    const second = await call(s.t.app, 'PUT', groupPath, {
      session: s.clinician,
      headers: ifMatch(version),
      body: { shared: { narrative: 'Overwrites?' } },
    });
    expectStatus(second, 409);
    expect(second.body.error.code).toBe('version_conflict');
    const after = await call(s.t.app, 'GET', groupPath, { session: s.clinician });
    expect(okBody(after).shared.narrative).toBe('Mapped high-risk situations.');
    expect(okBody(after).shared.interventions).toEqual(['relapse_prevention', 'cbt']);
    note = okBody(after);
  });

  it('blocks signing while two parts are identical, naming both members; fixing them lets the check pass', async () => {
    const save = await call(s.t.app, 'PUT', groupPath, {
      session: s.clinician,
      headers: ifMatch(note.version),
      body: {
        members: [
          { patientId: patientOf('Okafor'), part: PARTS.Okafor },
          { patientId: patientOf('Bell'), part: PARTS.Okafor }, // copied
          { patientId: patientOf('Delgado'), part: PARTS.Delgado },
        ],
      },
    });
    expectStatus(save, 200);
    note = save.body;
    const blocked = await call(s.t.app, 'POST', `${groupPath}/sign`, {
      session: s.clinician,
      headers: ifMatch(note.version),
      body: totp('clinician@demo.openiop.org'),
    });
    expectStatus(blocked, 422);
    expect(blocked.body.error.code).toBe('member_parts_too_similar');
    const paths = blocked.body.error.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(
      [`members.${memberIndex('Bell')}.part`, `members.${memberIndex('Okafor')}.part`].sort(),
    );
    expect(blocked.body.error.fields.map((f: { message: string }) => f.message).join(' ')).toContain(
      'Marcus Bell',
    );
    const fixed = await call(s.t.app, 'PUT', groupPath, {
      session: s.clinician,
      headers: ifMatch(note.version),
      // Individualized, but names another member: the next check.
      body: {
        members: [
          {
            patientId: patientOf('Bell'),
            part: { ...PARTS.Bell, participation: 'Agreed with Amara about triggers.' },
          },
        ],
      },
    });
    expectStatus(fixed, 200);
    note = fixed.body;
    const leak = await call(s.t.app, 'POST', `${groupPath}/sign`, {
      session: s.clinician,
      headers: ifMatch(note.version),
      body: totp('clinician@demo.openiop.org'),
    });
    expectStatus(leak, 422);
    expect(leak.body.error.code).toBe('other_member_named');
    expect(leak.body.error.fields).toEqual([
      expect.objectContaining({ path: `members.${memberIndex('Bell')}.part` }),
    ]);
    const clean = await call(s.t.app, 'PUT', groupPath, {
      session: s.clinician,
      headers: ifMatch(note.version),
      body: { members: [{ patientId: patientOf('Bell'), part: PARTS.Bell }] },
    });
    note = okBody(clean);
  });

  it('only the author signs, with a correct password or code; a supervised author waits for co-signature', async () => {
    const other = await call(s.t.app, 'POST', `${groupPath}/sign`, {
      session: s.director,
      headers: ifMatch(note.version),
      body: totp('director@demo.openiop.org'),
    });
    expectStatus(other, 403);
    expect(other.body.error.code).toBe('not_author');
    const wrong = await call(s.t.app, 'POST', `${groupPath}/sign`, {
      session: s.clinician,
      headers: ifMatch(note.version),
      body: { password: 'not-my-password' },
    });
    expectStatus(wrong, 422);
    expect(wrong.body.error.fields[0]?.path).toBe('password');
    const refusals = await s.t.db.tx((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'group_note.signature_refused')),
    );
    expect(refusals.map((r) => [r.entityId, r.outcome, r.actorId])).toEqual([
      [note.id, 'denied', s.ids.clinicianId],
    ]);
    const both = await call(s.t.app, 'POST', `${groupPath}/sign`, {
      session: s.clinician,
      headers: ifMatch(note.version),
      body: { password: DEMO_PASSWORD, ...totp('clinician@demo.openiop.org') },
    });
    expectStatus(both, 422);
    const signed = await call(s.t.app, 'POST', `${groupPath}/sign`, {
      session: s.clinician,
      headers: ifMatch(note.version),
      body: totp('clinician@demo.openiop.org'),
    });
    expectStatus(signed, 200);
    expect(signed.body.status).toBe('awaiting_cosignature');
    expect(signed.body.signature).toMatchObject({
      userId: s.ids.clinicianId,
      credential: 'LPC',
      method: 'totp',
    });
    expect(signed.body.lateEntry).toBe(false);
    expect(signed.body.allowedActions).toEqual(['cosign']);
    note = signed.body;
  });

  it('the supervisor’s queue shows it; only the supervisor co-signs; then it is locked and edits name the addendum', async () => {
    const queue = await call(s.t.app, 'GET', '/api/notes/queue', { session: s.director });
    expectStatus(queue, 200);
    expect(queue.body.awaitingMyCosignature.map((i: { id: string }) => i.id)).toContain(note.id);
    const edit = await call(s.t.app, 'PUT', groupPath, {
      session: s.clinician,
      headers: ifMatch(note.version),
      body: { shared: { narrative: 'late change' } },
    });
    expectStatus(edit, 409);
    expect(edit.body.error.code).toBe('note_awaiting_cosignature');
    const notSupervisor = await call(s.t.app, 'POST', `${groupPath}/cosign`, {
      session: s.prescriber,
      headers: ifMatch(note.version),
      body: totp('prescriber@demo.openiop.org'),
    });
    expectStatus(notSupervisor, 403);
    expect(notSupervisor.body.error.code).toBe('not_supervisor');
    const cosigned = await call(s.t.app, 'POST', `${groupPath}/cosign`, {
      session: s.director,
      headers: ifMatch(note.version),
      body: { password: DEMO_PASSWORD },
    });
    expectStatus(cosigned, 200);
    expect(cosigned.body.status).toBe('locked');
    expect(cosigned.body.cosignature).toMatchObject({ credential: 'LCSW', method: 'password' });
    note = cosigned.body;
    const locked = await call(s.t.app, 'PUT', groupPath, {
      session: s.clinician,
      headers: ifMatch(note.version),
      body: { shared: { narrative: 'late change' } },
    });
    expectStatus(locked, 409);
    expect(locked.body.error.code).toBe('note_locked');
    expect(locked.body).toHaveProperty('error.allowedActions', ['addendum']);
  });

  it('each member’s chart shows only their copy: the shared part and their own part, with the Part 2 label', async () => {
    const others = ['Okafor', 'Amara', 'Bell', 'Marcus', 'Delgado', 'Sofia'];
    const res = await call(s.t.app, 'GET', `/api/patients/${patientOf('Rivera')}/notes`, {
      session: s.nurse,
    });
    expectStatus(res, 200);
    const copy = res.body.items.find((n) => n.groupNoteId === note.id);
    expect(copy).toMatchObject({
      noteType: 'group_therapy',
      status: 'locked',
      minutes: 180,
      codeSuggestion: { code: '90853' },
      part2: { applies: true, securityLabel: '42CFRPart2' },
    });
    expect(copy?.groupShared?.topic).toBe('Relapse prevention: high-risk situations');
    expect(copy?.body.participation).toBe(PARTS.Rivera!.participation);
    const text = JSON.stringify(res.body);
    for (const word of others) expect(text).not.toContain(word);
    for (const family of ['Okafor', 'Bell', 'Delgado']) {
      expect(text).not.toContain(PARTS[family]!.participation as string);
      expect(text).not.toContain(patientOf(family));
    }
    const bell = await call(s.t.app, 'GET', `/api/patients/${patientOf('Bell')}/notes`, {
      session: s.clinician,
    });
    expect(okBody(bell).items[0]?.body.participation).toBe(PARTS.Bell!.participation);
    expect(JSON.stringify(bell.body)).not.toContain('Rivera');
  });

  it('the portal shows the patient their own locked copy and nobody else’s', async () => {
    const res = await call(s.t.app, 'GET', '/api/portal/notes', { session: s.portal });
    expectStatus(res, 200);
    expect(res.body.items.map((n) => n.groupNoteId)).toEqual([note.id]);
    expect(res.body.items[0]?.part2.notice).toContain('42 CFR Part 2');
    expect(JSON.stringify(res.body)).not.toContain('Okafor');
  });

  it('an addendum keeps the original and shows in order; one naming another member is refused', async () => {
    const riveraCopy = note.members.find((m) => m.familyName === 'Rivera')!.noteId;
    const path = `/api/patients/${patientOf('Rivera')}/notes/${riveraCopy}/addenda` as const;
    const leak = await call(s.t.app, 'POST', path, {
      session: s.clinician,
      body: { text: 'Sat beside Okafor.', ...totp('clinician@demo.openiop.org') },
    });
    expectStatus(leak, 422);
    expect(leak.body.error.fields[0]?.path).toBe('text');
    const added = await call(s.t.app, 'POST', path, {
      session: s.clinician,
      body: { text: 'Correction: practised two refusal lines, not one.', password: DEMO_PASSWORD },
    });
    expectStatus(added, 201);
    expect(added.body.body.participation).toBe(PARTS.Rivera!.participation);
    expect(added.body.addenda).toHaveLength(1);
    expect(added.body.addenda[0]).toMatchObject({
      text: 'Correction: practised two refusal lines, not one.',
      signature: { credential: 'LPC', method: 'password' },
    });
    const direct = await call(s.t.app, 'PUT', `/api/patients/${patientOf('Rivera')}/notes/${riveraCopy}`, {
      session: s.clinician,
      headers: ifMatch(added.body.version),
      body: { body: {} },
    });
    expectStatus(direct, 409);
    expect(direct.body.error.code).toBe('note_locked');
  });
});
