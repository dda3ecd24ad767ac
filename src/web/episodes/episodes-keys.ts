/*
 * Every query key of episodes in one place: a read uses these, and the mutation hook that changes the data
 * (episodes-api.ts) invalidates the same key.
 */
export const episodeKeys = {
  /** The patient's episodes, with level history, diagnoses and care team. */
  patient: (patientId: string) => ['episodes', patientId] as const,
  /** Every page of every site's episode census: an admission or a status change moves rows in and out. */
  census: ['episode-census'] as const,
  censusPage: (siteId: string | undefined, filter: object, page: number) =>
    [...episodeKeys.census, siteId, filter, page] as const,
  /** The site's active staff (the pickers for primary clinician, care team, responsible staff). */
  siteStaff: (siteId: string | undefined) => ['staff', siteId] as const,
};
