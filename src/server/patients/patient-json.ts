import type { PatientView } from './patients.store';

export function patientJson(p: PatientView) {
  return { ...p, createdAt: p.createdAt.toISOString() };
}
