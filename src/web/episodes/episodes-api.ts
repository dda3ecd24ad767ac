import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EpisodeStatus } from '../../domain/episodes/episode-status';
import type { AsamEdition } from '../../domain/placement/levels-of-care';
import { answer, client, idempotent, ifMatch, type Schema } from '../shared/api/client';
import type { paths } from '../shared/api/openapi';
import { episodeKeys } from './episodes-keys';

/** The schema says `number`; the server stores only ASAM editions 3 and 4 (isAsamEdition), so say so here. */
export type Episode = Omit<Schema<'Episode'>, 'edition'> & { edition: AsamEdition };
export type LevelChange = Schema<'LevelOfCareChange'>;
export type Diagnosis = Schema<'Diagnosis'>;
export type NewEpisode = Schema<'CreateEpisode'>;
export type StaffMember = Schema<'StaffList'>['items'][number];
/** One row of the site's episode census: the episode with its patient, program and primary clinician. */
export type EpisodeCensusRow = Schema<'EpisodeCensusPage'>['items'][number];

/** The open episode (not discharged), if any: one per patient per program, and the chart shows the first. */
export function openEpisode(episodes: Episode[] | undefined): Episode | undefined {
  return episodes?.find((episode) => episode.status !== 'discharged');
}

/** The patient's episodes key, as programs/ invalidates it after a target step (see episodes-keys.ts). */
export const episodesQueryKey = episodeKeys.patient;

const onePatient = (patientId: string) => ({ params: { path: { patientId } } });
const oneEpisode = (episode: Pick<Episode, 'id' | 'patientId'>) => ({
  params: { path: { patientId: episode.patientId, episodeId: episode.id } },
});

/** The patient's episodes, newest first. */
export function useEpisodes(patientId: string) {
  return useQuery({
    queryKey: episodeKeys.patient(patientId),
    queryFn: async ({ signal }) =>
      (await answer(
        client.GET('/api/patients/{patientId}/episodes', { ...onePatient(patientId), signal }),
      )) as {
        items: Episode[];
      },
  });
}

/** The site's active staff, for the primary clinician, care team and responsible-staff pickers. */
export function useSiteStaff(siteId: string | undefined) {
  return useQuery({
    queryKey: episodeKeys.siteStaff(siteId),
    queryFn: ({ signal }) =>
      answer(client.GET('/api/sites/{siteId}/staff', { params: { path: { siteId: siteId ?? '' } }, signal })),
    enabled: Boolean(siteId),
    staleTime: 5 * 60_000,
  });
}

/** The census filters as the page holds them: an empty one means "any" (status: open, everything but discharged). */
export interface EpisodeCensusFilter {
  programId: string;
  level: string;
  status: string;
  clinicianId: string;
}

type CensusQuery = paths['/api/sites/{siteId}/episodes']['get']['parameters']['query'];

/** Empty filters are left out so the server applies its defaults. */
function censusQuery(filter: EpisodeCensusFilter, page: number): CensusQuery {
  const query: Record<string, string | number> = { page, pageSize: EPISODE_CENSUS_PAGE_SIZE };
  for (const [name, value] of Object.entries(filter)) if (value) query[name] = value;
  return query as CensusQuery;
}

export const EPISODE_CENSUS_PAGE_SIZE = 25;

export function useEpisodeCensus(siteId: string | undefined, filter: EpisodeCensusFilter, page: number) {
  return useQuery({
    queryKey: episodeKeys.censusPage(siteId, filter, page),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/sites/{siteId}/episodes', {
          params: { path: { siteId: siteId ?? '' }, query: censusQuery(filter, page) },
          signal,
        }),
      ),
    enabled: Boolean(siteId),
    // Keep the old page on screen while the next one loads, so the table does not jump.
    placeholderData: (previous) => previous,
  });
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

/** Admission makes the episode: a retry of the same admission reuses its Idempotency-Key. */
export const useAdmit = (patientId: string) =>
  useEpisodeMutation(patientId, (body: NewEpisode) =>
    answer(
      client.POST('/api/patients/{patientId}/episodes', { ...onePatient(patientId), body, ...idempotent() }),
    ),
  );

/** Status, level and care team need the episode's version: a change on a stale screen answers 409. */
export const useChangeStatus = (episode: Episode) =>
  useEpisodeMutation(episode.patientId, (status: EpisodeStatus) =>
    answer(
      client.POST('/api/patients/{patientId}/episodes/{episodeId}/status', {
        ...oneEpisode(episode),
        body: { status },
        ...ifMatch(episode.version),
      }),
    ),
  );

export const useChangeLevel = (episode: Episode) =>
  useEpisodeMutation(episode.patientId, (body: Schema<'ChangeLevelOfCare'>) =>
    answer(
      client.POST('/api/patients/{patientId}/episodes/{episodeId}/level-changes', {
        ...oneEpisode(episode),
        body,
        ...ifMatch(episode.version),
      }),
    ),
  );

export const useAddDiagnosis = (episode: Episode) =>
  useEpisodeMutation(episode.patientId, (body: Schema<'AddDiagnosis'>) =>
    answer(
      client.POST('/api/patients/{patientId}/episodes/{episodeId}/diagnoses', {
        ...oneEpisode(episode),
        body,
      }),
    ),
  );

export const useUpdateCareTeam = (episode: Episode) =>
  useEpisodeMutation(episode.patientId, (body: Schema<'UpdateEpisode'>) =>
    answer(
      client.PATCH('/api/patients/{patientId}/episodes/{episodeId}', {
        ...oneEpisode(episode),
        body,
        ...ifMatch(episode.version),
      }),
    ),
  );
