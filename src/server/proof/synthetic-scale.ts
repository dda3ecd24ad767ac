import type { PgTable } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';

/**
 * A deterministic, seeded generator of a synthetic clinic network: an organization, its
 * sites each with an adult IOP program, tracks meeting Monday/Wednesday/Friday for 3 hours, a year (or less)
 * of sessions, patients with an episode and an enrolment window, and their attendance. Staff sign in with
 * the demo password and authenticator secret. The same seed gives the same rows (ids aside).
 *
 * Rows go in with multi-row INSERTs in batches, on either store; `large` is 100 sites, 10,000 patients,
 * about 1,000,000 attendance rows, about 300,000 clinical notes and 420,000 instrument results, plus one
 * patient with 1,000 attendances and 300 notes ("chart at depth"). Notes and results: synthetic-notes.ts.
 */
export type Scale = {
  sites: number;
  patientsPerSite: number;
  tracksPerSite: number;
  /** Weeks of sessions, ending the week before `SYNTHETIC_END`. */
  weeks: number;
  /** Weeks each patient attends (a window placed at random inside the year). */
  enrolledWeeks: number;
  /** Attendances of the one deep patient at the first site (0 = none). */
  depthAttendances: number;
  /** Notes of the deep patient (group notes of the depth sessions, the usual notes, filler if need be). */
  depthNotes: number;
};

export const SCALES = {
  tiny: {
    sites: 1,
    patientsPerSite: 8,
    tracksPerSite: 1,
    weeks: 2,
    enrolledWeeks: 2,
    depthAttendances: 0,
    depthNotes: 0,
  },
  medium: {
    sites: 2,
    patientsPerSite: 60,
    tracksPerSite: 2,
    weeks: 8,
    enrolledWeeks: 6,
    depthAttendances: 60,
    depthNotes: 30,
  },
  small: {
    sites: 5,
    patientsPerSite: 100,
    tracksPerSite: 4,
    weeks: 12,
    enrolledWeeks: 8,
    depthAttendances: 1000,
    depthNotes: 300,
  },
  large: {
    sites: 100,
    patientsPerSite: 100,
    tracksPerSite: 4,
    weeks: 52,
    enrolledWeeks: 34,
    depthAttendances: 1000,
    depthNotes: 300,
  },
} satisfies Record<string, Scale>;
export type ScaleName = keyof typeof SCALES;

/** The synthetic year ends on this Monday: fixed, so runs on different days produce the same data. */
export const SYNTHETIC_END = Temporal.PlainDate.from('2026-11-23');
export const CREDENTIALS = { clinician: 'LPC', nurse: 'RN', prescriber: 'MD' } as const;
export const TIME_ZONES = ['America/Chicago', 'America/New_York', 'America/Denver', 'America/Los_Angeles'];
export const GIVEN = [
  'Avery',
  'Jordan',
  'Sam',
  'Riley',
  'Morgan',
  'Casey',
  'Jamie',
  'Taylor',
  'Drew',
  'Quinn',
  'Alex',
  'Rowan',
];
export const FAMILY = [
  'Nguyen',
  'Garcia',
  'Smith',
  'Okafor',
  'Kowalski',
  'Haddad',
  'Johansson',
  'Mensah',
  'Ivanova',
  'Tanaka',
];

/** mulberry32: a small seeded PRNG, enough for reproducible synthetic data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type GeneratedSite = { id: string; programId: string; trackIds: string[]; clinicianEmail: string };
export type GeneratedData = {
  organizationId: string;
  label: string;
  sites: GeneratedSite[];
  /** Member of every generated site. */
  directorEmail: string;
  deepPatientId: string | undefined;
  /** A patient of the first site with a full enrolment window, for charts and ledgers. */
  typicalPatientId: string;
  /** A session of the first site's first track with members, for rosters. */
  busySessionId: string;
  busySessionSiteId: string;
  counts: Record<string, number>;
  ms: number;
};

/**
 * A feature with its own rows (notes, instrument results) adds a function here; it gets the generated
 * patients, episodes and sessions and returns how many rows it wrote per table.
 */
export type SyntheticContext = {
  organizationId: string;
  random: () => number;
  patients: { id: string; siteId: string; episodeId: string; sessionIds: string[] }[];
  staffIds: string[];
  insert: <T extends Record<string, unknown>>(table: PgTable, rows: T[]) => Promise<void>;
};
export const syntheticExtensions: ((ctx: SyntheticContext) => Promise<Record<string, number>>)[] = [];

export const STATUSES: [string, number, number][] = [
  // status, share, minutes of a 180-minute group
  ['present', 0.75, 180],
  ['late', 0.08, 150],
  ['left_early', 0.05, 120],
  ['excused', 0.05, 0],
  ['unexcused', 0.07, 0],
];

export function statusFor(r: number): (typeof STATUSES)[number] {
  let left = r;
  for (const s of STATUSES) {
    left -= s[1];
    if (left < 0) return s;
  }
  return STATUSES[0]!;
}
