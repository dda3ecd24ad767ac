import { and, asc, eq, gte, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { users } from '../platform/db/platform.table';
import { programSessions, trackSchedules } from './sessions.table';

export type SessionRow = typeof programSessions.$inferSelect;

export async function insertSchedule(tx: Tx, values: typeof trackSchedules.$inferInsert) {
  const [row] = await tx.insert(trackSchedules).values(values).returning();
  return row!;
}

export async function insertSessions(tx: Tx, values: (typeof programSessions.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(programSessions).values(values).returning();
}

/** The first live session booking the facilitator or room at a time overlapping one of `intervals`. */
export async function findBookingConflict(
  tx: Tx,
  organizationId: string,
  who: { facilitatorId?: string | null; room?: string | null; siteId: string },
  intervals: { start: Date; end: Date }[],
) {
  const holders: SQL[] = [];
  if (who.facilitatorId) holders.push(eq(programSessions.facilitatorId, who.facilitatorId));
  if (who.room)
    holders.push(and(eq(programSessions.siteId, who.siteId), eq(programSessions.room, who.room))!);
  if (holders.length === 0 || intervals.length === 0) return undefined;
  const from = new Date(Math.min(...intervals.map((i) => i.start.getTime())));
  const to = new Date(Math.max(...intervals.map((i) => i.end.getTime())));
  const candidates = await tx
    .select()
    .from(programSessions)
    .where(
      and(
        eq(programSessions.organizationId, organizationId),
        isNull(programSessions.cancelledAt),
        lt(programSessions.startsAt, to),
        sql`${programSessions.endsAt} > ${from}`,
        or(...holders),
      ),
    )
    .orderBy(asc(programSessions.startsAt));
  return candidates.find((s) => intervals.some((i) => s.startsAt < i.end && s.endsAt > i.start));
}

export async function listSessions(tx: Tx, programId: string, from: Date, to: Date, trackId?: string) {
  return tx
    .select({ session: programSessions, facilitatorName: users.displayName })
    .from(programSessions)
    .leftJoin(users, eq(users.id, programSessions.facilitatorId))
    .where(
      and(
        eq(programSessions.programId, programId),
        gte(programSessions.startsAt, from),
        lt(programSessions.startsAt, to),
        trackId ? eq(programSessions.trackId, trackId) : undefined,
      ),
    )
    .orderBy(asc(programSessions.startsAt))
    .limit(1000);
}

export async function findSession(tx: Tx, siteId: string, sessionId: string) {
  const [row] = await tx
    .select()
    .from(programSessions)
    .where(and(eq(programSessions.id, sessionId), eq(programSessions.siteId, siteId)));
  return row;
}

export async function markSessionCancelled(
  tx: Tx,
  sessionId: string,
  change: { cancelledAt: Date; cancelReason: string; cancelNote: string | null },
) {
  const [row] = await tx
    .update(programSessions)
    .set(change)
    .where(and(eq(programSessions.id, sessionId), isNull(programSessions.cancelledAt)))
    .returning();
  return row;
}

/**
 * Takes the roster's version (If-Match) for a save; returns the new version, or undefined when someone saved
 * since. The conditional update also locks the session row, so a second save at once waits, then finds the
 * version moved on (409) instead of colliding on the attendance (session, patient) unique index.
 */
export async function takeRosterVersion(tx: Tx, sessionId: string, version: number) {
  const [bumped] = await tx
    .update(programSessions)
    .set({ rosterVersion: sql`${programSessions.rosterVersion} + 1` })
    .where(and(eq(programSessions.id, sessionId), eq(programSessions.rosterVersion, version)))
    .returning({ version: programSessions.rosterVersion });
  return bumped?.version;
}
