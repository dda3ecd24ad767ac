export { build837, x12Amount } from './build-837';
export type { Address, Claim, ClaimBatch, ClaimLine, Person } from './claim-batch';
export { registerClaimRoutes } from './claims.routes';
export { type ClaimsForReports, claimsForReports } from './claims-for-reports';
export { registerRemittanceRoutes } from './remittances.routes';
