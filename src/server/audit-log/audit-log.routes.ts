import { createRoute, z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { verifyAuditChain } from '../platform/audit/audit';
import { listAudit } from '../platform/audit/audit.store';
import type { App } from '../platform/http/app-env';
import { errorResponses, jsonResponse, PageQuery } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';

import { userRoutes } from '../platform/http/route-builder';

const tags = ['Audit'];
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD.');

/** What the chain check found: the first four break the chain itself; the rest compare it with its anchor. */
const FindingKind = z.enum([
  'sequence_gap',
  'link_broken',
  'content_changed',
  'forged',
  'rewritten',
  'truncated',
  'outside_chain',
  'checkpoint_invalid',
  'key_missing',
]);

const AuditQuery = PageQuery.extend({
  action: z.string().max(80).optional(),
  patientId: z.uuid('Must be a UUID.').optional(),
  actorEmail: z.string().max(254).optional(),
  from: Day.optional(),
  to: Day.optional(),
}).strict();

const AuditRow = z
  .object({
    id: z.string(),
    /** The row's place in the hash chain; null for the moment between its commit and its seal. */
    seq: z.number().nullable(),
    at: z.string(),
    actorEmail: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    patientId: z.string().nullable(),
    outcome: z.string(),
    sourceAddress: z.string().nullable(),
  })
  .openapi('AuditRow');

/** Day filters are whole UTC days: from the start of `from` to the end of `to`. */
function dayStart(day: string | undefined, plusDays = 0): Date | undefined {
  if (!day) return undefined;
  try {
    const d = Temporal.PlainDate.from(day, { overflow: 'reject' }).add({ days: plusDays });
    return new Date(d.toZonedDateTime('UTC').epochMilliseconds);
  } catch {
    return undefined;
  }
}

export function registerAuditRoutes(app: App) {
  const users = userRoutes(app, { tags });

  users.get(
    '/api/audit',
    {
      permission: 'audit.read',
      summary: 'Page and filter the audit log (newest first)',
      query: AuditQuery,
      ok: [
        z
          .object({ items: z.array(AuditRow), page: z.number(), pageSize: z.number(), total: z.number() })
          .openapi('AuditPage'),
        'Audit rows',
      ],
    },
    async ({ tx, actor, audit }, { query: q }) => {
      const found = await listAudit(
        tx,
        {
          organizationId: actor.organizationId,
          action: q.action,
          patientId: q.patientId,
          actorEmail: q.actorEmail,
          from: dayStart(q.from),
          to: dayStart(q.to, 1),
        },
        q.page,
        q.pageSize,
      );
      await audit('audit.read', 'audit_log', null, { filters: { ...q } });
      return { ...found, page: q.page, pageSize: q.pageSize };
    },
  );

  defineRoute(
    app,
    {
      permission: 'audit.verify',
      route: createRoute({
        method: 'get',
        path: '/api/audit/verify',
        tags,
        summary: 'Check the hash chain of the whole audit log; names the first broken row',
        responses: {
          200: jsonResponse(
            z
              .object({
                ok: z.boolean(),
                checked: z.number(),
                firstBroken: z
                  .object({
                    seq: z.number().nullable(),
                    id: z.string(),
                    reason: z.string(),
                    kind: FindingKind,
                  })
                  .nullable(),
                findings: z.array(
                  z
                    .object({
                      kind: FindingKind,
                      seq: z.number().nullable(),
                      id: z.string().nullable(),
                      reason: z.string(),
                    })
                    .openapi('AuditFinding'),
                ),
                keyedRows: z.number(),
                checkpoints: z.object({
                  file: z.string().nullable(),
                  count: z.number(),
                  newestSeq: z.number().nullable(),
                }),
              })
              .openapi('AuditVerification'),
            'Result',
          ),
          ...errorResponses,
        },
      }),
    },
    // The check seals what is waiting and reads the chain in pages, each in its own transaction.
    async (c) => c.json(await verifyAuditChain(c.var.deps.db), 200),
  );
}
