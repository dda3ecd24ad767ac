/** Every query key of ASAM assessments in one place; useCreateAssessment invalidates these. */
export const assessmentKeys = {
  patient: (patientId: string) => ['assessments', patientId] as const,
};
