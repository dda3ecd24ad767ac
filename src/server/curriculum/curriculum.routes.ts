import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineSiteRoute, readPatientRecord } from '../platform/http/route-wrappers';
import { findTrack } from '../tracks';
import { Curriculum, SaveCurriculum } from './curriculum.schema';
import { listCurriculum } from './curriculum.store';
import { saveCurriculum } from './save-curriculum';

const tags = ['Program operations'];
const versioned = { 409: errorResponses[422], 428: errorResponses[422] };
const SiteTrack = z.object({ siteId: UuidParam('siteId'), trackId: UuidParam('trackId') });

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
  defineSiteRoute(
    app,
    {
      permission: 'operations.read',
      etag: true,
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/tracks/{trackId}/curriculum',
        tags,
        summary: "A track's curriculum: its topics in order (ETag for the next save)",
        request: { params: SiteTrack },
        responses: { 200: jsonResponse(Curriculum, 'Curriculum'), ...errorResponses },
      }),
    },
    async ({ tx }, { param }) => {
      const track = await readPatientRecord(findTrack(tx, param.siteId, param.trackId), 'The track');
      return curriculumJson(track.id, track.curriculumVersion, await listCurriculum(tx, track.id));
    },
  );

  defineSiteRoute(
    app,
    {
      permission: 'program.setup',
      versioned: true,
      route: createRoute({
        method: 'put',
        path: '/api/sites/{siteId}/tracks/{trackId}/curriculum',
        tags,
        summary:
          "Saves a track's curriculum whole, in order (topics with an id are kept, new titles added, the rest archived); needs If-Match",
        request: { params: SiteTrack, body: jsonBody(SaveCurriculum) },
        responses: { 200: jsonResponse(Curriculum, 'Saved'), ...versioned, ...errorResponses },
      }),
    },
    async ({ tx, version, now, audit }, { param, json }) => {
      const { siteId, trackId } = param;
      const saved = await saveCurriculum(tx, { siteId, trackId, version, now }, json.topics);
      await audit('update', 'curriculum', trackId, { topics: json.topics.length });
      return curriculumJson(trackId, saved.version, saved.topics);
    },
  );
}
