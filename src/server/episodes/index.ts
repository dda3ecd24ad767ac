/** The public face of this feature: what other features may use. Everything else in the folder is private. */
export { applyPlannedLevelChangesJob } from './apply-planned-level-changes';
export {
  changeLevelOfCare,
  type LevelChange,
  type LevelChangeAudit,
  levelChangeDirection,
} from './change-level-of-care';
export { closeEpisode } from './close-episode';
export { registerEpisodeRoutes } from './episodes.routes';
export { EpisodeParams } from './episodes.schema';
export { type EpisodeRow, findEpisode, listEpisodeDetails, updateEpisode } from './episodes.store';
export { episodes, levelOfCareChanges } from './episodes.table';
export { type PlannedLevel, planLevelChanges } from './plan-level-changes';
