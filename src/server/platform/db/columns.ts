import { type AnyPgColumn, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every instant is stored as timestamptz and read as a UTC Date. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A row's key: a UUID the database draws. */
export const uuidKey = () => uuid('id').primaryKey().defaultRandom();

/** A UUID column naming a row of another table; add `.notNull()` where the link is required. */
export const reference = (name: string, target: () => AnyPgColumn) => uuid(name).references(target);

/** When the row was written, by the database's clock. */
export const createdAt = () => instant('created_at').notNull().defaultNow();

/** When the row was last changed (the store sets it on each update). */
export const updatedAt = () => instant('updated_at').notNull().defaultNow();

/** An edited record: updates take If-Match with `version`; written and last changed instants. */
export const versionedColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
