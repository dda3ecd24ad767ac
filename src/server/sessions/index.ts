/** The public face of this feature: what other features may use. Everything else in the folder is private. */
export { sessionJson } from './session-json';
export { registerSessionRoutes } from './sessions.routes';
export { SESSION_TYPES, Session } from './sessions.schema';
export { findSession, type SessionRow, takeRosterVersion } from './sessions.store';
export { programSessions, trackSchedules } from './sessions.table';
