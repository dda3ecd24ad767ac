import type { z } from '@hono/zod-openapi';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { readPatientRecord } from '../platform/http/route-wrappers';
import type { CancelSession } from './sessions.schema';
import { findSession, markSessionCancelled } from './sessions.store';

/** Cancels a session once (holiday, weather, other); enrolled patients then see it cancelled in the portal. */
export async function cancelSession(
  tx: Tx,
  at: { siteId: string; sessionId: string; now: Date },
  body: z.infer<typeof CancelSession>,
) {
  await readPatientRecord(findSession(tx, at.siteId, at.sessionId), 'The session');
  const cancelled = await markSessionCancelled(tx, at.sessionId, {
    cancelledAt: at.now,
    cancelReason: body.reason,
    cancelNote: body.note ?? null,
  });
  if (!cancelled) throw AppError.conflict('The session is already cancelled.', 'already_cancelled');
  return cancelled;
}
