import { eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/database';
import { sites } from '../platform/db/platform.table';

export async function siteTimeZone(tx: Tx, siteId: string): Promise<string> {
  const [row] = await tx.select({ timeZone: sites.timeZone }).from(sites).where(eq(sites.id, siteId));
  return row?.timeZone ?? 'UTC';
}
