/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerPsychotherapyNoteRoutes } from './psychotherapy-notes.routes';
export { psychotherapyNotes } from './psychotherapy-notes.table';
