/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerCurriculumRoutes } from './curriculum.routes';
export { listCurriculum } from './curriculum.store';
export { curriculumTopics } from './curriculum.table';
export { topicsForSessions } from './topics-for-sessions';
