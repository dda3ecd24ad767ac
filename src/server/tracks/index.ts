/** The public face of this feature: what other features may use. Everything else in the folder is private. */

export { registerTrackRoutes } from './tracks.routes';
export { findTrack, listTracks, lockTrack, type TrackRow, takeCurriculumVersion } from './tracks.store';
export { tracks } from './tracks.table';
