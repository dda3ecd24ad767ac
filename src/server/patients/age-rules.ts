import { Temporal } from 'temporal-polyfill';
import { guardianContactFieldErrors } from '../../domain/episodes/age-rules';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { siteToday } from '../sites';

/** Date of birth not in the future, and a reachable guardian for a patient under 18 (domain age rules). */
export async function checkAgeRules(
  tx: Tx,
  siteId: string,
  now: Date,
  p: {
    dateOfBirth: string;
    guardianContact?: { name: string; phone?: string | null; email?: string | null } | null;
  },
) {
  const today = await siteToday(tx, siteId, now);
  const fields = guardianContactFieldErrors(
    { dateOfBirth: Temporal.PlainDate.from(p.dateOfBirth), guardianContact: p.guardianContact ?? null },
    today,
  );
  if (fields.length > 0) throw AppError.validation(fields);
}
