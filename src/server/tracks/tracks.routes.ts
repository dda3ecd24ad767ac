import { createRoute, z } from '@hono/zod-openapi';
import type { Tx } from '../platform/db/database';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineSiteRoute } from '../platform/http/route-wrappers';
import { loadProgram, programToday } from '../programs';
import { addTrack } from './add-track';
import { CreateTrack, Track } from './tracks.schema';
import { listTracks, type TrackRow } from './tracks.store';

const tags = ['Program operations'];
const SiteProgram = z.object({ siteId: UuidParam('siteId'), programId: UuidParam('programId') });

/** What the track list needs from enrolment (filled by the composition root: enrolment builds on tracks). */
export type TrackPorts = {
  membersOn: (tx: Tx, trackIds: string[], date: string) => Promise<Map<string, number>>;
};

function trackJson(t: TrackRow, members: number): z.infer<typeof Track> {
  return {
    id: t.id,
    programId: t.programId,
    name: t.name,
    timeOfDay: t.timeOfDay as z.infer<typeof Track>['timeOfDay'],
    modality: t.modality as z.infer<typeof Track>['modality'],
    capacity: t.capacity,
    members,
  };
}

export function registerTrackRoutes(app: App, ports: TrackPorts) {
  defineSiteRoute(
    app,
    {
      permission: 'operations.read',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/programs/{programId}/tracks',
        tags,
        summary: "A program's tracks with today's member count",
        request: { params: SiteProgram },
        responses: { 200: jsonResponse(z.object({ items: z.array(Track) }), 'Tracks'), ...errorResponses },
      }),
    },
    async ({ tx, now }, { param }) => {
      const program = await loadProgram(tx, param.siteId, param.programId);
      const rows = await listTracks(tx, param.programId);
      const members = await ports.membersOn(
        tx,
        rows.map((t) => t.id),
        programToday(program, now),
      );
      return { items: rows.map((t) => trackJson(t, members.get(t.id) ?? 0)) };
    },
  );

  defineSiteRoute(
    app,
    {
      permission: 'program.setup',
      status: 201,
      idempotent: true,
      route: createRoute({
        method: 'post',
        path: '/api/sites/{siteId}/programs/{programId}/tracks',
        tags,
        summary: 'Adds a track (day, evening or weekend; in person, virtual or hybrid; capacity ≤ 15)',
        request: { params: SiteProgram, body: jsonBody(CreateTrack) },
        responses: { 201: jsonResponse(Track, 'Created'), ...errorResponses },
      }),
    },
    async ({ tx, audit }, { param, json }) => {
      const row = await addTrack(tx, param, json);
      await audit('create', 'track', row.id);
      return trackJson(row, 0);
    },
  );
}
