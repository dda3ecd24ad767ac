import type { z } from '@hono/zod-openapi';
import type { Tx } from '../platform/db/database';
import { loadProgram } from '../programs';
import type { CreateTrack } from './tracks.schema';
import { insertTrack } from './tracks.store';

/** A new track of the site's program (404 when the site has no such program). */
export async function addTrack(
  tx: Tx,
  at: { siteId: string; programId: string },
  body: z.infer<typeof CreateTrack>,
) {
  const program = await loadProgram(tx, at.siteId, at.programId);
  return insertTrack(tx, { organizationId: program.organizationId, ...at, ...body });
}
