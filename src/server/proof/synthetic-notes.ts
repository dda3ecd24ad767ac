import { randomUUID } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';
import { isLateEntry } from '../../domain/documentation/late-entry';
import { nextNoteStatus } from '../../domain/documentation/note-lifecycle';
import type { NoteType } from '../../domain/documentation/note-types';
import { isPart2Program } from '../../domain/documentation/part2-label';
import { getInstrument, type InstrumentId, isItemAsked, scoreInstrument } from '../../domain/instruments';
import { urgentTaskFor } from '../../domain/measurement';
import { instrumentResults, instrumentSchedules, urgentTasks } from '../measurement';
import { groupNotes, notes } from '../notes';
import { noteBody, pickFrom } from './synthetic-note-bodies';

/**
 * Clinical notes and instrument results for the synthetic network, shaped like the rows the
 * app writes: a note is created as a draft (version 1), maybe saved again, then signed by its author with a
 * password or authenticator code (one more version); the generated staff are licensed and unsupervised, so a
 * signed note locks. Notes signed more than 72 hours after the service are late entries (the domain's rule);
 * the newest ones may still be drafts. Every note of the adult IOP carries the Part 2 flag. Results are
 * scored with the domain's scorer and a risk answer raises the same urgent task the app raises.
 *
 * The mix per patient over the enrolment window: an intake assessment on the admission day, individual
 * therapy every third week, a nursing note every sixth, a medication-management note every eighth (from week
 * 2), case management every tenth (from week 5), a family session every twelfth (from week 6), and the
 * discharge summary on the discharge day: about 31 notes in a 34-week window (about 300,000 for 10,000
 * patients). Group therapy is documented as group notes for the deep patient's one-hour depth sessions only
 * (one group note per attended session, with the member's copy in `notes`): a note for every attended group
 * session of everyone would be ~880,000 member copies at the large scale, not the 300,000.
 *
 * PHQ-9 and GAD-7 are given at intake and every 14 days, the BAM at intake and every 30 days, inside the
 * window (the programs get the matching instrument schedules). Symptoms start between mild and severe and
 * ease over the weeks (days of use on the BAM fall towards none); a few PHQ-9 item 9 answers are above 0 and raise a suicide-risk review task, which the
 * primary clinician has acknowledged unless it is from the last day.
 */

export type NotesContext = {
  organizationId: string;
  random: () => number;
  /** The moment "now" of the synthetic data: drafts are the notes not yet signed by then. */
  now: Date;
  batchRows: number;
  programs: { id: string; siteId: string; kind: string }[];
  /** By site index. */
  staff: { clinician: StaffRef; nurse: StaffRef; prescriber: StaffRef }[];
  updatedBy: string;
  patients: {
    id: string;
    site: number;
    siteId: string;
    zone: string;
    episodeId: string;
    programKind: string;
    admittedOn: Temporal.PlainDate;
    /** The last day of care: the discharge day, or the day before the synthetic "now" for active patients. */
    lastDay: Temporal.PlainDate;
    discharged: boolean;
    enrolledWeeks: number;
  }[];
  /** The deep patient's notes (index into `patients`) and the attended depth sessions, newest last. */
  deep?: {
    patient: number;
    notes: number;
    programId: string;
    sessions: { id: string; endsAt: Date; minutes: number; status: string }[];
  };
  insert: <T extends Record<string, unknown>>(table: PgTable, rows: T[]) => Promise<unknown>;
};
export type StaffRef = { id: string; name: string; credential: string };

/** The note's schedule over the window: type, week, weekday offset from Monday, local start, minutes. */
const SCHEDULE: {
  type: NoteType;
  every: number;
  from: number;
  day: number;
  at: string;
  minutes: number[];
}[] = [
  { type: 'individual_therapy', every: 3, from: 0, day: 1, at: '11:00', minutes: [38, 45, 53, 60] },
  { type: 'nursing', every: 6, from: 0, day: 3, at: '08:30', minutes: [15, 20] },
  { type: 'medical_psychiatric', every: 8, from: 1, day: 3, at: '13:00', minutes: [25, 30] },
  { type: 'case_management', every: 10, from: 4, day: 1, at: '14:00', minutes: [30] },
  { type: 'family_session', every: 12, from: 5, day: 3, at: '17:00', minutes: [60] },
];

type Lifecycle = Record<string, unknown>;

/** A local date and time at a site as an instant; memoized (a few thousand distinct ones, looked up a million times). */
const instants = new Map<string, Date>();
function instant(date: Temporal.PlainDate, time: string, zone: string): Date {
  const key = `${date}|${time}|${zone}`;
  let found = instants.get(key);
  if (!found) {
    found = new Date(
      date.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds,
    );
    instants.set(key, found);
  }
  return found;
}

export async function generateNotesAndResults(ctx: NotesContext): Promise<void> {
  const { random, now, organizationId } = ctx;
  const HOUR = 3_600_000;

  /**
   * Draft → (saved 0–2 times) → signed by the author. The newest notes are often still drafts; a few old ones
   * too (a backlog). Signing usually follows within a day or two; some are signed after 72 hours.
   */
  function lifecycle(author: StaffRef, serviceAt: Date): Lifecycle {
    const createdAt = new Date(serviceAt.getTime() + (5 + random() * 55) * 60_000);
    const saves = Math.floor(random() * 3);
    const age = now.getTime() - serviceAt.getTime();
    const unsignedChance = age < 24 * HOUR ? 0.6 : age < 72 * HOUR ? 0.25 : 0.004;
    const delay = random() < 0.04 ? (73 + random() * 168) * HOUR : (0.5 + random() * 47) * HOUR;
    const signedAt = new Date(serviceAt.getTime() + delay);
    const base = { authorId: author.id, serviceAt, createdAt };
    if (random() < unsignedChance || signedAt >= now) {
      return { ...base, status: 'draft', lateEntry: false, version: 1 + saves, updatedAt: createdAt };
    }
    return {
      ...base,
      status: nextNoteStatus('draft', 'sign', { authorSupervised: false }),
      supervisorId: null,
      signedBy: author.id,
      signedName: author.name,
      signedCredential: author.credential,
      signedAt,
      signedMethod: random() < 0.7 ? 'totp' : 'password',
      lateEntry: isLateEntry(
        Temporal.Instant.fromEpochMilliseconds(serviceAt.getTime()),
        Temporal.Instant.fromEpochMilliseconds(signedAt.getTime()),
      ),
      version: 2 + saves,
      updatedAt: signedAt,
    };
  }

  await ctx.insert(
    instrumentSchedules,
    ctx.programs.flatMap((program) =>
      [
        { instrumentId: 'phq-9', atIntake: true, everyDays: 14 },
        { instrumentId: 'gad-7', atIntake: true, everyDays: 14 },
        { instrumentId: 'bam', atIntake: true, everyDays: 30 },
      ].map((rule) => ({
        organizationId,
        siteId: program.siteId,
        programId: program.id,
        ...rule,
        updatedBy: ctx.updatedBy,
        updatedAt: now,
      })),
    ),
  );

  // The deep patient's group notes first: their member copies count toward the patient's notes.
  const deepGroupCopies: Record<string, unknown>[] = [];
  if (ctx.deep) {
    const p = ctx.patients[ctx.deep.patient]!;
    const facilitator = ctx.staff[p.site]!.clinician;
    const regular = regularNoteCount(p);
    // Sessions of the episode that have taken place (the app drafts a group note from the day's enrolment).
    const admitted = instant(p.admittedOn, '00:00', p.zone);
    const past = ctx.deep.sessions.filter((s) => s.endsAt < now && s.endsAt > admitted);
    const chosen = past.slice(Math.max(0, past.length - Math.max(0, ctx.deep.notes - regular)));
    const groups: Record<string, unknown>[] = [];
    for (const s of chosen) {
      const life = lifecycle(facilitator, s.endsAt);
      const id = randomUUID();
      groups.push({
        id,
        organizationId,
        siteId: p.siteId,
        programId: ctx.deep.programId,
        sessionId: s.id,
        shared: {
          topic: pickFrom(random, ['Relapse prevention: high-risk situations', 'Coping with cravings']),
          curriculumItem: null,
          interventions: ['relapse_prevention', 'cbt'],
          narrative: 'Members mapped high-risk situations and practised refusal skills.',
          durationMinutes: s.minutes,
        },
        ...life,
        // Group: created, shared part and member parts saved, signed.
        version: life.status === 'draft' ? 2 : 3,
      });
      deepGroupCopies.push({
        organizationId,
        siteId: p.siteId,
        patientId: p.id,
        episodeId: p.episodeId,
        sessionId: s.id,
        groupNoteId: id,
        noteType: 'group_therapy',
        body: noteBody('group_therapy', random),
        minutes: s.minutes,
        attendanceStatus: s.status,
        part2: isPart2Program(p.programKind),
        ...life,
        version: life.status === 'draft' ? 2 : 3,
      });
    }
    await ctx.insert(groupNotes, groups);
  }

  function regularNoteCount(p: NotesContext['patients'][number]) {
    return notesOf(p, () => 0.5).length;
  }

  /** The patient's notes by the schedule (dates only; `r` draws the minutes). */
  function notesOf(p: NotesContext['patients'][number], r: () => number) {
    const out: { type: NoteType; serviceAt: Date; minutes: number | null; author: StaffRef }[] = [];
    const staff = ctx.staff[p.site]!;
    const author = (type: NoteType) =>
      type === 'nursing' ? staff.nurse : type === 'medical_psychiatric' ? staff.prescriber : staff.clinician;
    const add = (type: NoteType, date: Temporal.PlainDate, at: string, minutes: number | null) => {
      if (Temporal.PlainDate.compare(date, p.lastDay) > 0) return;
      const start = instant(date, at, p.zone);
      out.push({
        type,
        serviceAt: new Date(start.getTime() + (minutes ?? 30) * 60_000),
        minutes,
        author: author(type),
      });
    };
    add('intake_biopsychosocial', p.admittedOn, '10:00', 90);
    for (const rule of SCHEDULE) {
      for (let week = rule.from; week < p.enrolledWeeks; week += rule.every) {
        add(rule.type, p.admittedOn.add({ days: week * 7 + rule.day }), rule.at, pickFrom(r, rule.minutes));
      }
    }
    if (p.discharged) add('discharge_summary', p.lastDay, '16:00', null);
    return out;
  }

  // Notes and results patient by patient, flushed in batches.
  const noteRows: Record<string, unknown>[] = [...deepGroupCopies];
  const resultRows: Record<string, unknown>[] = [];
  const taskRows: Record<string, unknown>[] = [];
  const flush = async (all = false) => {
    if (all || noteRows.length >= ctx.batchRows * 5) await ctx.insert(notes, noteRows.splice(0));
    if (all || resultRows.length >= ctx.batchRows * 5) {
      await ctx.insert(instrumentResults, resultRows.splice(0));
      await ctx.insert(urgentTasks, taskRows.splice(0));
    }
  };
  const SCHEDULED: [InstrumentId, number][] = [
    ['phq-9', 14],
    ['gad-7', 14],
    ['bam', 30],
  ];
  for (const [index, p] of ctx.patients.entries()) {
    const part2 = isPart2Program(p.programKind);
    let planned = notesOf(p, random);
    if (ctx.deep?.patient === index) {
      // Filler when the depth sessions so far are too few (small scales): more individual therapy, spread
      // over the window's days.
      const missing = ctx.deep.notes - planned.length - deepGroupCopies.length;
      const days = Math.max(1, p.lastDay.since(p.admittedOn).days);
      const perDay = Math.max(1, Math.ceil(missing / days));
      for (let k = 0; k < missing; k++) {
        const date = p.lastDay.subtract({ days: 1 + Math.floor(k / perDay) });
        const start = instant(date, `${String(7 + (k % perDay)).padStart(2, '0')}:00`, p.zone);
        planned.push({
          type: 'individual_therapy',
          serviceAt: new Date(start.getTime() + 53 * 60_000),
          minutes: 53,
          author: ctx.staff[p.site]!.clinician,
        });
      }
      planned = planned.slice(0, Math.max(0, ctx.deep.notes - deepGroupCopies.length));
    }
    for (const n of planned) {
      noteRows.push({
        organizationId,
        siteId: p.siteId,
        patientId: p.id,
        episodeId: p.episodeId,
        sessionId: null,
        noteType: n.type,
        body: noteBody(n.type, random),
        minutes: n.minutes,
        part2,
        ...lifecycle(n.author, n.serviceAt),
      });
    }

    // Symptoms start mild to severe and ease by up to a half over the window.
    const severity = 0.25 + random() * 0.5;
    const span = Math.max(1, p.lastDay.since(p.admittedOn).days);
    const clinician = ctx.staff[p.site]!.clinician;
    for (const [instrumentId, every] of SCHEDULED) {
      const instrument = getInstrument(instrumentId);
      const subscale = (id: string) =>
        new Set<string>(instrument.subscales?.find((x) => x.id === id)?.itemIds);
      const [protective, use] = [subscale('protective'), subscale('use')];
      for (let day = 0; day <= span; day += every) {
        const s = severity * (1 - (0.5 * day) / span);
        const answers: Record<string, number> = {};
        for (const item of instrument.items) {
          if (!isItemAsked(item, answers)) continue;
          // Days of use are few in treatment and fall towards none (the BAM's use items and 7A–7G).
          const level = protective.has(item.id)
            ? 1 - s
            : use.has(item.id) || item.askedWhen
              ? s * 0.5 * (1 - day / span)
              : s;
          const pos = Math.round(level * (item.options.length - 1) + (random() - 0.5) * 1.5);
          let value = item.options[Math.min(item.options.length - 1, Math.max(0, pos))]!.value;
          if (instrumentId === 'phq-9' && item.id === 'item9') value = random() < 0.02 ? 1 : 0;
          answers[item.id] = value;
        }
        const score = scoreInstrument(instrumentId, answers);
        const administeredOn = p.admittedOn.add({ days: day });
        const createdAt = instant(administeredOn, day === 0 ? '10:30' : '09:15', p.zone);
        const id = randomUUID();
        resultRows.push({
          id,
          organizationId,
          siteId: p.siteId,
          patientId: p.id,
          episodeId: p.episodeId,
          instrumentId,
          instrumentVersion: score.version,
          answers,
          total: score.total,
          subscales: score.subscales ?? null,
          bandId: score.band.id,
          bandLabel: score.band.label,
          riskFlags: score.riskFlags,
          administeredOn: administeredOn.toString(),
          enteredVia: 'staff',
          enteredBy: clinician.id,
          createdAt,
        });
        const taskType = urgentTaskFor(score);
        if (taskType) {
          const acknowledged = now.getTime() - createdAt.getTime() > 24 * HOUR;
          taskRows.push({
            organizationId,
            siteId: p.siteId,
            patientId: p.id,
            episodeId: p.episodeId,
            resultId: id,
            type: taskType,
            status: acknowledged ? 'acknowledged' : 'open',
            assignedTo: clinician.id,
            createdAt,
            ...(acknowledged
              ? {
                  acknowledgedBy: clinician.id,
                  acknowledgedAt: new Date(createdAt.getTime() + 2 * HOUR),
                  acknowledgeNote: 'Same-day safety review; safety plan updated; no imminent risk.',
                }
              : {}),
          });
        }
      }
    }
    await flush();
  }
  await flush(true);
}
