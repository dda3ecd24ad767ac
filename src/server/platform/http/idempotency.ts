import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { sha256 } from '../auth/secrets';
import type { Tx } from '../db/database';
import { idempotencyKeys } from '../db/platform.table';
import { AppError } from '../errors';
import type { AppEnv } from './app-env';

/** A create's answer: its status and body, as first sent (a replay sends the same). */
export type Answer<T = Record<string, unknown>> = { status: 200 | 201; body: T };

/**
 * A create with an Idempotency-Key runs once per user and key: a retry gets the first answer back.
 * The key row is inserted in the create's own transaction, so a concurrent retry waits on the unique index
 * and then replays; a key reused for a different request is refused.
 */
export async function idempotent<T>(
  c: Context<AppEnv>,
  tx: Tx,
  request: unknown,
  run: () => Promise<Answer<T>>,
): Promise<Answer<T>> {
  const key = c.req.header('idempotency-key');
  const actorId = c.var.principal?.userId;
  if (key === undefined || !actorId) return run();
  if (key.length < 1 || key.length > 200) {
    throw AppError.badRequest('Idempotency-Key must be 1–200 characters.', [
      { path: 'header.Idempotency-Key', message: 'Must be 1–200 characters.' },
    ]);
  }
  const requestHash = sha256(JSON.stringify([c.req.method, c.req.path, request]));
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ actorId, key, method: c.req.method, path: c.req.path, requestHash })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id });
  if (inserted.length === 0) {
    const [prior] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, key)));
    if (!prior || prior.requestHash !== requestHash || prior.status === null) {
      throw new AppError(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request.',
        [{ path: 'header.Idempotency-Key', message: 'Already used for a different request.' }],
      );
    }
    // The stored body is the JSON this same route answered the first time.
    return { status: prior.status as Answer['status'], body: prior.responseBody as T };
  }
  const answer = await run();
  await tx
    .update(idempotencyKeys)
    .set({ status: answer.status, responseBody: answer.body })
    .where(eq(idempotencyKeys.id, inserted[0]!.id));
  return answer;
}
