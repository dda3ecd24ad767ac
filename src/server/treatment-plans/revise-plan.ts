import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { isSignedByBoth, UNSIGNED } from './plan-json';
import { insertRevision } from './treatment-plans.store';
import { type PlanChange, planToChange, savePlanVersion } from './writable-plan';

/** Changes a signed plan: the signed revision goes to the history and a new unsigned revision starts. */
export async function revisePlan(tx: Tx, input: PlanChange & { revisedBy: string }) {
  const { request: body, now } = input;
  const current = await planToChange(tx, input);
  if (!isSignedByBoth(current)) {
    throw AppError.conflict('The plan is not signed yet: edit it directly.', 'plan_not_signed');
  }
  const saved = await savePlanVersion(
    tx,
    current,
    input.version,
    {
      revision: current.revision + 1,
      document: body.document,
      reviewDate: body.reviewDate ?? current.reviewDate,
      ...UNSIGNED,
    },
    now,
  );
  const {
    id: _id,
    episodeId: _e,
    version: _v,
    createdBy: _c,
    createdAt: _ca,
    updatedAt: _u,
    ...kept
  } = current;
  await insertRevision(tx, { ...kept, planId: current.id, supersededAt: now, supersededBy: input.revisedBy });
  await input.audit('plan.revise', 'treatment_plan', current.id, { revision: saved.revision });
  return saved;
}
