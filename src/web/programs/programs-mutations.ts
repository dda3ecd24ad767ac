import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { episodesQueryKey } from '../episodes/episodes-api';
import {
  type AttendanceEntry,
  type CancelReason,
  cancelSession,
  type Enrolment,
  enrol,
  type ProgramSession,
  type ProgramSettings,
  type Roster,
  saveCurriculum,
  saveProgramSettings,
  saveRoster,
  saveTargetSteps,
  type TargetStep,
} from './programs-api';
import { patientProgramKeys, programKeys } from './programs-keys';

/*
 * The writes of program operations, each owning what it makes stale: a screen calls the hook and handles only
 * its own state (a message, a reset form) in `then`.
 */

type Then<T> = { onSuccess?: (answer: T) => void; onError?: (error: Error) => void | Promise<void> };

/** Attendance changes each member's dose and topics, and the program's at-risk list. */
export function afterAttendance(queryClient: QueryClient, programId: string, patientIds: string[]) {
  void queryClient.invalidateQueries({ queryKey: programKeys.atRisk(programId) });
  for (const patientId of patientIds) {
    void queryClient.invalidateQueries({ queryKey: patientProgramKeys.dose(patientId) });
    void queryClient.invalidateQueries({ queryKey: patientProgramKeys.topics(patientId) });
  }
}

/** The saved roster replaces the cached one; every member's dose (the chart's Dose tab) and topics go stale. */
export function afterRosterSaved(queryClient: QueryClient, roster: Roster) {
  queryClient.setQueryData(programKeys.roster(roster.session.id), roster);
  afterAttendance(
    queryClient,
    roster.session.programId,
    roster.members.map((member) => member.patientId),
  );
}

/** Saves a session's roster read at `version` (If-Match). */
export function useSaveRoster(siteId: string, sessionId: string, then: Then<Roster> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, rows }: { version: number; rows: AttendanceEntry[] }) =>
      saveRoster(siteId, sessionId, version, rows),
    onSuccess: (roster) => {
      afterRosterSaved(queryClient, roster);
      then.onSuccess?.(roster);
    },
    onError: then.onError,
  });
}

/** Cancels a session; its roster, the program's sessions and members' doses change with it. */
export function useCancelSession(siteId: string, sessionId: string, then: Then<ProgramSession> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { reason: CancelReason; note?: string }) => cancelSession(siteId, sessionId, input),
    onSuccess: (session) => {
      const roster = queryClient.getQueryData<Roster>(programKeys.roster(sessionId));
      void queryClient.invalidateQueries({ queryKey: programKeys.roster(sessionId) });
      void queryClient.invalidateQueries({ queryKey: programKeys.sessions(session.programId) });
      afterAttendance(queryClient, session.programId, roster?.members.map((m) => m.patientId) ?? []);
      then.onSuccess?.(session);
    },
    onError: then.onError,
  });
}

export interface EnrolInput {
  patientId: string;
  trackId: string;
  episodeId: string;
  startsOn: string;
  medicareCoverage?: boolean;
}

/** Enrols an episode in a track (rolling admission): the track's seats, the patient's enrolments and dose change. */
export function useEnrol(programId: string, then: Then<Enrolment> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ patientId, ...input }: EnrolInput) => enrol(patientId, input),
    onSuccess: (enrolment, { patientId }) => {
      void queryClient.invalidateQueries({ queryKey: programKeys.tracks(programId) });
      void queryClient.invalidateQueries({ queryKey: patientProgramKeys.enrolments(patientId) });
      void queryClient.invalidateQueries({ queryKey: patientProgramKeys.dose(patientId) });
      void queryClient.invalidateQueries({ queryKey: patientProgramKeys.topics(patientId) });
      void queryClient.invalidateQueries({ queryKey: programKeys.atRisk(programId) });
      then.onSuccess?.(enrolment);
    },
    onError: then.onError,
  });
}

type TargetStepsSaved = Awaited<ReturnType<typeof saveTargetSteps>>;

/** Weekly target steps: the enrolment, the episode's level history and the dose's target change. */
export function useSaveTargetSteps(
  patientId: string,
  enrolment: Enrolment,
  then: Then<TargetStepsSaved> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (steps: TargetStep[]) => saveTargetSteps(patientId, enrolment, steps),
    onSuccess: then.onSuccess,
    onError: then.onError,
    // Also after a refusal (409): the form then shows the enrolment as it now is.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: patientProgramKeys.enrolments(patientId) });
      void queryClient.invalidateQueries({ queryKey: episodesQueryKey(patientId) });
      void queryClient.invalidateQueries({ queryKey: patientProgramKeys.dose(patientId) });
    },
  });
}

/** Week start, zone and hour band: every program's settings and this program's at-risk list change. */
export function useSaveProgramSettings(siteId: string, program: ProgramSettings) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Parameters<typeof saveProgramSettings>[3]) =>
      saveProgramSettings(siteId, program.programId, program.version, settings),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.settings(siteId) });
      void queryClient.invalidateQueries({ queryKey: programKeys.atRisk(program.programId) });
    },
  });
}

/** A track's curriculum saved whole (If-Match); a refusal reloads it so the next try starts from the latest. */
export function useSaveCurriculum(siteId: string, trackId: string, then: Then<unknown> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, topics }: { version: number; topics: Parameters<typeof saveCurriculum>[3] }) =>
      saveCurriculum(siteId, trackId, version, topics),
    onSuccess: (curriculum) => {
      queryClient.setQueryData(programKeys.curriculum(trackId), curriculum);
      then.onSuccess?.(curriculum);
    },
    onError: (error) => {
      void queryClient.invalidateQueries({ queryKey: programKeys.curriculum(trackId) });
      return then.onError?.(error);
    },
  });
}
