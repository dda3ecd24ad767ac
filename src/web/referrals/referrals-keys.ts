/** Every query key of referrals in one place; the mutation hooks in referrals-api.ts invalidate these. */
export const referralKeys = {
  /** The patient's referrals, newest first, each with its intake screens. */
  patient: (patientId: string) => ['referrals', patientId] as const,
  /** The site's programs: where a referral goes, and a filter of the episode census. */
  sitePrograms: (siteId: string | undefined) => ['programs', siteId] as const,
};
