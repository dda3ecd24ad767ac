import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { episodes } from '../episodes';
import { patientRecordColumns } from '../patients';
import { instant, reference, versionedColumns } from '../platform/db/columns';
import { programs, users } from '../platform/db/platform.table';
import { siteRecordColumns } from '../platform/db/scope-columns';
import { programSessions } from '../sessions';

/** Who signed, with which credential, when and how they proved it was them; then the supervisor's co-signature. */
const lifecycleColumns = () => ({
  status: text('status').notNull().default('draft'),
  authorId: reference('author_id', () => users.id).notNull(),
  /** The author's supervisor when the note was signed: only they may co-sign. */
  supervisorId: reference('supervisor_id', () => users.id),
  signedBy: reference('signed_by', () => users.id),
  signedName: text('signed_name'),
  signedCredential: text('signed_credential'),
  signedAt: instant('signed_at'),
  signedMethod: text('signed_method'),
  cosignedBy: reference('cosigned_by', () => users.id),
  cosignedName: text('cosigned_name'),
  cosignedCredential: text('cosigned_credential'),
  cosignedAt: instant('cosigned_at'),
  cosignedMethod: text('cosigned_method'),
  lateEntry: boolean('late_entry').notNull().default(false),
  /** When the service ended (the session's end, or as entered): the late-entry clock starts here. */
  serviceAt: instant('service_at').notNull(),
  ...versionedColumns(),
});

/** A group therapy note: the shared part, signed once for all members; each member's part is a row of notes. */
export const groupNotes = pgTable(
  'group_notes',
  {
    ...siteRecordColumns(),
    programId: reference('program_id', () => programs.id).notNull(),
    sessionId: reference('session_id', () => programSessions.id).notNull(),
    shared: jsonb('shared').$type<Record<string, unknown>>().notNull(),
    ...lifecycleColumns(),
  },
  (t) => [
    uniqueIndex('group_notes_session_unique').on(t.sessionId),
    index('group_notes_author_idx').on(t.authorId, t.status),
    index('group_notes_supervisor_idx').on(t.supervisorId, t.status),
  ],
);

/**
 * Every clinical note of a patient (the chart reads this one table). A group note member's copy is a row here
 * with `groupNoteId` set: its body is that member's part; the shared part is read from group_notes.
 */
export const notes = pgTable(
  'notes',
  {
    ...patientRecordColumns(),
    episodeId: reference('episode_id', () => episodes.id).notNull(),
    sessionId: reference('session_id', () => programSessions.id),
    groupNoteId: reference('group_note_id', () => groupNotes.id),
    noteType: text('note_type').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    minutes: integer('minutes'),
    /** For a group member's copy: present, late or left_early, from attendance. */
    attendanceStatus: text('attendance_status'),
    /** 42 CFR Part 2 applies (the episode's program treats substance use), fixed when the note is created. */
    part2: boolean('part2').notNull(),
    ...lifecycleColumns(),
  },
  (t) => [
    index('notes_patient_idx').on(t.patientId, t.serviceAt),
    index('notes_group_idx').on(t.groupNoteId),
    index('notes_author_idx').on(t.authorId, t.status),
    index('notes_supervisor_idx').on(t.supervisorId, t.status),
    uniqueIndex('notes_group_member_unique').on(t.groupNoteId, t.patientId),
  ],
);

/** A signed correction or addition to a locked note; the note itself never changes. */
export const noteAddenda = pgTable(
  'note_addenda',
  {
    ...patientRecordColumns(),
    noteId: reference('note_id', () => notes.id).notNull(),
    text: text('text').notNull(),
    authorId: reference('author_id', () => users.id).notNull(),
    signedName: text('signed_name').notNull(),
    signedCredential: text('signed_credential'),
    signedMethod: text('signed_method').notNull(),
    signedAt: instant('signed_at').notNull(),
  },
  (t) => [index('note_addenda_note_idx').on(t.noteId, t.signedAt)],
);
