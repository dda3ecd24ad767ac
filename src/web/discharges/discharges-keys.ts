/** Every query key of discharges in one place; useDischargeEpisode writes and invalidates these. */
export const dischargeKeys = {
  episode: (episodeId: string) => ['discharge', episodeId] as const,
  /** The patient's own latest aftercare plan, in the portal. */
  myAftercare: ['portal-aftercare'] as const,
};
