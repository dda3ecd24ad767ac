/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerMeasurementRoutes } from './measurement.routes';
export { instrumentResults, instrumentSchedules, urgentTasks } from './measurement.table';
