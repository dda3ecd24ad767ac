import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { appendAudit } from '../platform/audit/audit';
import { AppError } from '../platform/errors';
import type { AppEnv, Principal } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { idempotent } from '../platform/http/idempotency';
import { checkAgeRules } from './age-rules';
import { patientJson } from './patient-json';
import type { CreatePatientRequest, Patient } from './patients.schema';
import { findSameNameAndBirth, getPatient, insertPatient, lockNameAndBirth, nextMrn } from './patients.store';

type Match = { id: string; mrn: string; siteId: string };

class DuplicateFound extends Error {
  constructor(readonly same: Match[]) {
    super('possible duplicate');
  }
}

/**
 * The duplicate check's answer. A match the caller may open is named (link to that chart); a match only at
 * another site is not: its id or MRN would disclose that a person is a patient there (minimum necessary,
 * HIPAA 164.502(b); 42 CFR 2.13), so the caller is told to ask a director. Either way the probe is audited in
 * its own transaction, since the create's transaction rolls back with the 409.
 */
async function possibleDuplicate(
  c: Context<AppEnv>,
  p: Principal,
  siteId: string,
  same: Match[],
): Promise<AppError> {
  const { db, now } = c.var.deps;
  const visible = same.filter((m) => p.siteIds.includes(m.siteId));
  await db.tx((tx) =>
    appendAudit(
      tx,
      auditActor(c),
      [
        {
          action: 'patient.duplicate_check',
          entity: 'patient',
          entityId: null,
          siteId,
          outcome: 'denied',
          detail: {
            matches: same.length,
            atOtherSites: same.length - visible.length,
            shownPatientIds: visible.map((m) => m.id),
          },
        },
      ],
      now(),
    ),
  );
  if (visible.length > 0) {
    // No silent duplicate: the caller links to the existing chart, or confirms this is someone else.
    return AppError.conflict(
      'A patient with this name and date of birth already exists. Open that chart, or confirm this is a different person (confirmNotDuplicate).',
      'possible_duplicate',
      { existing: visible.map((m) => ({ id: m.id, mrn: m.mrn })) },
    );
  }
  return AppError.conflict(
    'A possible match exists at another site; ask a director before registering this person. If you are sure this is someone else, confirm it (confirmNotDuplicate).',
    'possible_duplicate_elsewhere',
  );
}

/**
 * Registers a patient at a site, with the next MRN of the organization, once per Idempotency-Key. A person
 * with the same name and date of birth is refused (409) unless the caller confirms another person; the
 * refusal is audited after the create's transaction has rolled back (the embedded store runs one at a time).
 */
export async function registerPatient(
  c: Context<AppEnv>,
  p: Principal,
  siteId: string,
  body: z.infer<typeof CreatePatientRequest>,
): Promise<z.infer<typeof Patient>> {
  const { db, now } = c.var.deps;
  const { confirmNotDuplicate, ...fields } = body;
  const answer = await db
    .tx((tx) =>
      idempotent(c, tx, body, async () => {
        const at = now();
        await checkAgeRules(tx, siteId, at, fields);
        // One create at a time per name and birth date in the organization, so two identical creates
        // cannot both miss each other's patient (both stores: the lock ends with the transaction).
        await lockNameAndBirth(tx, p.organizationId, fields);
        if (!confirmNotDuplicate) {
          const same = await findSameNameAndBirth(tx, p.organizationId, fields);
          if (same.length > 0) throw new DuplicateFound(same);
        }
        const mrn = await nextMrn(tx, p.organizationId);
        const id = await insertPatient(tx, {
          ...fields,
          organizationId: p.organizationId,
          siteId,
          mrn,
          createdAt: at,
          updatedAt: at,
        });
        await appendAudit(
          tx,
          auditActor(c),
          [{ action: 'patient.create', entity: 'patient', entityId: id, patientId: id, siteId }],
          at,
        );
        const created = await getPatient(tx, id);
        if (!created) throw AppError.notFound('The patient');
        return { status: 201 as const, body: patientJson(created) };
      }),
    )
    .catch(async (err: unknown) => {
      if (err instanceof DuplicateFound) throw await possibleDuplicate(c, p, siteId, err.same);
      throw err;
    });
  return answer.body;
}
