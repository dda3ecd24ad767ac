import type { z } from '@hono/zod-openapi';
import type { AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { staleVersion } from '../platform/http/versioning';
import { checkAgeRules } from './age-rules';
import type { UpdatePatientRequest } from './patients.schema';
import { getPatient, updatePatient } from './patients.store';

/**
 * Changes a patient's demographics at the version read (409 naming the current one when stale); a new date
 * of birth or guardian is checked against the age rules with what is kept.
 */
export async function updateDemographics(
  tx: Tx,
  input: {
    patientId: string;
    changes: z.infer<typeof UpdatePatientRequest>;
    version: number;
    now: Date;
    audit: AuditWrite;
  },
) {
  const { patientId, changes, now } = input;
  const read = async () => {
    const current = await getPatient(tx, patientId);
    if (!current) throw AppError.notFound('The patient');
    return current;
  };
  if (changes.dateOfBirth !== undefined || changes.guardianContact !== undefined) {
    const current = await read();
    await checkAgeRules(tx, current.siteId, now, {
      dateOfBirth: changes.dateOfBirth ?? current.dateOfBirth,
      guardianContact:
        changes.guardianContact === undefined ? current.guardianContact : changes.guardianContact,
    });
  }
  if (!(await updatePatient(tx, patientId, input.version, changes, now))) {
    throw staleVersion((await read()).version);
  }
  await input.audit('patient.update', 'patient', patientId, { fields: Object.keys(changes).sort() });
  return read();
}
