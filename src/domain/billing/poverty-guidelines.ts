/**
 * HHS poverty guidelines (100 %), by year and area, as published each January in the Federal Register:
 * 2025 — 90 FR 5917 (January 17, 2025); 2026 — 91 FR 1797 (January 15, 2026), ASPE's table at
 * aspe.hhs.gov/poverty-guidelines. A household of n persons: `firstPerson + (n − 1) × eachAdditional`
 * (the published tables are exactly this for 1–8 persons, and say to add `eachAdditional` beyond 8).
 * Add a year here when HHS publishes it; a fee schedule names the year it uses.
 */
export type PovertyArea = 'contiguous' | 'alaska' | 'hawaii';

export type PovertyGuideline = { readonly firstPerson: number; readonly eachAdditional: number };

export const POVERTY_GUIDELINES: Readonly<Record<number, Readonly<Record<PovertyArea, PovertyGuideline>>>> = {
  2025: {
    contiguous: { firstPerson: 15_650, eachAdditional: 5_500 },
    alaska: { firstPerson: 19_550, eachAdditional: 6_880 },
    hawaii: { firstPerson: 17_990, eachAdditional: 6_330 },
  },
  2026: {
    contiguous: { firstPerson: 15_960, eachAdditional: 5_680 },
    alaska: { firstPerson: 19_950, eachAdditional: 7_100 },
    hawaii: { firstPerson: 18_360, eachAdditional: 6_530 },
  },
};
