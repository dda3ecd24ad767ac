import { eq } from 'drizzle-orm';
import { attendance } from '../attendance';
import { enrolments } from '../enrolment';
import { patients } from '../patients';
import { sites, users } from '../platform/db/platform.table';
import { programSessions } from '../sessions';
import { expectStatus } from '../test-support/api-answer';
import { admit, demoIds, ifMatch } from '../test-support/clinical-fixtures';
import { call, demoCodeFor, type Session, type TestApp } from '../test-support/test-app';
import { tracks } from '../tracks';

/**
 * A group therapy session at North that ended an hour before the test clock, with members admitted and
 * enrolled in the adult IOP and attendance recorded: `present` members attended (present, late, left early),
 * `absent` ones did not. Program-operations routes are tested on their own; here rows go in directly.
 */
export async function groupSessionWithAttendance(
  t: TestApp,
  clinician: Session,
  members: {
    family: string;
    given?: string;
    status: 'present' | 'late' | 'left_early' | 'unexcused';
    minutes: number;
  }[],
  opts: { endedHoursAgo?: number } = {},
) {
  const ids = await demoIds(t);
  const setup = await t.db.tx(async (tx) => {
    const [north] = await tx.select().from(sites).where(eq(sites.id, ids.north));
    const [director] = await tx.select().from(users).where(eq(users.email, 'director@demo.openiop.org'));
    const patientIds: string[] = [];
    for (const [i, m] of members.entries()) {
      let [p] = await tx.select().from(patients).where(eq(patients.familyName, m.family));
      // A member not in the demo data is added at North.
      p ??= (
        await tx
          .insert(patients)
          .values({
            organizationId: north!.organizationId,
            siteId: ids.north,
            mrn: `NT${Date.now() % 100_000}${i}`,
            givenName: m.given ?? 'Pat',
            familyName: m.family,
            dateOfBirth: '1984-04-04',
          })
          .returning()
      )[0];
      patientIds.push(p!.id);
    }
    const [track] = await tx
      .insert(tracks)
      .values({
        organizationId: north!.organizationId,
        siteId: ids.north,
        programId: ids.northAdultIop,
        name: `Notes track ${Math.random().toString(36).slice(2, 8)}`,
        timeOfDay: 'day',
        modality: 'in_person',
        capacity: 12,
      })
      .returning();
    const end = new Date(t.clock.now().getTime() - (opts.endedHoursAgo ?? 1) * 3_600_000);
    const start = new Date(end.getTime() - 180 * 60_000);
    const [session] = await tx
      .insert(programSessions)
      .values({
        organizationId: north!.organizationId,
        siteId: ids.north,
        programId: ids.northAdultIop,
        trackId: track!.id,
        sessionType: 'group_therapy',
        topic: 'Relapse prevention: high-risk situations',
        localDate: start.toISOString().slice(0, 10),
        startsAt: start,
        endsAt: end,
        minutes: 180,
        facilitatorId: director!.id,
      })
      .returning();
    return {
      organizationId: north!.organizationId,
      directorId: director!.id,
      patientIds,
      track: track!,
      session: session!,
    };
  });
  const episodeIds: string[] = [];
  const reused: boolean[] = [];
  for (const patientId of setup.patientIds) {
    const existing = await t.db.tx((tx) =>
      tx.select().from(enrolments).where(eq(enrolments.patientId, patientId)),
    );
    const ep = existing[0]?.episodeId ?? (await admit(t, clinician, patientId, ids.northAdultIop)).body.id;
    episodeIds.push(ep);
    reused.push(existing.length > 0);
  }
  await t.db.tx(async (tx) => {
    const fresh = setup.patientIds.filter((_, i) => !reused[i]);
    if (fresh.length > 0)
      await tx.insert(enrolments).values(
        setup.patientIds.flatMap((patientId, i) =>
          reused[i]
            ? []
            : [
                {
                  organizationId: setup.organizationId,
                  siteId: ids.north,
                  patientId,
                  episodeId: episodeIds[i]!,
                  programId: ids.northAdultIop,
                  trackId: setup.track.id,
                  startsOn: '2026-01-05',
                  targetSteps: [{ fromWeek: 1, toWeek: 52, hours: 9 }],
                  createdBy: setup.directorId,
                },
              ],
        ),
      );
    await tx.insert(attendance).values(
      members.map((m, i) => ({
        organizationId: setup.organizationId,
        siteId: ids.north,
        sessionId: setup.session.id,
        patientId: setup.patientIds[i]!,
        status: m.status,
        minutes: m.status === 'unexcused' ? 0 : m.minutes,
        recordedBy: setup.directorId,
      })),
    );
  });
  return { ids, session: setup.session, patientIds: setup.patientIds, episodeIds };
}

/** A group note's individual part for one member (what the charge and claim tests document). */
export type MemberPart = {
  participation: string;
  presentation: string;
  risk: { level: 'none' | 'low' };
  planNextSession: string;
};

/**
 * The director drafts the session's group note, gives member i the part `parts[i % parts.length]`, and signs
 * it with their authenticator: the locked documentation a charge is made from.
 */
export async function signGroupNote(
  t: TestApp,
  director: Session,
  siteId: string,
  sessionId: string,
  patientIds: string[],
  parts: MemberPart[],
) {
  const draft = await call(t.app, 'POST', `/api/sites/${siteId}/sessions/${sessionId}/group-note`, {
    session: director,
    body: {},
  });
  expectStatus(draft, 201);
  const path = `/api/sites/${siteId}/group-notes/${draft.body.id}` as const;
  const saved = await call(t.app, 'PUT', path, {
    session: director,
    headers: ifMatch(draft.body.version),
    body: {
      shared: { interventions: ['relapse_prevention'] },
      members: patientIds.map((patientId, i) => ({ patientId, part: parts[i % parts.length] })),
    },
  });
  expectStatus(saved, 200);
  const signed = await call(t.app, 'POST', `${path}/sign`, {
    session: director,
    headers: ifMatch(saved.body.version),
    body: { totpCode: demoCodeFor(t.app, 'director@demo.openiop.org') },
  });
  expectStatus(signed, 200);
}
