/** The public face of this feature: what other features may use. Everything else in the folder is private. */
export { documentedService } from './documented-service';
export {
  findGroupNote,
  findGroupNoteOfSession,
  groupMembers,
  insertGroupNote,
  insertNotes,
  setMemberPart,
  setMembersLifecycle,
  updateGroupNote,
} from './group-note-records';
export { GroupMemberPart, GroupSharedPart, text as noteText } from './note-bodies.schema';
export { lifecycleJson, part2Json } from './note-json';
export {
  attachObjectives,
  issuesToFields,
  lateEntry,
  partText,
  planObjectives,
  transition,
} from './note-rules';
export { registerNoteRoutes } from './notes.routes';
export { CodeSuggestion, noteLifecycle, Part2, SignRequest } from './notes.schema';
export { findSessionForNote, plansOfEpisodes } from './notes.store';
export { groupNotes, notes } from './notes.table';
export {
  auditRefusedSignature,
  cosignatureColumns,
  type RollbackContext,
  reauthenticate,
  signatureColumns,
} from './reauthenticate';
