/** Every query key of measurement-based care; the mutations in measurement-api.ts invalidate these. */
export const measurementKeys = {
  schedules: (siteId: string | undefined) => ['measurement', 'schedules', siteId] as const,
  /** Every page of every site's due list: a new result can take an item off any of them. */
  due: ['measurement', 'due'] as const,
  duePage: (siteId: string | undefined, page: number) => [...measurementKeys.due, siteId, page] as const,
  outcomes: (siteId: string | undefined) => ['measurement', 'outcomes', siteId] as const,
  results: (patientId: string) => ['patients', patientId, 'instrument-results'] as const,
  patientTasks: (patientId: string) => ['patients', patientId, 'urgent-tasks'] as const,
  myTasks: ['me', 'urgent-tasks'] as const,
  portalInstruments: ['portal', 'instruments'] as const,
};
