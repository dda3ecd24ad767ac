/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerCoverageRoutes } from './coverages.routes';
export {
  type CoverageRow,
  coveragesOfPatients,
  findPayer,
  listCoverages,
  listPayers,
  type PayerRow,
} from './coverages.store';
export { coverages, payers } from './coverages.table';
