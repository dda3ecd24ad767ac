import { and, eq, inArray, sql } from 'drizzle-orm';
import { episodes, levelOfCareChanges } from '../episodes';
import { groupNotes, notes } from '../notes';
import { patients } from '../patients';
import type { Database } from '../platform/db/database';
import { organizations, programs, sites, users } from '../platform/db/platform.table';
import { attendance, enrolments, programSessions, tracks } from '../program-operations';

const DAY = 86_400_000;

/** Fictional parts, each individualized and naming nobody else (the signing checks would pass). */
const SIGNED_PARTS: Record<string, Record<string, unknown>> = {
  Moore: {
    participation: 'Described a craving on payday and the text to her sponsor that got her through it.',
    presentation: 'Calm, well groomed, engaged; on time.',
    risk: { level: 'none' },
    planNextSession: 'Write a payday plan with two safe activities.',
  },
  Adeyemi: {
    participation: 'Mostly listened; when asked, named boredom in the evenings as his main trigger.',
    presentation: 'Flat affect, tired, reports poor sleep.',
    risk: { level: 'low', notes: 'Denies thoughts of self-harm; sleep to be reviewed by the prescriber.' },
    planNextSession: 'Keep a sleep log and bring it to the next group.',
  },
  Santos: {
    participation: 'Role-played refusing a drink at a party and asked for feedback on his tone.',
    presentation: 'Energetic, talkative, arrived 15 minutes late because of the bus.',
    risk: { level: 'none' },
    planNextSession: 'Practise the refusal line with a friend before the weekend.',
  },
  Washington: {
    participation: 'Shared a lapse with cannabis and what she learned from the hours before it.',
    presentation: 'Anxious at first, relieved after sharing; left early for a medical appointment.',
    risk: { level: 'none' },
    planNextSession: 'Identify one evening routine that replaces smoking.',
  },
};

/**
 * Demo clinical documentation at Riverbend South: a small afternoon group whose session a week ago has
 * a signed, locked group note, whose session yesterday has a draft for the director to finish, and two signed
 * single-patient notes. South only, so the North walkthroughs see the data they expect. Runs once: nothing
 * happens when the organization already has a group note.
 */
export async function seedDemoDocumentation(db: Database, now = new Date()): Promise<boolean> {
  return db.tx(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727006)`);
    const [org] = await tx.select().from(organizations).limit(1);
    if (!org) return false;
    const [existing] = await tx.select({ id: groupNotes.id }).from(groupNotes).limit(1);
    if (existing) return false;
    const [south] = await tx.select().from(sites).where(eq(sites.name, 'Riverbend South'));
    const [program] = await tx.select().from(programs).where(eq(programs.name, 'Adult IOP — South'));
    const staff = await tx.select().from(users).where(eq(users.organizationId, org.id));
    const director = staff.find((u) => u.email === 'director@demo.openiop.org');
    const prescriber = staff.find((u) => u.email === 'prescriber@demo.openiop.org');
    if (!south || !program || !director || !prescriber) return false;
    const families = ['Moore', 'Adeyemi', 'Santos', 'Washington', 'Lindqvist'];
    const members = await tx
      .select()
      .from(patients)
      .where(and(eq(patients.siteId, south.id), inArray(patients.familyName, families)));
    if (members.length !== families.length) return false;
    const open = await tx
      .select({ id: episodes.id })
      .from(episodes)
      .where(
        inArray(
          episodes.patientId,
          members.map((m) => m.id),
        ),
      );
    if (open.length > 0) return false; // someone already admitted them: leave the demo as it is
    const scope = { organizationId: org.id, siteId: south.id };
    const ymd = (d: Date) => d.toISOString().slice(0, 10);
    const admittedOn = ymd(new Date(now.getTime() - 21 * DAY));
    const episodeRows = await tx
      .insert(episodes)
      .values(
        members.map((m) => ({
          ...scope,
          patientId: m.id,
          programId: program.id,
          status: 'active',
          edition: 3,
          level: '2.1',
          admittedOn,
          primaryClinicianId: director.id,
          createdAt: new Date(now.getTime() - 21 * DAY),
          updatedAt: new Date(now.getTime() - 21 * DAY),
        })),
      )
      .returning();
    await tx.insert(levelOfCareChanges).values(
      episodeRows.map((e) => ({
        ...scope,
        episodeId: e.id,
        fromLevel: null,
        toLevel: '2.1',
        direction: 'admission',
        effectiveOn: admittedOn,
        reason: 'Initial level of care',
        changedBy: director.id,
      })),
    );
    const [track] = await tx
      .insert(tracks)
      .values({
        ...scope,
        programId: program.id,
        name: 'Afternoon group',
        timeOfDay: 'day',
        modality: 'in_person',
      })
      .returning();
    await tx.insert(enrolments).values(
      episodeRows.map((e) => ({
        ...scope,
        patientId: e.patientId,
        episodeId: e.id,
        programId: program.id,
        trackId: track!.id,
        startsOn: admittedOn,
        targetSteps: [{ fromWeek: 1, toWeek: 6, hours: 9 }],
        createdBy: director.id,
      })),
    );
    // Two past sessions, 13:00–16:00 UTC: a week ago (signed) and yesterday (draft).
    const sessionAt = (daysAgo: number) => {
      const day = new Date(now.getTime() - daysAgo * DAY);
      const start = new Date(`${ymd(day)}T13:00:00Z`);
      return { start, end: new Date(start.getTime() + 180 * 60_000), localDate: ymd(day) };
    };
    const sessions = await tx
      .insert(programSessions)
      .values(
        [7, 1].map((daysAgo) => {
          const s = sessionAt(daysAgo);
          return {
            ...scope,
            programId: program.id,
            trackId: track!.id,
            sessionType: 'group_therapy',
            topic: 'Relapse prevention: high-risk situations',
            localDate: s.localDate,
            startsAt: s.start,
            endsAt: s.end,
            minutes: 180,
            facilitatorId: director.id,
            room: 'Group room B',
          };
        }),
      )
      .returning();
    const statusOf: Record<string, [string, number]> = {
      Moore: ['present', 180],
      Adeyemi: ['present', 180],
      Santos: ['late', 165],
      Washington: ['left_early', 140],
      Lindqvist: ['unexcused', 0],
    };
    const familyOf = new Map(members.map((m) => [m.id, m.familyName]));
    for (const session of sessions) {
      await tx.insert(attendance).values(
        members.map((m) => ({
          ...scope,
          sessionId: session.id,
          patientId: m.id,
          status: statusOf[m.familyName]![0],
          minutes: statusOf[m.familyName]![1],
          recordedBy: director.id,
        })),
      );
    }
    const present = episodeRows.filter((e) => familyOf.get(e.patientId) !== 'Lindqvist');
    const signature = (at: Date) => ({
      signedBy: director.id,
      signedName: director.displayName,
      signedCredential: director.credentials,
      signedAt: at,
      signedMethod: 'totp',
    });
    for (const [i, session] of sessions.entries()) {
      const signed = i === 0;
      const signedAt = new Date(session.endsAt.getTime() + 2 * 3_600_000);
      const lifecycle = signed ? { status: 'locked', ...signature(signedAt) } : { status: 'draft' };
      const [group] = await tx
        .insert(groupNotes)
        .values({
          ...scope,
          programId: program.id,
          sessionId: session.id,
          shared: {
            topic: 'Relapse prevention: high-risk situations',
            curriculumItem: null,
            interventions: signed ? ['relapse_prevention', 'cbt'] : [],
            ...(signed
              ? { narrative: 'Members mapped their high-risk situations and practised refusal skills.' }
              : {}),
            durationMinutes: 180,
          },
          authorId: director.id,
          serviceAt: session.endsAt,
          ...lifecycle,
        })
        .returning();
      await tx.insert(notes).values(
        present.map((e) => ({
          ...scope,
          patientId: e.patientId,
          episodeId: e.id,
          sessionId: session.id,
          groupNoteId: group!.id,
          noteType: 'group_therapy',
          body: signed ? SIGNED_PARTS[familyOf.get(e.patientId)!]! : {},
          minutes: statusOf[familyOf.get(e.patientId)!]![1],
          attendanceStatus: statusOf[familyOf.get(e.patientId)!]![0],
          part2: true,
          authorId: director.id,
          serviceAt: session.endsAt,
          ...lifecycle,
        })),
      );
    }
    const episodeOf = (family: string) => episodeRows.find((e) => familyOf.get(e.patientId) === family)!;
    const individualAt = new Date(now.getTime() - 3 * DAY);
    await tx.insert(notes).values([
      {
        ...scope,
        patientId: episodeOf('Moore').patientId,
        episodeId: episodeOf('Moore').id,
        noteType: 'individual_therapy',
        body: {
          focus: 'Payday cravings and money handling',
          interventions: ['cbt', 'motivational_interviewing'],
          response: 'Built a payday plan; rated confidence 7/10.',
          risk: { level: 'none' },
          plan: 'Review the plan after the next payday.',
        },
        minutes: 50,
        part2: true,
        authorId: director.id,
        serviceAt: individualAt,
        status: 'locked',
        ...signature(new Date(individualAt.getTime() + 3_600_000)),
      },
      {
        ...scope,
        patientId: episodeOf('Adeyemi').patientId,
        episodeId: episodeOf('Adeyemi').id,
        noteType: 'medical_psychiatric',
        body: {
          chiefComplaint: 'Poor sleep for two weeks',
          intervalHistory: 'Abstinent from alcohol 20 days; wakes at 3 am most nights.',
          mentalStatusExam: 'Alert, oriented, mood "tired", affect constricted, no psychosis.',
          medications: [{ name: 'Naltrexone', dose: '50 mg', frequency: 'daily', change: 'continue' }],
          risk: { level: 'low', notes: 'No suicidal ideation.' },
          assessment: 'Insomnia in early remission from alcohol use disorder.',
          plan: 'Sleep hygiene; review in two weeks.',
        },
        minutes: 25,
        part2: true,
        authorId: prescriber.id,
        serviceAt: individualAt,
        status: 'locked',
        signedBy: prescriber.id,
        signedName: prescriber.displayName,
        signedCredential: prescriber.credentials,
        signedAt: new Date(individualAt.getTime() + 3_600_000),
        signedMethod: 'password',
      },
    ]);
    return true;
  });
}
