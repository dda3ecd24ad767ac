/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerAuthorizationRoutes } from './authorizations.routes';
export { charges, feeSchedule } from './billing.table';
export { type BillingProviderRow, findBillingProvider } from './billing-provider';
export { scrubbedCharges } from './charge-queue';
export { registerChargeRoutes } from './charges.routes';
export { chargesOnClaims, markChargesBilled, requeueBilledCharge } from './charges.store';
export { registerFeeScheduleRoutes } from './fee-schedule';
export { registerMedicareCertificationRoutes } from './medicare-certifications';
