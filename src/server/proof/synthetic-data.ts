import type { PgTable } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';
import { attendance } from '../attendance';
import { enrolments } from '../enrolment';
import { episodes } from '../episodes';
import { patients } from '../patients';
import type { Database } from '../platform/db/database';
import { programSessions } from '../sessions';
import { tracks } from '../tracks';
import { bulkInsert } from './bulk-insert';
import { insertNetwork } from './synthetic-network';
import {
  CREDENTIALS,
  FAMILY,
  type GeneratedData,
  GIVEN,
  type Scale,
  SYNTHETIC_END,
  type SyntheticContext,
  seededRandom,
  statusFor,
  syntheticExtensions,
} from './synthetic-scale';

export { bulkInsert } from './bulk-insert';
export * from './synthetic-scale';

import { generateNotesAndResults, type NotesContext } from './synthetic-notes';

export async function generateSyntheticData(
  db: Database,
  scale: Scale,
  options: { seed?: number; label?: string; batchRows?: number } = {},
): Promise<GeneratedData> {
  const started = performance.now();
  const random = seededRandom(options.seed ?? 7);
  const label = options.label ?? `syn${options.seed ?? 7}`;
  const batchRows = options.batchRows ?? 5000;
  const counts: Record<string, number> = {};
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

  const insertRows = <T extends Record<string, unknown>>(table: PgTable, rows: T[]) =>
    bulkInsert(db, table, rows, { batchRows, counts });

  const {
    organizationId,
    siteRows,
    siteZones,
    programRows,
    directorEmail,
    director,
    clinicians,
    nurses,
    prescribers,
    staffRows,
  } = await insertNetwork(insertRows, scale, label);

  // Tracks (plus a depth track at the first site) and their sessions.
  const trackSpecs = siteRows.flatMap((site, s) =>
    Array.from({ length: scale.tracksPerSite + (s === 0 && scale.depthAttendances > 0 ? 1 : 0) }, (_, k) => ({
      site: s,
      depth: k === scale.tracksPerSite,
      row: {
        organizationId,
        siteId: site.id,
        programId: programRows[s]!.id,
        name: k === scale.tracksPerSite ? 'Depth track' : `Track ${k + 1}`,
        timeOfDay: k % 2 === 0 ? 'day' : 'evening',
        modality: 'in_person',
        capacity: Math.ceil(scale.patientsPerSite / scale.tracksPerSite) + 5,
      },
    })),
  );
  const trackRows = await insertRows(
    tracks,
    trackSpecs.map((t) => t.row),
  );
  const firstWeek = SYNTHETIC_END.subtract({ weeks: scale.weeks });
  const sessionSpecs: { track: number; week: number; row: Record<string, unknown> }[] = [];
  const at = (date: Temporal.PlainDate, time: string, zone: string) =>
    new Date(
      date.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds,
    );
  trackSpecs.forEach((spec, k) => {
    const zone = siteZones[spec.site]!;
    const base = {
      organizationId,
      siteId: spec.row.siteId,
      programId: spec.row.programId,
      trackId: trackRows[k]!.id,
      sessionType: 'group_therapy',
      facilitatorId: clinicians[spec.site]!.id,
    };
    if (spec.depth) {
      // Four one-hour sessions every weekday until the deep patient has enough.
      for (let n = 0; n < scale.depthAttendances; n++) {
        const date = firstWeek.add({ days: Math.floor(n / 20) * 7 + (Math.floor(n / 4) % 5) });
        const hour = ['08:00', '10:00', '13:00', '15:00'][n % 4]!;
        const startsAt = at(date, hour, zone);
        sessionSpecs.push({
          track: k,
          week: -1,
          row: {
            ...base,
            localDate: date.toString(),
            startsAt,
            endsAt: new Date(startsAt.getTime() + 3_600_000),
            minutes: 60,
          },
        });
      }
      return;
    }
    const start = spec.row.timeOfDay === 'day' ? '09:00' : '18:00';
    for (let w = 0; w < scale.weeks; w++) {
      for (const day of [0, 2, 4]) {
        const date = firstWeek.add({ days: w * 7 + day });
        const startsAt = at(date, start, zone);
        sessionSpecs.push({
          track: k,
          week: w,
          row: {
            ...base,
            localDate: date.toString(),
            startsAt,
            endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
            minutes: 180,
          },
        });
      }
    }
  });
  const sessionRows = await insertRows(
    programSessions,
    sessionSpecs.map((s) => s.row),
  );
  const sessionsByTrackWeek = new Map<string, string[]>();
  sessionSpecs.forEach((s, i) => {
    const key = `${s.track}:${s.week}`;
    sessionsByTrackWeek.set(key, [...(sessionsByTrackWeek.get(key) ?? []), sessionRows[i]!.id]);
  });

  // Patients, one episode each, an enrolment window, and attendance at every session of the window.
  const patientSpecs = siteRows.flatMap((site, s) =>
    Array.from({ length: scale.patientsPerSite }, (_, i) => {
      const n = s * scale.patientsPerSite + i;
      const year = 1950 + Math.floor(random() * 55);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      return {
        site: s,
        row: {
          organizationId,
          siteId: site.id,
          mrn: `${label.toUpperCase()}${n + 1}`,
          givenName: pick(GIVEN),
          familyName: `${pick(FAMILY)}-${n + 1}`,
          dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          language: 'English',
        },
      };
    }),
  );
  const patientRows = await insertRows(
    patients,
    patientSpecs.map((p) => p.row),
  );
  const windows = patientSpecs.map((p, i) => {
    const local = i % scale.patientsPerSite;
    // The first two patients of every site have the latest full window; the rest are spread over the year.
    const startWeek =
      local < 2
        ? scale.weeks - scale.enrolledWeeks
        : Math.floor(random() * (scale.weeks - scale.enrolledWeeks + 1));
    const trackIndex =
      trackSpecs.findIndex((t) => t.site === p.site && !t.depth) + (local % scale.tracksPerSite);
    return { startWeek, endWeek: startWeek + scale.enrolledWeeks, trackIndex };
  });
  const lastWeek = scale.weeks;
  const episodeRows = await insertRows(
    episodes,
    patientSpecs.map((p, i) => {
      const w = windows[i]!;
      const discharged = w.endWeek < lastWeek;
      return {
        organizationId,
        siteId: p.row.siteId,
        patientId: patientRows[i]!.id,
        programId: programRows[p.site]!.id,
        status: discharged ? 'discharged' : 'active',
        edition: 3,
        level: '2.1',
        admittedOn: firstWeek.add({ weeks: w.startWeek }).toString(),
        dischargedOn: discharged
          ? firstWeek.add({ weeks: w.endWeek }).subtract({ days: 3 }).toString()
          : null,
        primaryClinicianId: clinicians[p.site]!.id,
      };
    }),
  );
  await insertRows(
    enrolments,
    patientSpecs.map((p, i) => {
      const w = windows[i]!;
      return {
        organizationId,
        siteId: p.row.siteId,
        patientId: patientRows[i]!.id,
        episodeId: episodeRows[i]!.id,
        programId: programRows[p.site]!.id,
        trackId: trackRows[w.trackIndex]!.id,
        startsOn: firstWeek.add({ weeks: w.startWeek }).toString(),
        endsOn:
          w.endWeek < lastWeek ? firstWeek.add({ weeks: w.endWeek }).subtract({ days: 1 }).toString() : null,
        targetSteps: [
          { fromWeek: 1, toWeek: 4, hours: 9 },
          { fromWeek: 5, toWeek: 99, hours: 6 },
        ],
        createdBy: director.id,
      };
    }),
  );
  const context: SyntheticContext['patients'] = [];
  const attendanceRows: Record<string, unknown>[] = [];
  const sessionIndex = new Map(sessionRows.map((r, k) => [r.id, k]));
  const deepSessions: { id: string; endsAt: Date; minutes: number; status: string }[] = [];
  const flush = async () => {
    await insertRows(attendance, attendanceRows.splice(0));
  };
  for (const [i, p] of patientSpecs.entries()) {
    const w = windows[i]!;
    const sessionIds: string[] = [];
    for (let week = w.startWeek; week < w.endWeek; week++)
      sessionIds.push(...(sessionsByTrackWeek.get(`${w.trackIndex}:${week}`) ?? []));
    if (i === 0 && scale.depthAttendances > 0) {
      const depthTrack = trackSpecs.findIndex((t) => t.depth);
      sessionIds.push(...(sessionsByTrackWeek.get(`${depthTrack}:-1`) ?? []));
    }
    for (const sessionId of sessionIds) {
      const [status, , groupMinutes] = statusFor(random());
      // The shares of a 180-minute group, applied to the session's own length (the depth sessions are 60).
      const spec = sessionSpecs[sessionIndex.get(sessionId)!]!;
      const minutes = Math.round((groupMinutes * (spec.row.minutes as number)) / 180);
      if (i === 0 && spec.week === -1 && minutes > 0)
        deepSessions.push({ id: sessionId, endsAt: spec.row.endsAt as Date, minutes, status });
      attendanceRows.push({
        organizationId,
        siteId: p.row.siteId,
        sessionId,
        patientId: patientRows[i]!.id,
        status,
        minutes,
        absenceReason: minutes === 0 ? 'Synthetic absence' : null,
        recordedBy: clinicians[p.site]!.id,
      });
    }
    context.push({ id: patientRows[i]!.id, siteId: p.row.siteId, episodeId: episodeRows[i]!.id, sessionIds });
    if (attendanceRows.length >= batchRows * 10) await flush();
  }
  await flush();

  const now = new Date(
    SYNTHETIC_END.toZonedDateTime({ timeZone: 'UTC', plainTime: '12:00' }).epochMilliseconds,
  );
  await generateNotesAndResults({
    organizationId,
    random,
    now,
    batchRows,
    programs: programRows.map((program, s) => ({
      id: program.id,
      siteId: siteRows[s]!.id,
      kind: 'iop_adult',
    })),
    staff: siteRows.map(
      (_, s) =>
        Object.fromEntries(
          (
            [
              ['clinician', clinicians],
              ['nurse', nurses],
              ['prescriber', prescribers],
            ] as const
          ).map(([role, rows]) => [
            role,
            { id: rows[s]!.id, name: rows[s]!.displayName as string, credential: CREDENTIALS[role] },
          ]),
        ) as NotesContext['staff'][number],
    ),
    updatedBy: director.id,
    patients: patientSpecs.map((p, i) => {
      const w = windows[i]!;
      const discharged = w.endWeek < lastWeek;
      const admittedOn = firstWeek.add({ weeks: w.startWeek });
      return {
        id: patientRows[i]!.id,
        site: p.site,
        siteId: p.row.siteId,
        zone: siteZones[p.site]!,
        episodeId: episodeRows[i]!.id,
        programKind: 'iop_adult',
        admittedOn,
        lastDay: discharged
          ? firstWeek.add({ weeks: w.endWeek }).subtract({ days: 3 })
          : SYNTHETIC_END.subtract({ days: 1 }),
        discharged,
        enrolledWeeks: w.endWeek - w.startWeek,
      };
    }),
    ...(scale.depthNotes > 0
      ? {
          deep: {
            patient: 0,
            notes: scale.depthNotes,
            programId: programRows[0]!.id,
            sessions: deepSessions,
          },
        }
      : {}),
    insert: insertRows,
  });

  for (const extend of syntheticExtensions) {
    const written = await extend({
      organizationId,
      random,
      patients: context,
      staffIds: staffRows.map((u) => u.id),
      // Not counted here: the extension returns its counts.
      insert: (table, rows) => bulkInsert(db, table, rows, { batchRows }).then(() => undefined),
    });
    for (const [table, n] of Object.entries(written)) counts[table] = (counts[table] ?? 0) + n;
  }

  // The roster to benchmark: the first track's week with the most members.
  const membersByWeek = Array.from(
    { length: scale.weeks },
    (_, week) => windows.filter((w) => w.trackIndex === 0 && w.startWeek <= week && week < w.endWeek).length,
  );
  const busiestWeek = membersByWeek.indexOf(Math.max(...membersByWeek));
  const busySessions = sessionsByTrackWeek.get(`0:${busiestWeek}`) ?? [];
  return {
    organizationId,
    label,
    sites: siteRows.map((site, s) => ({
      id: site.id,
      programId: programRows[s]!.id,
      trackIds: trackSpecs.flatMap((t, k) => (t.site === s && !t.depth ? [trackRows[k]!.id] : [])),
      clinicianEmail: `clinician${s + 1}@${label}.synthetic.openiop.org`,
    })),
    directorEmail,
    deepPatientId: scale.depthAttendances > 0 ? patientRows[0]!.id : undefined,
    typicalPatientId: patientRows[scale.patientsPerSite > 1 ? 1 : 0]!.id,
    busySessionId: busySessions[0]!,
    busySessionSiteId: siteRows[0]!.id,
    counts,
    ms: Math.round(performance.now() - started),
  };
}
