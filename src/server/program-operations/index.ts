/** The public face of this feature: what other features may use. Everything else in the folder is private. */
export { curriculumTopics } from '../curriculum';
export { enrolments } from '../enrolment';
export { programSessions } from '../sessions';
export { tracks } from '../tracks';
export { attendance } from './program-operations.table';
