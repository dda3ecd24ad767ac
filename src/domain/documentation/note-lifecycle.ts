/**
 * A clinical note's life (CMS, Medicare Program Integrity Manual, ch. 3, on signatures and amendments): a draft is edited by its author; signing it (with a password or an
 * authenticator code) either locks it or, when the author works under a supervisor, waits for that
 * supervisor's co-signature, which locks it. A locked note never changes again: corrections are addenda that
 * keep the original. "Signed" is the signing event, not a resting state: a signed note is either awaiting
 * co-signature or locked.
 */
export const NOTE_STATUSES = ['draft', 'awaiting_cosignature', 'locked'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

export const NOTE_ACTIONS = ['edit', 'sign', 'cosign', 'addendum'] as const;
export type NoteAction = (typeof NOTE_ACTIONS)[number];

const ALLOWED: Readonly<Record<NoteStatus, readonly NoteAction[]>> = {
  draft: ['edit', 'sign'],
  awaiting_cosignature: ['cosign'],
  locked: ['addendum'],
};

export function allowedNoteActions(status: NoteStatus): NoteAction[] {
  return [...ALLOWED[status]];
}

export class NoteTransitionError extends Error {
  readonly code = 'note_action_not_allowed';

  constructor(
    readonly status: NoteStatus,
    readonly action: NoteAction,
    readonly allowed: NoteAction[],
  ) {
    super(
      `A ${status.replace('_', ' ')} note cannot take '${action}'` +
        (allowed.length > 0 ? `; allowed: ${allowed.join(', ')}.` : '.'),
    );
    this.name = 'NoteTransitionError';
  }
}

/**
 * The status after an action, or NoteTransitionError naming the actions the status allows (a locked note
 * answers "addendum"). Signing goes to awaiting_cosignature when the author has a supervisor, else locked.
 */
export function nextNoteStatus(
  status: NoteStatus,
  action: NoteAction,
  context: { authorSupervised?: boolean } = {},
): NoteStatus {
  if (!ALLOWED[status].includes(action)) {
    throw new NoteTransitionError(status, action, allowedNoteActions(status));
  }
  switch (action) {
    case 'edit':
      return 'draft';
    case 'sign':
      return context.authorSupervised ? 'awaiting_cosignature' : 'locked';
    case 'cosign':
      return 'locked';
    case 'addendum':
      return 'locked';
  }
}
