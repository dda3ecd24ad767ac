import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, storeKind } from '../../test-support/test-app';
import type { Database } from './database';
import { organizations } from './platform.table';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
});
afterAll(() => drop?.());

const orgNamed = async (name: string) =>
  (await db.tx((tx) => tx.select().from(organizations).where(eq(organizations.name, name)))).length;

describe(`the ${process.env.OPENIOP_TEST_STORE} store`, () => {
  it('has every migration applied and UUID keys', async () => {
    const [row] = await db.tx((tx) => tx.insert(organizations).values({ name: 'Keys Inc' }).returning());
    expect(row!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const tables = (await db.tx((tx) =>
      tx.execute(sql`select table_name from information_schema.tables where table_schema = 'public'`),
    )) as unknown as { rows: { table_name: string }[] };
    const names = tables.rows.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining(['patients', 'audit_log', 'sessions', 'users', 'sites', 'programs']),
    );
  });

  it('never lets one transaction’s statements land in another’s (single embedded connection)', async () => {
    const failing = db.tx(async (tx) => {
      await tx.insert(organizations).values({ name: 'Rolled back' });
      await new Promise((r) => setTimeout(r, 50)); // the other request runs meanwhile
      throw new Error('fail after a pause');
    });
    const other = db.tx((tx) => tx.insert(organizations).values({ name: 'Committed meanwhile' }));
    await expect(failing).rejects.toThrow('fail after a pause');
    await other;
    expect(await orgNamed('Rolled back')).toBe(0);
    expect(await orgNamed('Committed meanwhile')).toBe(1);
  });

  it('runs 50 concurrent transactions without losing one', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.tx((tx) => tx.insert(organizations).values({ name: `Concurrent ${i}` })),
      ),
    );
    const [row] = await db.tx((tx) =>
      tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(organizations)
        .where(sql`${organizations.name} like 'Concurrent %'`),
    );
    expect(row!.n).toBe(50);
  });

  it('counts statements, for the query-count tests', async () => {
    const before = db.queryCount();
    await db.tx((tx) => tx.select().from(organizations).limit(1));
    expect(db.queryCount() - before).toBeGreaterThanOrEqual(1);
    expect(storeKind()).toBe(db.kind);
  });
});
