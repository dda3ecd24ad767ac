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
