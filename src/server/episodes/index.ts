/** The public face of this feature: what other features may use. Everything else in the folder is private. */
export { applyPlannedLevelChangesJob } from './apply-planned-level-changes';
export { EpisodeParams } from './episodes.routes';
export { findEpisode, insertLevelChange, updateEpisode } from './episodes.store';
export { episodes, levelOfCareChanges } from './episodes.table';
