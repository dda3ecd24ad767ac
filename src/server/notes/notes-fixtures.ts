import { eq } from 'drizzle-orm';
import { attendance } from '../attendance';
import { enrolments } from '../enrolment';
import { patients } from '../patients';
import { sites, users } from '../platform/db/platform.table';
import { programSessions } from '../sessions';
import { admit, demoIds } from '../test-support/clinical-fixtures';
import type { Session, TestApp } from '../test-support/test-app';
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
