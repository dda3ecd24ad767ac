import type { z } from '@hono/zod-openapi';
import type { AuditEvent, AuditWrite } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { checkAgeRules } from './age-rules';
import { patientJson } from './patient-json';
import type { CreatePatientRequest } from './patients.schema';
import { findSameNameAndBirth, getPatient, insertPatient, lockNameAndBirth, nextMrn } from './patients.store';

type Match = { id: string; mrn: string; siteId: string };

/**
 * The duplicate check's answer. A match the caller may open is named (link to that chart); a match only at
 * another site is not: its id or MRN would disclose that a person is a patient there (minimum necessary,
 * HIPAA 164.502(b); 42 CFR 2.13), so the caller is told to ask a director.
 */
export class PossibleDuplicate extends AppError {
  readonly same: Match[];
  readonly visible: Match[];

  constructor(same: Match[], visible: Match[]) {
    super(
      409,
      visible.length > 0 ? 'possible_duplicate' : 'possible_duplicate_elsewhere',
      visible.length > 0
        ? // No silent duplicate: the caller links to the existing chart, or confirms this is someone else.
          'A patient with this name and date of birth already exists. Open that chart, or confirm this is a different person (confirmNotDuplicate).'
        : 'A possible match exists at another site; ask a director before registering this person. If you are sure this is someone else, confirm it (confirmNotDuplicate).',
      [],
      visible.length > 0 ? { existing: visible.map((m) => ({ id: m.id, mrn: m.mrn })) } : {},
    );
    this.same = same;
    this.visible = visible;
  }
}

/**
 * The probe is audited in a transaction of its own, after the create's has rolled back with the 409 (the
 * embedded store runs one transaction at a time); any other failure leaves nothing.
 */
export async function auditDuplicateCheck(audit: AuditWrite, error: unknown) {
  if (!(error instanceof PossibleDuplicate)) return;
  const { same, visible } = error;
  await audit(
    'patient.duplicate_check',
    'patient',
    null,
    {
      matches: same.length,
      atOtherSites: same.length - visible.length,
      shownPatientIds: visible.map((m) => m.id),
    },
    'denied',
  );
}

/**
 * Registers a patient at a site with the organization's next MRN. A person with the same name and date of
 * birth is refused (409 PossibleDuplicate) unless the caller confirms it is someone else.
 */
export async function registerPatient(
  tx: Tx,
  input: {
    siteId: string;
    actor: { organizationId: string; siteIds: string[] };
    request: z.infer<typeof CreatePatientRequest>;
    now: Date;
    auditEach: (events: AuditEvent[]) => Promise<void>;
  },
) {
  const { siteId, actor, now } = input;
  const { confirmNotDuplicate, ...fields } = input.request;
  await checkAgeRules(tx, siteId, now, fields);
  // One create at a time per name and birth date in the organization, so two identical creates cannot both
  // miss each other's patient (both stores: the lock ends with the transaction).
  await lockNameAndBirth(tx, actor.organizationId, fields);
  if (!confirmNotDuplicate) {
    const same = await findSameNameAndBirth(tx, actor.organizationId, fields);
    if (same.length > 0) {
      throw new PossibleDuplicate(
        same,
        same.filter((m) => actor.siteIds.includes(m.siteId)),
      );
    }
  }
  const mrn = await nextMrn(tx, actor.organizationId);
  const id = await insertPatient(tx, {
    ...fields,
    organizationId: actor.organizationId,
    siteId,
    mrn,
    createdAt: now,
    updatedAt: now,
  });
  await input.auditEach([
    { action: 'patient.create', entity: 'patient', entityId: id, patientId: id, siteId },
  ]);
  const created = await getPatient(tx, id);
  if (!created) throw AppError.notFound('The patient');
  return patientJson(created);
}
