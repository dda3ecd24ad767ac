/** Every query key of treatment plans in one place; the mutation hooks in treatment-plans-api.ts use these. */
export const planKeys = {
  episode: (episodeId: string) => ['treatment-plan', episodeId] as const,
  history: (episodeId: string) => ['treatment-plan-history', episodeId] as const,
  /** Plans past their review date for the signed-in clinician. */
  overdueReviews: ['overdue-reviews'] as const,
  /** The patient's own current plan, in the portal. */
  mine: ['portal-treatment-plan'] as const,
};
