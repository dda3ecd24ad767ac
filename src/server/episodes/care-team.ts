import type { Tx } from '../platform/db/database';
import { AppError, type FieldError } from '../platform/errors';
import { staffOfSite } from './episodes.store';

/** The primary clinician and care team must be active staff of the patient's site (422 naming each other). */
export async function checkCareTeam(
  tx: Tx,
  scope: { organizationId: string; siteId: string },
  body: { primaryClinicianId?: string | null; careTeam?: string[] },
) {
  const ids = [...(body.primaryClinicianId ? [body.primaryClinicianId] : []), ...(body.careTeam ?? [])];
  const known = new Set(await staffOfSite(tx, scope.organizationId, scope.siteId, [...new Set(ids)]));
  const fields: FieldError[] = [];
  if (body.primaryClinicianId && !known.has(body.primaryClinicianId)) {
    fields.push({ path: 'primaryClinicianId', message: "Not a staff member of the patient's site." });
  }
  (body.careTeam ?? []).forEach((id, i) => {
    if (!known.has(id))
      fields.push({ path: `careTeam.${i}`, message: "Not a staff member of the patient's site." });
  });
  if (fields.length > 0) throw AppError.validation(fields);
}
