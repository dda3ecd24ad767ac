/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerDoseRoutes, registerMemberTopicRoutes, registerPortalSessionRoutes } from './dose.routes';
export { weeklyDoseLedger } from './weekly-dose-ledger';
