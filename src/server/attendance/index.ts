/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerAttendanceRoutes } from './attendance.routes';
export { ATTENDANCE_STATUSES } from './attendance.schema';
export { attendance } from './attendance.table';
