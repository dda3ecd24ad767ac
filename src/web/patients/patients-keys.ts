/** Every query key of patient records in one place. */
export const patientKeys = {
  /** Every page and search of every site's patient list: a new patient can appear on any of them. */
  census: ['census'] as const,
  censusPage: (siteId: string | undefined, q: string, page: number) =>
    [...patientKeys.census, siteId, q, page] as const,
  detail: (patientId: string) => ['patient', patientId] as const,
};
