/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { curriculumTopics } from '../curriculum';
export { programSessions } from '../sessions';
export { tracks } from '../tracks';
export { membersOnByTrack } from './program-operations.store';
export {
  attendance,
  enrolments,
} from './program-operations.table';
