import type { z } from '@hono/zod-openapi';
import type { Tx } from '../platform/db/database';
import { AppError, type FieldError } from '../platform/errors';
import type { StaffChangeRequest } from './staff.schema';
import { orgSiteIds, supervisionGraph } from './staff.store';
import { supervisorRefusal } from './supervisor-rule';

export type StaffFields = z.infer<typeof StaffChangeRequest>;

/** 422 naming each field an administrator got wrong: a site of another organization, an unfit supervisor. */
export async function assertStaffFields(
  tx: Tx,
  organizationId: string,
  userId: string | null,
  fields: StaffFields,
  more: FieldError[] = [],
) {
  const problems = [...more];
  const known = await orgSiteIds(tx, organizationId, fields.siteIds);
  fields.siteIds.forEach((id, i) => {
    if (!known.has(id))
      problems.push({ path: `siteIds.${i}`, message: 'No site of the organization has this id.' });
  });
  if (fields.supervisorUserId) {
    const refusal = supervisorRefusal(
      await supervisionGraph(tx, organizationId),
      userId,
      fields.siteIds,
      fields.supervisorUserId,
    );
    if (refusal) problems.push({ path: 'supervisorUserId', message: refusal });
  }
  if (problems.length > 0) throw AppError.validation(problems);
}

/** Which fields an edit changed, for the audit row (names only: the values are in the record). */
export function changedFields(before: StaffFields, after: StaffFields): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (Object.keys(after) as (keyof StaffFields)[]).filter((key) =>
    key === 'siteIds'
      ? !same([...before.siteIds].sort(), [...after.siteIds].sort())
      : !same(before[key], after[key]),
  );
}
