import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import type { TrackRow } from '../tracks';
import { curriculumTopics } from './curriculum.table';

/** The track's topics in order (archived ones left out). */
export async function listCurriculum(tx: Tx, trackId: string) {
  return tx
    .select()
    .from(curriculumTopics)
    .where(and(eq(curriculumTopics.trackId, trackId), isNull(curriculumTopics.archivedAt)))
    .orderBy(asc(curriculumTopics.position));
}

/** Puts the topics in the given order: known ids are renamed and moved, new titles added, the rest archived. */
export async function replaceCurriculum(
  tx: Tx,
  track: TrackRow,
  topics: { id?: string; title: string }[],
  now: Date,
) {
  const kept = new Set(topics.flatMap((t) => (t.id ? [t.id] : [])));
  const current = await listCurriculum(tx, track.id);
  const gone = current.filter((t) => !kept.has(t.id)).map((t) => t.id);
  if (gone.length > 0) {
    await tx.update(curriculumTopics).set({ archivedAt: now }).where(inArray(curriculumTopics.id, gone));
  }
  for (const [position, topic] of topics.entries()) {
    if (topic.id) {
      await tx
        .update(curriculumTopics)
        .set({ position, title: topic.title })
        .where(and(eq(curriculumTopics.id, topic.id), eq(curriculumTopics.trackId, track.id)));
    }
  }
  const added = topics.flatMap((t, position) =>
    t.id
      ? []
      : [
          {
            organizationId: track.organizationId,
            siteId: track.siteId,
            trackId: track.id,
            position,
            title: t.title,
          },
        ],
  );
  if (added.length > 0) await tx.insert(curriculumTopics).values(added);
}
