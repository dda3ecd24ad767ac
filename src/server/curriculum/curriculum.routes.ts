import type { z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { siteParams, undescribedConflicts } from '../platform/http/common.schema';
import { siteRoutes } from '../platform/http/route-builder';
import { readPatientRecord } from '../platform/http/route-wrappers';
import { findTrack } from '../tracks';
import { Curriculum, SaveCurriculum } from './curriculum.schema';
import { listCurriculum } from './curriculum.store';
import { saveCurriculum } from './save-curriculum';

const SiteTrack = siteParams('trackId');

function curriculumJson(
  trackId: string,
  version: number,
  topics: { id: string; position: number; title: string }[],
): z.infer<typeof Curriculum> {
  return {
    trackId,
    version,
    topics: topics.map((t, i) => ({ id: t.id, position: i + 1, title: t.title })),
  };
}

export function registerCurriculumRoutes(app: App) {
  const sites = siteRoutes(app, { tags: ['Program operations'] });

  sites.get(
    '/api/sites/{siteId}/tracks/{trackId}/curriculum',
    {
      permission: 'operations.read',
      etag: true,
      summary: "A track's curriculum: its topics in order (ETag for the next save)",
      params: SiteTrack,
      ok: [Curriculum, 'Curriculum'],
    },
    async ({ tx }, { param }) => {
      const track = await readPatientRecord(findTrack(tx, param.siteId, param.trackId), 'The track');
      return curriculumJson(track.id, track.curriculumVersion, await listCurriculum(tx, track.id));
    },
  );

  sites.put(
    '/api/sites/{siteId}/tracks/{trackId}/curriculum',
    {
      permission: 'program.setup',
      versioned: true,
      summary:
        "Saves a track's curriculum whole, in order (topics with an id are kept, new titles added, the rest archived); needs If-Match",
      params: SiteTrack,
      body: SaveCurriculum,
      ok: [Curriculum, 'Saved'],
      responses: undescribedConflicts,
    },
    async ({ tx, version, now, audit }, { param, json }) => {
      const { siteId, trackId } = param;
      const saved = await saveCurriculum(tx, { siteId, trackId, version, now }, json.topics);
      await audit('update', 'curriculum', trackId, { topics: json.topics.length });
      return curriculumJson(trackId, saved.version, saved.topics);
    },
  );
}
