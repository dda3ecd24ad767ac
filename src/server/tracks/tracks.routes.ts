import { z } from '@hono/zod-openapi';
import type { Tx } from '../platform/db/database';
import type { App } from '../platform/http/app-env';
import { siteParams } from '../platform/http/common.schema';
import { siteRoutes } from '../platform/http/route-builder';
import { loadProgram, programToday } from '../programs';
import { addTrack } from './add-track';
import { CreateTrack, Track } from './tracks.schema';
import { listTracks, type TrackRow } from './tracks.store';

const SiteProgram = siteParams('programId');

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
  const sites = siteRoutes(app, { tags: ['Program operations'] });

  sites.get(
    '/api/sites/{siteId}/programs/{programId}/tracks',
    {
      permission: 'operations.read',
      summary: "A program's tracks with today's member count",
      params: SiteProgram,
      ok: [z.object({ items: z.array(Track) }), 'Tracks'],
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

  sites.post(
    '/api/sites/{siteId}/programs/{programId}/tracks',
    {
      permission: 'program.setup',
      status: 201,
      idempotent: true,
      summary: 'Adds a track (day, evening or weekend; in person, virtual or hybrid; capacity ≤ 15)',
      params: SiteProgram,
      body: CreateTrack,
      ok: [Track, 'Created'],
    },
    async ({ tx, audit }, { param, json }) => {
      const row = await addTrack(tx, param, json);
      await audit('create', 'track', row.id);
      return trackJson(row, 0);
    },
  );
}
