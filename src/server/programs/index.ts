/** The public face of this feature: what other features may use. Everything else in the folder is private. */
export { loadProgram, type ProgramConfig, programConfig, programToday } from './program-config';
export { registerProgramSettingsRoutes } from './program-settings.routes';
export { CalendarDay, HourBandSchema } from './program-settings.schema';
export { registerProgramRoutes } from './programs.routes';
export { findProgram, listSitePrograms } from './programs.store';
