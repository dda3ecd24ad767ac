/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { tracks } from '../tracks';
export { membersOnByTrack } from './program-operations.store';
export {
  attendance,
  curriculumTopics,
  enrolments,
  programSessions,
} from './program-operations.table';
