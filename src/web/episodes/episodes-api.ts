import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, type Page, withQuery } from '../shared/api-client';
import { episodeKeys } from './episodes-keys';

export interface LevelChange {
  id: string;
  fromLevel: string | null;
  toLevel: string;
  direction: 'admission' | 'step-up' | 'step-down' | 'lateral';
  effectiveOn: string;
  reason: string;
  assessmentId: string | null;
  changedBy: string;
  createdAt: string;
}

export interface Diagnosis {
  id: string;
  code: string;
  description: string;
  kind: string;
  primary: boolean;
  createdAt: string;
}

export interface Episode {
  id: string;
  patientId: string;
  siteId: string;
  programId: string;
  programName: string;
  status: string;
  /** The statuses this episode may move to next (discharged only through the discharge route). */
  allowedMoves: string[];
  edition: 3 | 4;
  level: string;
  admittedOn: string | null;
  dischargedOn: string | null;
  referralId: string | null;
  primaryClinicianId: string | null;
  careTeam: string[];
  version: number;
  createdAt: string;
  /** Oldest first: the admission level, then every step up or down. */
  levelHistory: LevelChange[];
  /** Absent for a role that may not read diagnoses (front desk): the server leaves them out. */
  diagnoses?: Diagnosis[];
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
  /** As shown on a roster (LPC, LCSW, MD). */
  credentials: string | null;
  /** May facilitate group therapy. */
  licensed: boolean;
}

export interface NewEpisode {
  programId: string;
  edition: 3 | 4;
  level: string;
  status?: 'referred' | 'screening' | 'admitted';
  admittedOn?: string;
  referralId?: string | null;
  assessmentId?: string | null;
  primaryClinicianId?: string | null;
  careTeam?: string[];
}

const episodesPath = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/episodes`;
const episodePath = (episode: Episode) =>
  `${episodesPath(episode.patientId)}/${encodeURIComponent(episode.id)}`;

/** The open episode (not discharged), if any: one per patient per program, and the chart shows the first. */
export function openEpisode(episodes: Episode[] | undefined): Episode | undefined {
  return episodes?.find((episode) => episode.status !== 'discharged');
}

/** The patient's episodes key, as programs/ invalidates it after a target step (see episodes-keys.ts). */
export const episodesQueryKey = episodeKeys.patient;

/** The patient's episodes, newest first. */
export function useEpisodes(patientId: string) {
  return useQuery({
    queryKey: episodeKeys.patient(patientId),
    queryFn: ({ signal }) => api.get<{ items: Episode[] }>(episodesPath(patientId), { signal }),
  });
}

/** The site's active staff, for the primary clinician, care team and responsible-staff pickers. */
export function useSiteStaff(siteId: string | undefined) {
  return useQuery({
    queryKey: episodeKeys.siteStaff(siteId),
    queryFn: ({ signal }) =>
      api.get<{ items: StaffMember[] }>(`/api/sites/${encodeURIComponent(siteId ?? '')}/staff`, { signal }),
    enabled: Boolean(siteId),
    staleTime: 5 * 60_000,
  });
}

/** One row of the site's episode census: the episode with its patient, program and primary clinician. */
export interface EpisodeCensusRow {
  episodeId: string;
  patientId: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  mrn: string;
  programId: string;
  programName: string;
  status: string;
  level: string;
  admittedOn: string | null;
  primaryClinicianId: string | null;
  primaryClinicianName: string | null;
}

/** Empty filters are left out so the server applies its defaults (status `open`: everything but discharged). */
export interface EpisodeCensusFilter {
  programId: string;
  level: string;
  status: string;
  clinicianId: string;
}

export const EPISODE_CENSUS_PAGE_SIZE = 25;

export function useEpisodeCensus(siteId: string | undefined, filter: EpisodeCensusFilter, page: number) {
  return useQuery({
    queryKey: episodeKeys.censusPage(siteId, filter, page),
    queryFn: ({ signal }) =>
      api.get<Page<EpisodeCensusRow>>(
        withQuery(`/api/sites/${encodeURIComponent(siteId ?? '')}/episodes`, {
          ...filter,
          page,
          pageSize: EPISODE_CENSUS_PAGE_SIZE,
        }),
        { signal },
      ),
    enabled: Boolean(siteId),
    // Keep the old page on screen while the next one loads, so the table does not jump.
    placeholderData: (previous) => previous,
  });
}

export function admit(patientId: string, episode: NewEpisode) {
  return api.create<Episode>(episodesPath(patientId), episode);
}

export function changeStatus(episode: Episode, status: string) {
  return api.post<Episode>(`${episodePath(episode)}/status`, { status }, ifMatch(episode.version));
}

export function changeLevel(
  episode: Episode,
  change: { toLevel: string; effectiveOn: string; reason: string; assessmentId: string | null },
) {
  return api.post<Episode>(`${episodePath(episode)}/level-changes`, change, ifMatch(episode.version));
}

export function addDiagnosis(
  episode: Episode,
  diagnosis: { code: string; description: string; kind: string; primary: boolean },
) {
  return api.post<Diagnosis>(`${episodePath(episode)}/diagnoses`, diagnosis);
}

export function updateCareTeam(
  episode: Episode,
  change: { primaryClinicianId?: string | null; careTeam?: string[] },
) {
  return api.patch<Episode>(episodePath(episode), change, ifMatch(episode.version));
}

/** Every change to an episode refreshes the patient's episodes and the episode census (its rows and filters). */
function useEpisodeMutation<Input, Output>(patientId: string, mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: episodeKeys.patient(patientId) }),
        queryClient.invalidateQueries({ queryKey: episodeKeys.census }),
      ]);
    },
  });
}

export const useAdmit = (patientId: string) =>
  useEpisodeMutation(patientId, (episode: NewEpisode) => admit(patientId, episode));

export const useChangeStatus = (episode: Episode) =>
  useEpisodeMutation(episode.patientId, (status: string) => changeStatus(episode, status));

export const useChangeLevel = (episode: Episode) =>
  useEpisodeMutation(episode.patientId, (change: Parameters<typeof changeLevel>[1]) =>
    changeLevel(episode, change),
  );

export const useAddDiagnosis = (episode: Episode) =>
  useEpisodeMutation(episode.patientId, (diagnosis: Parameters<typeof addDiagnosis>[1]) =>
    addDiagnosis(episode, diagnosis),
  );

export const useUpdateCareTeam = (episode: Episode) =>
  useEpisodeMutation(episode.patientId, (change: Parameters<typeof updateCareTeam>[1]) =>
    updateCareTeam(episode, change),
  );
