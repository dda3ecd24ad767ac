import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';

/**
 * What the server's own PostgreSQL role could do to the audit trail that it should not: own the audit tables
 * (and so disable their triggers), be a superuser, or hold UPDATE, DELETE or TRUNCATE on them. Empty when the
 * role may only read and append (DATABASE_OWNER_URL ran the migrations). The embedded store has one user.
 */
export async function auditRoleProblems(db: Database): Promise<string[]> {
  if (db.kind !== 'postgresql') return [];
  const result = (await db.autocommit((q) =>
    q.execute(sql`select c.relname as "table", current_user as "role",
        pg_has_role(current_user, c.relowner, 'USAGE') as "owns",
        (select rolsuper from pg_roles where rolname = current_user) as "superuser",
        has_table_privilege(c.oid, 'UPDATE') as "update",
        has_table_privilege(c.oid, 'DELETE') as "delete",
        has_table_privilege(c.oid, 'TRUNCATE') as "truncate"
      from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relname in ('audit_log', 'audit_seal')
      order by c.relname`),
  )) as unknown as {
    rows: {
      table: string;
      role: string;
      owns: boolean;
      superuser: boolean;
      update: boolean;
      delete: boolean;
      truncate: boolean;
    }[];
  };
  const problems: string[] = [];
  for (const r of result.rows) {
    if (r.superuser) {
      problems.push(`role ${r.role} is a superuser: it can disable the triggers on ${r.table}`);
      continue;
    }
    if (r.owns) problems.push(`role ${r.role} owns ${r.table}: it can disable its append-only triggers`);
    const may = (['update', 'delete', 'truncate'] as const).filter((p) => r[p]).map((p) => p.toUpperCase());
    if (may.length > 0) problems.push(`role ${r.role} holds ${may.join(', ')} on ${r.table}`);
  }
  return problems;
}
