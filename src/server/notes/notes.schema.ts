import { z } from '@hono/zod-openapi';
import { NOTE_ACTIONS, NOTE_STATUSES } from '../../domain/documentation/note-lifecycle';
import { NOTE_TYPES } from '../../domain/documentation/note-types';
import { GroupSharedPart, NOTE_BODIES, text } from './note-bodies.schema';

/** What a draft accepts: any subset of the type's fields (each field still valid if present). */
const draftOf = <T extends z.ZodObject>(s: T) => s.partial();

const createVariant = <K extends Exclude<keyof typeof NOTE_BODIES, 'group_therapy'>>(type: K) =>
  z.strictObject({
    noteType: z.literal(type),
    episodeId: z.uuid('Must be a UUID.'),
    /** The session the note documents (its end starts the late-entry clock and its minutes prefill). */
    sessionId: z.uuid('Must be a UUID.').nullable().optional(),
    /** When the service ended; defaults to the session's end, else now. */
    serviceAt: z.iso.datetime({ offset: true, message: 'Must be an ISO date-time.' }).optional(),
    minutes: z.number().int().min(0).max(600).nullable().optional(),
    body: draftOf(NOTE_BODIES[type]).default({}),
  });

export const CreateNoteRequest = z
  .discriminatedUnion('noteType', [
    createVariant('individual_therapy'),
    createVariant('family_session'),
    createVariant('intake_biopsychosocial'),
    createVariant('nursing'),
    createVariant('medical_psychiatric'),
    createVariant('case_management'),
    createVariant('discharge_summary'),
  ])
  .openapi('CreateNote', {
    example: {
      noteType: 'individual_therapy',
      episodeId: '5b1c8a2e-8f3e-4c55-9a57-0d3c8f0b9e11',
      minutes: 45,
      body: { focus: 'Cravings after a family visit', interventions: ['cbt'] },
    },
  });

/** Saves a draft's body (a whole replacement, validated as a draft of the note's type) and minutes. */
export const UpdateNoteRequest = z
  .strictObject({
    body: z.record(z.string(), z.unknown()),
    minutes: z.number().int().min(0).max(600).nullable().optional(),
  })
  .openapi('UpdateNote');

/** Re-authentication for a signature: the password, or a current authenticator (TOTP) code — exactly one. */
export const SignRequest = z
  .strictObject({
    password: z.string().min(1).max(256).optional(),
    totpCode: z
      .string()
      .regex(/^\d{6}$/, 'Must be the 6-digit code from your authenticator.')
      .optional(),
  })
  .openapi('SignNote', { example: { totpCode: '123456' } });

export const AddendumRequest = SignRequest.extend({ text: text(8000) }).openapi('AddNoteAddendum', {
  example: { text: 'Correction: the patient reported two meetings, not three.', password: '••••••••••••' },
});

const Signature = z.object({
  userId: z.string(),
  name: z.string(),
  credential: z.string().nullable(),
  signedAt: z.string(),
  method: z.enum(['password', 'totp']),
});

export const Part2 = z
  .object({
    applies: z.boolean(),
    securityLabel: z.string().nullable().describe('42CFRPart2 when the note is a Part 2 record.'),
    notice: z.string().nullable().describe('The redisclosure notice to show with the note.'),
  })
  .openapi('Part2Label');

export const CodeSuggestion = z.object({ code: z.string(), description: z.string() }).nullable();

export const Addendum = z
  .object({ id: z.string(), text: z.string(), signature: Signature })
  .openapi('NoteAddendum');

export const noteLifecycle = {
  status: z.enum(NOTE_STATUSES),
  /** What may be done next: draft → edit, sign; awaiting_cosignature → cosign; locked → addendum. */
  allowedActions: z.array(z.enum(NOTE_ACTIONS)),
  author: z.object({ userId: z.string(), name: z.string(), credential: z.string().nullable() }),
  supervisorId: z.string().nullable(),
  signature: Signature.nullable(),
  cosignature: Signature.nullable(),
  lateEntry: z.boolean(),
  serviceAt: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/**
 * A note as the chart shows it. A group therapy note is the member's own copy: `groupShared` is the shared
 * part and `body` is this member's part only — never another member's name or part.
 */
export const Note = z
  .object({
    id: z.string(),
    patientId: z.string(),
    episodeId: z.string(),
    sessionId: z.string().nullable(),
    groupNoteId: z.string().nullable(),
    noteType: z.enum(NOTE_TYPES),
    body: z
      .record(z.string(), z.unknown())
      .describe(
        "The type's fields (schemas NoteBody*; group_therapy: GroupMemberPart, this member's part only). A draft may lack fields; signing needs every required one.",
      ),
    groupShared: GroupSharedPart.partial()
      .nullable()
      .describe('group_therapy only: the shared part (GroupSharedPart), the same in every member’s copy.'),
    minutes: z.number().nullable(),
    attendanceStatus: z.string().nullable(),
    codeSuggestion: CodeSuggestion,
    part2: Part2,
    addenda: z.array(Addendum),
    ...noteLifecycle,
  })
  .openapi('Note');

export const NoteList = z
  .object({ items: z.array(Note), page: z.number(), pageSize: z.number(), total: z.number() })
  .openapi('NoteList');

export const NotesQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  episodeId: z.uuid('Must be a UUID.').optional(),
});

/** What billing sees of signed notes: dates, types, minutes and codes, never the text. */
export const BillingNoteList = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        episodeId: z.string(),
        sessionId: z.string().nullable(),
        noteType: z.enum(NOTE_TYPES),
        serviceAt: z.string(),
        minutes: z.number().nullable(),
        codeSuggestion: CodeSuggestion,
        status: z.enum(NOTE_STATUSES),
        signedAt: z.string().nullable(),
        signerCredential: z.string().nullable(),
        lateEntry: z.boolean(),
        part2: z.boolean(),
      }),
    ),
    page: z.number(),
    pageSize: z.number(),
    total: z.number(),
  })
  .openapi('BillingNoteList');

export const NoteExport = z
  .object({
    patientId: z.string(),
    exportedAt: z.string(),
    part2Notice: z.string().nullable(),
    notes: z.array(Note),
    excluded: z
      .string()
      .describe('What the export leaves out by rule: psychotherapy notes and unsigned drafts.'),
  })
  .openapi('NoteExport');

// ---- Queue

const QueueItem = z.object({
  kind: z.enum(['note', 'group_note']),
  id: z.string(),
  noteType: z.enum(NOTE_TYPES),
  patientId: z.string().nullable(),
  siteId: z.string(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  members: z.number().nullable(),
  serviceAt: z.string(),
  lateAfter: z.string(),
  status: z.enum(NOTE_STATUSES),
});

export const NoteQueue = z
  .object({
    unsigned: z.array(QueueItem).describe('My drafts, oldest first (still within the late-entry window).'),
    overdue: z.array(QueueItem).describe('My drafts past the late-entry threshold: signing marks them late.'),
    awaitingMyCosignature: z.array(QueueItem).describe('Notes of staff I supervise, signed, waiting for me.'),
    lateEntryHours: z.number(),
  })
  .openapi('NoteQueue');

// ---- Psychotherapy notes

export const CreatePsychotherapyNoteRequest = z
  .strictObject({
    episodeId: z.uuid('Must be a UUID.'),
    sessionId: z.uuid('Must be a UUID.').nullable().optional(),
    text: text(20_000),
    /** Other staff the author lets read this note (for example a supervisor); nobody else ever can. */
    grantedUserIds: z.array(z.uuid('Must be a UUID.')).max(10).default([]),
  })
  .openapi('CreatePsychotherapyNote');

export const PsychotherapyNote = z
  .object({
    id: z.string(),
    patientId: z.string(),
    episodeId: z.string(),
    sessionId: z.string().nullable(),
    authorId: z.string(),
    text: z.string(),
    grantedUserIds: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi('PsychotherapyNote');

export const PsychotherapyNoteList = z
  .object({ items: z.array(PsychotherapyNote) })
  .openapi('PsychotherapyNoteList');
