/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerReferralRoutes } from './referrals.routes';
export { findSiteProgram, listReferrals } from './referrals.store';
