/*
 * Every query key of program operations, in one place: a read uses these, and the mutation that changes the
 * data invalidates the same key (programs-mutations.ts), so no save refreshes a key nobody reads.
 */
export const programKeys = {
  settings: (siteId: string | undefined) => ['programs', 'settings', siteId] as const,
  tracks: (programId: string | undefined) => ['programs', programId, 'tracks'] as const,
  /** Every session list of the program (any range): what a new or cancelled session changes. */
  sessions: (programId: string | undefined) => ['programs', programId, 'sessions'] as const,
  sessionRange: (programId: string | undefined, from: string, to: string) =>
    [...programKeys.sessions(programId), from, to] as const,
  /** Every week's at-risk list of the program. */
  atRisk: (programId: string | undefined) => ['programs', programId, 'at-risk'] as const,
  atRiskWeek: (programId: string | undefined, week: string) =>
    [...programKeys.atRisk(programId), week] as const,
  roster: (sessionId: string) => ['sessions', sessionId, 'roster'] as const,
  curriculum: (trackId: string | undefined) => ['tracks', trackId, 'curriculum'] as const,
};

/** A patient's side of program operations: enrolments, the weekly dose, curriculum topics. */
export const patientProgramKeys = {
  enrolments: (patientId: string | undefined) => ['patients', patientId, 'enrolments'] as const,
  /** Every week of the patient's dose (the chart's dose tab asks for several at once). */
  dose: (patientId: string | undefined) => ['patients', patientId, 'dose'] as const,
  doseWeeks: (patientId: string | undefined, weeks: string[]) =>
    [...patientProgramKeys.dose(patientId), weeks] as const,
  topics: (patientId: string | undefined) => ['patients', patientId, 'topics'] as const,
};

export const portalSessionKeys = { mine: ['portal', 'sessions'] as const };
