/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export {
  changeLevelOfCare,
  type LevelChange,
  type LevelChangeAudit,
  levelChangeDirection,
} from './change-level-of-care';
export { EpisodeParams } from './episodes.routes';
export { findEpisode, insertLevelChange, updateEpisode } from './episodes.store';
export { episodes, levelOfCareChanges } from './episodes.table';
