import { useQuery } from '@tanstack/react-query';
import { answer, client, idempotent, ifMatch, type Schema } from '../shared/api/client';
import { patientProgramKeys, portalSessionKeys, programKeys } from './programs-keys';

// Program operations: programs with their hour band, tracks with a recurring schedule, sessions, enrolments,
// attendance and the weekly dose. Types are the server's schemas, from shared/api/openapi.d.ts (npm run api:types)
// through the generated contract; the mutations that change them live in programs-mutations.ts.

export type ProgramSettings = Schema<'ProgramSettings'>;
export type HourBand = ProgramSettings['band'];
export type Track = Schema<'Track'>;
export type NewTrack = Schema<'CreateTrack'>;
export type TrackKind = Track['timeOfDay'];
export type TrackModality = Track['modality'];
export type ProgramSession = Schema<'ProgramSession'>;
export type SessionType = ProgramSession['sessionType'];
export type NewSchedule = Schema<'CreateSchedule'>;
export type NewSession = Schema<'CreateSession'>;
export type Roster = Schema<'SessionRoster'>;
export type RosterRow = Roster['members'][number];
export type AttendanceStatus = NonNullable<RosterRow['attendance']>['status'];
export type AttendanceEntry = Schema<'SaveAttendance'>['rows'][number];
export type MemberWeek = Schema<'PatientDose'>['items'][number];
export type Dose = MemberWeek['dose'];
export type DoseStatus = Dose['status'];
export type AtRiskList = Schema<'AtRiskList'>;
export type AtRiskMember = AtRiskList['items'][number];
export type MakeUpSession = NonNullable<AtRiskMember['makeUp']>['sessions'][number];
export type Enrolment = Schema<'Enrolment'>;
export type TargetStep = Enrolment['targetSteps'][number];
export type Curriculum = Schema<'Curriculum'>;
export type MemberTopics = Schema<'MemberTopics'>;
export type TopicStatus = MemberTopics['items'][number]['topics'][number]['status'];
export type PortalSessions = Schema<'PortalSessions'>;
export type PortalSession = PortalSessions['items'][number];
export type CsvImportResult = Schema<'AttendanceCsvImportResult'>;
export type CancelReason = Schema<'CancelSession'>['reason'];

const site = (siteId: string | undefined) => ({ siteId: siteId ?? '' });
const program = (siteId: string | undefined, programId: string | undefined) => ({
  siteId: siteId ?? '',
  programId: programId ?? '',
});

/** The site's programs, each with its settings (week start, zone, band): one call for the list, one per program. */
export function useProgramSettings(siteId: string | undefined) {
  return useQuery({
    queryKey: programKeys.settings(siteId),
    queryFn: async ({ signal }) => {
      const list = await answer(
        client.GET('/api/sites/{siteId}/programs', { params: { path: site(siteId) }, signal }),
      );
      const items = await Promise.all(
        list.items.map((p) =>
          answer(
            client.GET('/api/sites/{siteId}/programs/{programId}/settings', {
              params: { path: program(siteId, p.id) },
              signal,
            }),
          ),
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
  settings: Schema<'SaveProgramSettings'>,
) {
  return answer(
    client.PUT('/api/sites/{siteId}/programs/{programId}/settings', {
      params: { path: { siteId, programId } },
      body: settings,
      ...ifMatch(version),
    }),
  );
}

export function useTracks(siteId: string | undefined, programId: string | undefined) {
  return useQuery({
    queryKey: programKeys.tracks(programId),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/sites/{siteId}/programs/{programId}/tracks', {
          params: { path: program(siteId, programId) },
          signal,
        }),
      ),
    enabled: Boolean(siteId && programId),
  });
}

export function createTrack(siteId: string, programId: string, track: NewTrack) {
  return answer(
    client.POST('/api/sites/{siteId}/programs/{programId}/tracks', {
      params: { path: { siteId, programId } },
      body: track,
      ...idempotent(),
    }),
  );
}

export function createSchedule(siteId: string, trackId: string, schedule: NewSchedule) {
  return answer(
    client.POST('/api/sites/{siteId}/tracks/{trackId}/schedules', {
      params: { path: { siteId, trackId } },
      body: schedule,
      ...idempotent(),
    }),
  );
}

/** A one-off session: a retry of the same submit reuses its Idempotency-Key, so it never adds two. */
export function createSession(siteId: string, programId: string, session: NewSession) {
  return answer(
    client.POST('/api/sites/{siteId}/programs/{programId}/sessions', {
      params: { path: { siteId, programId } },
      body: session,
      ...idempotent(),
    }),
  );
}

/** The program's sessions between two local days, outside a query (e.g. to name a conflicting session). */
export function fetchSessions(
  siteId: string,
  programId: string,
  from: string,
  to: string,
  signal?: AbortSignal,
) {
  return answer(
    client.GET('/api/sites/{siteId}/programs/{programId}/sessions', {
      params: { path: { siteId, programId }, query: { from, to } },
      signal,
    }),
  );
}

export function useSessions(
  siteId: string | undefined,
  programId: string | undefined,
  from: string,
  to: string,
) {
  return useQuery({
    queryKey: programKeys.sessionRange(programId, from, to),
    queryFn: ({ signal }) => fetchSessions(siteId ?? '', programId ?? '', from, to, signal),
    enabled: Boolean(siteId && programId),
  });
}

export function useRoster(siteId: string | undefined, sessionId: string) {
  return useQuery({
    queryKey: programKeys.roster(sessionId),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/sites/{siteId}/sessions/{sessionId}/attendance', {
          params: { path: { siteId: siteId ?? '', sessionId } },
          signal,
        }),
      ),
    enabled: Boolean(siteId),
  });
}

/** Saves the roster read at `version`; a 409 version_conflict means another save came first. */
export function saveRoster(siteId: string, sessionId: string, version: number, rows: AttendanceEntry[]) {
  return answer(
    client.PUT('/api/sites/{siteId}/sessions/{sessionId}/attendance', {
      params: { path: { siteId, sessionId } },
      body: { rows },
      ...ifMatch(version),
    }),
  );
}

export function enrol(patientId: string, input: Schema<'CreateEnrolment'>) {
  return answer(
    client.POST('/api/patients/{patientId}/enrolments', {
      params: { path: { patientId } },
      body: input,
      ...idempotent(),
    }),
  );
}

export function useEnrolments(patientId: string | undefined) {
  return useQuery({
    queryKey: patientProgramKeys.enrolments(patientId),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/patients/{patientId}/enrolments', {
          params: { path: { patientId: patientId ?? '' } },
          signal,
        }),
      ),
    enabled: Boolean(patientId),
  });
}

/** The patient's dose for each of `weeks` (any day of each week), oldest first. */
export function usePatientDose(patientId: string | undefined, weeks: string[]) {
  return useQuery({
    queryKey: patientProgramKeys.doseWeeks(patientId, weeks),
    queryFn: async ({ signal }) => {
      const answers = await Promise.all(
        weeks.map((week) =>
          answer(
            client.GET('/api/patients/{patientId}/dose', {
              params: { path: { patientId: patientId ?? '' }, query: { week } },
              signal,
            }),
          ),
        ),
      );
      return answers.flatMap((page) => page.items);
    },
    enabled: Boolean(patientId) && weeks.length > 0,
  });
}

export function useAtRisk(siteId: string | undefined, programId: string | undefined, week: string) {
  return useQuery({
    queryKey: programKeys.atRiskWeek(programId, week),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/sites/{siteId}/programs/{programId}/at-risk', {
          params: { path: program(siteId, programId), query: { week } },
          signal,
        }),
      ),
    enabled: Boolean(siteId && programId),
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: portalSessionKeys.mine,
    queryFn: ({ signal }) => answer(client.GET('/api/portal/sessions', { signal })),
  });
}

export function fetchCurriculum(siteId: string, trackId: string, signal?: AbortSignal) {
  return answer(
    client.GET('/api/sites/{siteId}/tracks/{trackId}/curriculum', {
      params: { path: { siteId, trackId } },
      signal,
    }),
  );
}

export function useCurriculum(siteId: string | undefined, trackId: string | undefined) {
  return useQuery({
    queryKey: programKeys.curriculum(trackId),
    queryFn: ({ signal }) => fetchCurriculum(siteId ?? '', trackId ?? '', signal),
    enabled: Boolean(siteId && trackId),
  });
}

export function saveCurriculum(
  siteId: string,
  trackId: string,
  version: number,
  topics: Schema<'SaveCurriculum'>['topics'],
) {
  return answer(
    client.PUT('/api/sites/{siteId}/tracks/{trackId}/curriculum', {
      params: { path: { siteId, trackId } },
      body: { topics },
      ...ifMatch(version),
    }),
  );
}

export function useMemberTopics(patientId: string | undefined) {
  return useQuery({
    queryKey: patientProgramKeys.topics(patientId),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/patients/{patientId}/topics', {
          params: { path: { patientId: patientId ?? '' } },
          signal,
        }),
      ),
    enabled: Boolean(patientId),
  });
}

export function saveTargetSteps(patientId: string, enrolment: Enrolment, targetSteps: TargetStep[]) {
  return answer(
    client.PUT('/api/patients/{patientId}/enrolments/{enrolmentId}/target-steps', {
      params: { path: { patientId, enrolmentId: enrolment.id } },
      body: { targetSteps },
      ...ifMatch(enrolment.version),
    }),
  );
}

export function cancelSession(siteId: string, sessionId: string, input: Schema<'CancelSession'>) {
  return answer(
    client.POST('/api/sites/{siteId}/sessions/{sessionId}/cancel', {
      params: { path: { siteId, sessionId } },
      body: input,
    }),
  );
}

export function importParticipantCsv(siteId: string, sessionId: string, csv: string) {
  return answer(
    client.POST('/api/sites/{siteId}/sessions/{sessionId}/attendance/import', {
      params: { path: { siteId, sessionId } },
      body: { csv },
    }),
  );
}
