import type { AuditWrite } from './audit/audit';

/**
 * What a use case that writes a patient's record is given by its caller: the patient and the site their
 * record belongs to, who acts, the request's moment and the audit writer of the same transaction. A patient
 * route's context fits it as it is; a background job builds its own.
 */
export type ActingOnPatient = {
  patient: { id: string; siteId: string };
  actor: { organizationId: string; userId: string };
  now: Date;
  audit: AuditWrite;
};

/** The owner and authorship columns of a new patient record written by such a use case. */
export function newPatientRecordColumns(input: ActingOnPatient) {
  return {
    organizationId: input.actor.organizationId,
    siteId: input.patient.siteId,
    patientId: input.patient.id,
    createdBy: input.actor.userId,
    createdAt: input.now,
    updatedAt: input.now,
  };
}
