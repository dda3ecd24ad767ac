/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerAuthorizationRoutes } from './authorizations.routes';
export { feeSchedule } from './billing.table';
export { registerChargeRoutes } from './charges.routes';
export { registerFeeScheduleRoutes } from './fee-schedule';
