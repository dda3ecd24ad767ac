import { Temporal } from 'temporal-polyfill';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { loadProgram } from '../programs';
import { listSessions } from './sessions.store';

/** A program's sessions from the start of `from` to the end of `to`, local days in the program's zone. */
export async function sessionsBetween(
  tx: Tx,
  at: { siteId: string; programId: string },
  q: { from: string; to: string; trackId?: string },
) {
  if (q.to < q.from) throw AppError.validation([{ path: 'to', message: 'Must be on or after from.' }]);
  const program = await loadProgram(tx, at.siteId, at.programId);
  const from = Temporal.PlainDate.from(q.from).toZonedDateTime({ timeZone: program.timeZone });
  const to = Temporal.PlainDate.from(q.to).add({ days: 1 }).toZonedDateTime({ timeZone: program.timeZone });
  return listSessions(
    tx,
    at.programId,
    new Date(from.epochMilliseconds),
    new Date(to.epochMilliseconds),
    q.trackId,
  );
}
