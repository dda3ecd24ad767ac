import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, reference } from '../platform/db/columns';
import { siteRecordColumns } from '../platform/db/scope-columns';
import { tracks } from '../tracks';

/**
 * A track's curriculum: its topics in order (e.g. relapse-prevention modules). A topic taken off the list is
 * archived, not deleted, because sessions that covered it still name it.
 */
export const curriculumTopics = pgTable(
  'curriculum_topics',
  {
    ...siteRecordColumns(),
    trackId: reference('track_id', () => tracks.id).notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    archivedAt: instant('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [index('curriculum_topics_track_idx').on(t.trackId, t.position)],
);
