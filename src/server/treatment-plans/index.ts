/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerTreatmentPlanRoutes } from './treatment-plans.routes';
export { MODALITIES } from './treatment-plans.schema';
export { treatmentPlans } from './treatment-plans.table';
