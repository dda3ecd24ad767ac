/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerBillingReportRoutes } from './billing-reports.routes';
