import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { episodes } from '../episodes';
import { patientRecordColumns } from '../patients';
import { createdAt, reference } from '../platform/db/columns';
import { users } from '../platform/db/platform.table';
import { programSessions } from '../sessions';

/**
 * Psychotherapy (counseling) notes, kept apart from the chart (HIPAA 164.501, 42 CFR 2.31(b)): readable only by
 * their author and the users the author grants; never in the chart, the portal or an export.
 */
export const psychotherapyNotes = pgTable(
  'psychotherapy_notes',
  {
    ...patientRecordColumns(),
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    sessionId: reference('session_id', () => programSessions.id),
    authorId: reference('author_id', () => users.id).notNull(),
    text: text('text').notNull(),
    grantedUserIds: jsonb('granted_user_ids').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('psychotherapy_notes_patient_idx').on(t.patientId, t.authorId)],
);
