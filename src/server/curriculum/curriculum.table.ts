import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../platform/db/columns';
import { organizationAndSiteColumns } from '../platform/db/scope-columns';
import { tracks } from '../tracks';

/**
 * A track's curriculum: its topics in order (e.g. relapse-prevention modules). A topic taken off the list is
 * archived, not deleted, because sessions that covered it still name it.
 */
export const curriculumTopics = pgTable(
  'curriculum_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...organizationAndSiteColumns(),
    trackId: uuid('track_id')
      .notNull()
      .references(() => tracks.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    archivedAt: instant('archived_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('curriculum_topics_track_idx').on(t.trackId, t.position)],
);
