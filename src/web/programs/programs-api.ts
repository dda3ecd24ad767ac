import { useQuery } from '@tanstack/react-query';
import { api, ifMatch, withQuery } from '../shared/api-client';

// Program operations (issue 5): programs with their hour band, tracks with a recurring schedule, sessions,
// enrolments, attendance and the weekly dose. Shapes follow src/server/program-operations/*.schema.ts.

export interface HourBand {
  atLeastHours: number;
  lessThanHours: number | null;
}

export interface ProgramSettings {
  programId: string;
  name: string;
  kind: 'outpatient' | 'iop' | 'php';
  population: 'adult' | 'adolescent';
  /** ISO weekday the program week starts on, Monday = 1 … Sunday = 7. */
  weekStartsOn: number;
  timeZone: string;
  band: HourBand;
  configured: boolean;
  /** If-Match for the next save (0 until first saved). */
  version: number;
}

export type TrackKind = 'day' | 'evening' | 'weekend';
export type TrackModality = 'in_person' | 'virtual' | 'hybrid';

export interface Track {
  id: string;
  programId: string;
  name: string;
  timeOfDay: TrackKind;
  modality: TrackModality;
  capacity: number;
  members: number;
}

export interface NewTrack {
  name: string;
  timeOfDay: TrackKind;
  modality: TrackModality;
  capacity: number;
}

export type SessionType =
  | 'group_therapy'
  | 'individual'
  | 'family'
  | 'medical_visit'
  | 'nursing_check'
  | 'psychiatry'
  | 'drug_test';

export interface NewSchedule {
  weekdays: number[];
  startsOn: string;
  endsOn: string;
  sessionType: SessionType;
  topic?: string | null;
  facilitatorId?: string | null;
  room?: string | null;
  telehealthUrl?: string | null;
  startTime: string;
  endTime: string;
  /** Each session takes the next topic of the track's curriculum. */
  rotateCurriculum?: boolean;
}

export interface ProgramSession {
  id: string;
  programId: string;
  trackId: string | null;
  scheduleId: string | null;
  sessionType: SessionType;
  topic: string | null;
  /** Local calendar day in the program's zone. */
  localDate: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  facilitatorId: string | null;
  facilitatorName: string | null;
  room: string | null;
  telehealthUrl: string | null;
  cancelled: boolean;
  cancelReason: string | null;
  cancelNote: string | null;
}

export type AttendanceStatus = 'present' | 'late' | 'left_early' | 'excused' | 'unexcused';

export interface RosterRow {
  patientId: string;
  givenName: string;
  familyName: string;
  enrolled: boolean;
  attendance: {
    status: AttendanceStatus;
    minutes: number;
    arrivedAt: string | null;
    leftAt: string | null;
    absenceReason: string | null;
  } | null;
}

export interface Roster {
  session: ProgramSession;
  members: RosterRow[];
  attendees: number;
  /** Fewer than 3 attended: below the minimum group size (domain.md §3). */
  belowMinimumGroupSize: boolean;
  /** The roster's version: a save sends it as If-Match, and is refused (409) if someone saved since. */
  version: number;
}

export interface AttendanceEntry {
  patientId: string;
  status: AttendanceStatus;
  minutes: number;
  absenceReason?: string | null;
}

export type DoseStatus = 'on_track' | 'at_risk' | 'short' | 'over_band';

export interface Dose {
  scheduledHours: number;
  attendedHours: number;
  remainingScheduledHours: number;
  forecastHours: number;
  gapMinutes: number;
  status: DoseStatus;
  qualifyingDays: string[];
  perDiemBillableWeek: boolean;
  /** Only with Medicare coverage: 9 h attended so far this week. */
  medicareMinimumMet: boolean | null;
}

export interface MemberWeek {
  programId: string;
  programName: string;
  weekStart: string;
  weekEnd: string;
  weekNumber: number;
  targetHours: number;
  band: HourBand;
  dose: Dose;
}

export interface MakeUpSession {
  id: string;
  trackId: string;
  trackName: string;
  sessionType: string;
  localDate: string;
  startsAt: string;
  minutes: number;
  capacityLeft: number;
}

export interface AtRiskMember {
  patientId: string;
  givenName: string;
  familyName: string;
  trackId: string;
  weekNumber: number;
  targetHours: number;
  /** Medicare IOP coverage: the target is at least 9 h. */
  medicareCoverage: boolean;
  dose: Dose;
  makeUp: { sessions: MakeUpSession[]; closesGap: boolean; minutesAfter: number } | null;
}

export interface AtRiskList {
  weekStart: string;
  weekEnd: string;
  items: AtRiskMember[];
}

export interface Enrolment {
  id: string;
  episodeId: string;
  programId: string;
  trackId: string;
  trackName: string;
  startsOn: string;
  endsOn: string | null;
  targetSteps: TargetStep[];
  medicareCoverage: boolean;
  /** If-Match for a change of the target steps. */
  version: number;
}

export interface TargetStep {
  fromWeek: number;
  toWeek: number;
  hours: number;
}

export interface Curriculum {
  trackId: string;
  version: number;
  topics: { id: string; position: number; title: string }[];
}

export type TopicStatus = 'covered' | 'missed' | 'not_yet';

export interface MemberTopics {
  items: {
    programId: string;
    programName: string;
    trackId: string;
    trackName: string;
    topics: {
      topicId: string;
      position: number;
      title: string;
      status: TopicStatus;
      sessionDate: string | null;
      next: {
        sessionId: string;
        trackId: string;
        trackName: string;
        localDate: string;
        startsAt: string;
      } | null;
    }[];
  }[];
}

export interface PortalSession {
  id: string;
  trackName: string;
  sessionType: string;
  topic: string | null;
  localDate: string;
  startsAt: string;
  endsAt: string;
  telehealthUrl: string | null;
  room: string | null;
  cancelled: boolean;
  cancelReason: string | null;
  cancelNote: string | null;
}

export interface PortalSessions {
  items: PortalSession[];
  thisWeek: {
    programName: string;
    weekStart: string;
    weekEnd: string;
    targetHours: number;
    attendedHours: number;
    scheduledHours: number;
  }[];
}

const enc = encodeURIComponent;
const sitePath = (siteId: string) => `/api/sites/${enc(siteId)}`;
const programPath = (siteId: string, programId: string) => `${sitePath(siteId)}/programs/${enc(programId)}`;

interface ProgramListItem {
  id: string;
  name: string;
}

/** The site's programs, each with its settings (week start, zone, band): one call for the list, one per program. */
export function useProgramSettings(siteId: string | undefined) {
  return useQuery({
    queryKey: ['program-settings', siteId],
    queryFn: async ({ signal }) => {
      const list = await api.get<{ items: ProgramListItem[] }>(`${sitePath(siteId ?? '')}/programs`, {
        signal,
      });
      const items = await Promise.all(
        list.items.map((p) =>
          api.get<ProgramSettings>(`${programPath(siteId ?? '', p.id)}/settings`, { signal }),
        ),
      );
      return { items };
    },
    enabled: Boolean(siteId),
    staleTime: 60_000,
  });
}

export function saveProgramSettings(
  siteId: string,
  programId: string,
  version: number,
  settings: { weekStartsOn: number; timeZone: string; band?: HourBand },
) {
  return api.put<ProgramSettings>(`${programPath(siteId, programId)}/settings`, settings, ifMatch(version));
}

export const tracksKey = (programId: string | undefined) => ['tracks', programId] as const;

export function useTracks(siteId: string | undefined, programId: string | undefined) {
  return useQuery({
    queryKey: tracksKey(programId),
    queryFn: ({ signal }) =>
      api.get<{ items: Track[] }>(`${programPath(siteId ?? '', programId ?? '')}/tracks`, { signal }),
    enabled: Boolean(siteId && programId),
  });
}

export function createTrack(siteId: string, programId: string, track: NewTrack) {
  return api.create<Track>(`${programPath(siteId, programId)}/tracks`, track);
}

export function createSchedule(siteId: string, trackId: string, schedule: NewSchedule) {
  return api.create<{ scheduleId: string; sessions: ProgramSession[] }>(
    `${sitePath(siteId)}/tracks/${enc(trackId)}/schedules`,
    schedule,
  );
}

export interface NewSession {
  trackId?: string | null;
  /** Local calendar day in the program's zone. */
  date: string;
  sessionType: SessionType;
  topic?: string | null;
  /** A topic of the track's curriculum; the session then covers it. */
  curriculumTopicId?: string | null;
  facilitatorId?: string | null;
  room?: string | null;
  telehealthUrl?: string | null;
  startTime: string;
  endTime: string;
}

/** A one-off session; `idempotencyKey` stays the same for retries of one submit so a retry never adds two. */
export function createSession(
  siteId: string,
  programId: string,
  session: NewSession,
  idempotencyKey: string,
) {
  return api.post<ProgramSession>(`${programPath(siteId, programId)}/sessions`, session, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** The program's sessions between two local days, outside a query (e.g. to name a conflicting session). */
export function fetchSessions(siteId: string, programId: string, from: string, to: string) {
  return api.get<{ items: ProgramSession[] }>(
    withQuery(`${programPath(siteId, programId)}/sessions`, { from, to }),
  );
}

export function useSessions(
  siteId: string | undefined,
  programId: string | undefined,
  from: string,
  to: string,
) {
  return useQuery({
    queryKey: ['sessions', programId, from, to],
    queryFn: ({ signal }) =>
      api.get<{ items: ProgramSession[] }>(
        withQuery(`${programPath(siteId ?? '', programId ?? '')}/sessions`, { from, to }),
        { signal },
      ),
    enabled: Boolean(siteId && programId),
  });
}

export const rosterKey = (sessionId: string) => ['roster', sessionId] as const;

export function useRoster(siteId: string | undefined, sessionId: string) {
  return useQuery({
    queryKey: rosterKey(sessionId),
    queryFn: ({ signal }) =>
      api.get<Roster>(`${sitePath(siteId ?? '')}/sessions/${enc(sessionId)}/attendance`, { signal }),
    enabled: Boolean(siteId),
  });
}

/** Saves the roster read at `version`; a 409 version_conflict means another save came first. */
export function saveRoster(siteId: string, sessionId: string, version: number, rows: AttendanceEntry[]) {
  return api.put<Roster>(
    `${sitePath(siteId)}/sessions/${enc(sessionId)}/attendance`,
    { rows },
    ifMatch(version),
  );
}

export function enrol(
  patientId: string,
  input: { trackId: string; episodeId: string; startsOn: string; medicareCoverage?: boolean },
) {
  return api.create<Enrolment>(`/api/patients/${enc(patientId)}/enrolments`, input);
}

export function useEnrolments(patientId: string | undefined) {
  return useQuery({
    queryKey: ['enrolments', patientId],
    queryFn: ({ signal }) =>
      api.get<{ items: Enrolment[] }>(`/api/patients/${enc(patientId ?? '')}/enrolments`, { signal }),
    enabled: Boolean(patientId),
  });
}

/** The patient's dose for each of `weeks` (any day of each week), oldest first. */
export function usePatientDose(patientId: string | undefined, weeks: string[]) {
  return useQuery({
    queryKey: ['patient-dose', patientId, weeks],
    queryFn: async ({ signal }) => {
      const answers = await Promise.all(
        weeks.map((week) =>
          api.get<{ items: MemberWeek[] }>(
            withQuery(`/api/patients/${enc(patientId ?? '')}/dose`, { week }),
            {
              signal,
            },
          ),
        ),
      );
      return answers.flatMap((answer) => answer.items);
    },
    enabled: Boolean(patientId) && weeks.length > 0,
  });
}

export function useAtRisk(siteId: string | undefined, programId: string | undefined, week: string) {
  return useQuery({
    queryKey: ['at-risk', programId, week],
    queryFn: ({ signal }) =>
      api.get<AtRiskList>(withQuery(`${programPath(siteId ?? '', programId ?? '')}/at-risk`, { week }), {
        signal,
      }),
    enabled: Boolean(siteId && programId),
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: ['portal-sessions'],
    queryFn: ({ signal }) => api.get<PortalSessions>('/api/portal/sessions', { signal }),
  });
}

export const curriculumKey = (trackId: string | undefined) => ['curriculum', trackId] as const;

export function fetchCurriculum(siteId: string, trackId: string) {
  return api.get<Curriculum>(`${sitePath(siteId)}/tracks/${enc(trackId)}/curriculum`);
}

export function useCurriculum(siteId: string | undefined, trackId: string | undefined) {
  return useQuery({
    queryKey: curriculumKey(trackId),
    queryFn: ({ signal }) =>
      api.get<Curriculum>(`${sitePath(siteId ?? '')}/tracks/${enc(trackId ?? '')}/curriculum`, { signal }),
    enabled: Boolean(siteId && trackId),
  });
}

export function saveCurriculum(
  siteId: string,
  trackId: string,
  version: number,
  topics: { id?: string; title: string }[],
) {
  return api.put<Curriculum>(
    `${sitePath(siteId)}/tracks/${enc(trackId)}/curriculum`,
    { topics },
    ifMatch(version),
  );
}

export function useMemberTopics(patientId: string | undefined) {
  return useQuery({
    queryKey: ['member-topics', patientId],
    queryFn: ({ signal }) =>
      api.get<MemberTopics>(`/api/patients/${enc(patientId ?? '')}/topics`, { signal }),
    enabled: Boolean(patientId),
  });
}

export function saveTargetSteps(patientId: string, enrolment: Enrolment, targetSteps: TargetStep[]) {
  return api.put<{
    enrolment: Enrolment;
    episodeLevel: string;
    levelChanges: { fromLevel: string | null; toLevel: string; effectiveOn: string }[];
  }>(
    `/api/patients/${enc(patientId)}/enrolments/${enc(enrolment.id)}/target-steps`,
    { targetSteps },
    ifMatch(enrolment.version),
  );
}

export function cancelSession(
  siteId: string,
  sessionId: string,
  input: { reason: 'holiday' | 'weather' | 'other'; note?: string },
) {
  return api.post<ProgramSession>(`${sitePath(siteId)}/sessions/${enc(sessionId)}/cancel`, input);
}

export interface CsvImportResult {
  matched: {
    patientId: string;
    givenName: string;
    familyName: string;
    name: string;
    email: string | null;
    minutes: number;
  }[];
  unmatched: { name: string; email: string | null; minutes: number }[];
  problems: { line: number; message: string }[];
}

export function importParticipantCsv(siteId: string, sessionId: string, csv: string) {
  return api.post<CsvImportResult>(`${sitePath(siteId)}/sessions/${enc(sessionId)}/attendance/import`, {
    csv,
  });
}
