import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { isSignedByBoth, signatures, UNSIGNED } from './plan-json';
import { type PlanChange, planToChange, savePlanVersion } from './writable-plan';

const planSigned = () =>
  AppError.conflict(
    'This plan is signed by the clinician and the patient and is read-only. Start a new revision to change it.',
    'plan_signed',
  );

/**
 * Edits an unsigned or half-signed plan: a signature already given is withdrawn by the edit (the signer
 * signs what they read). A plan signed by both is read-only (409 plan_signed): change it by a new revision.
 */
export async function editPlan(tx: Tx, input: PlanChange) {
  const { request: body } = input;
  const current = await planToChange(tx, input);
  if (isSignedByBoth(current)) throw planSigned();
  const hadSignature = signatures(current).status !== 'draft';
  const changes = { document: body.document, reviewDate: body.reviewDate ?? current.reviewDate, ...UNSIGNED };
  const saved = await savePlanVersion(tx, current, input.version, changes, input.now);
  await input.audit(
    'plan.update',
    'treatment_plan',
    current.id,
    hadSignature ? { signatureWithdrawn: true } : undefined,
  );
  return saved;
}
