import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { guardianContactFieldErrors } from '../../domain/episodes/age-rules';
import { createBreakGlassGrant } from '../platform/access/access.store';
import { appendAudit } from '../platform/audit/audit';
import type { Tx } from '../platform/db/database';
import { AppError } from '../platform/errors';
import type { App, AppEnv } from '../platform/http/app-env';
import { auditActor } from '../platform/http/audit-actor';
import { errorResponses, jsonBody, jsonResponse, UuidParam } from '../platform/http/common.schema';
import { defineRoute } from '../platform/http/define-route';
import { idempotent } from '../platform/http/idempotency';
import { auditPatient } from '../platform/http/patient-audit';
import { etag, requiredVersion, staleVersion } from '../platform/http/versioning';
import { siteToday } from '../sites';
import {
  BreakGlassRequest,
  BreakGlassResponse,
  CensusPage,
  CensusQuery,
  CreatePatientRequest,
  Patient,
  UpdatePatientRequest,
} from './patients.schema';
import {
  type CensusSearch,
  findSameNameAndBirth,
  getPatient,
  insertPatient,
  listCensus,
  lockNameAndBirth,
  nextMrn,
  type PatientView,
  updatePatient,
} from './patients.store';

const tags = ['Patients'];
const SiteParams = z.object({ siteId: UuidParam('siteId') });
const PatientParams = z.object({ patientId: UuidParam('patientId') });

/** Date of birth not in the future, and a reachable guardian for a patient under 18 (domain age rules). */
async function checkAgeRules(
  tx: Tx,
  siteId: string,
  now: Date,
  p: {
    dateOfBirth: string;
    guardianContact?: { name: string; phone?: string | null; email?: string | null } | null;
  },
) {
  const today = await siteToday(tx, siteId, now);
  const fields = guardianContactFieldErrors(
    { dateOfBirth: Temporal.PlainDate.from(p.dateOfBirth), guardianContact: p.guardianContact ?? null },
    today,
  );
  if (fields.length > 0) throw AppError.validation(fields);
}

export function patientJson(p: PatientView) {
  return { ...p, createdAt: p.createdAt.toISOString() };
}

/** "1990-04-17" or "04/17/1990" → a date; "MRN1004" or "1004" → an MRN; otherwise words of a name. */
export function parseCensusSearch(q: string | undefined): CensusSearch {
  const s = q?.trim() ?? '';
  if (!s) return { kind: 'all' };
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(s)
    ? s
    : us
      ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`
      : null;
  if (iso) {
    try {
      return { kind: 'dob', date: Temporal.PlainDate.from(iso, { overflow: 'reject' }).toString() };
    } catch {
      throw AppError.badRequest('Not a real date.', [{ path: 'q', message: 'Not a real calendar date.' }]);
    }
  }
  if (/^[A-Za-z]{0,5}\d{3,}$/.test(s)) return { kind: 'mrn', mrn: s };
  return { kind: 'name', words: s.split(/\s+/).slice(0, 5) };
}

type Match = { id: string; mrn: string; siteId: string };

class DuplicateFound extends Error {
  constructor(readonly same: Match[]) {
    super('possible duplicate');
  }
}

/**
 * The duplicate check's answer. A match the caller may open is named (link to that chart); a match only at
 * another site is not: its id or MRN would disclose that a person is a patient there (minimum necessary,
 * HIPAA 164.502(b); 42 CFR 2.13), so the caller is told to ask a director. Either way the probe is audited in
 * its own transaction, since the create's transaction rolls back with the 409.
 */
async function possibleDuplicate(c: Context<AppEnv>, siteId: string, same: Match[]): Promise<AppError> {
  const p = c.var.principal!;
  const { db, now } = c.var.deps;
  const visible = same.filter((m) => p.siteIds.includes(m.siteId));
  await db.tx((tx) =>
    appendAudit(
      tx,
      auditActor(c),
      [
        {
          action: 'patient.duplicate_check',
          entity: 'patient',
          entityId: null,
          siteId,
          outcome: 'denied',
          detail: {
            matches: same.length,
            atOtherSites: same.length - visible.length,
            shownPatientIds: visible.map((m) => m.id),
          },
        },
      ],
      now(),
    ),
  );
  if (visible.length > 0) {
    // No silent duplicate: the caller links to the existing chart, or confirms this is someone else.
    return AppError.conflict(
      'A patient with this name and date of birth already exists. Open that chart, or confirm this is a different person (confirmNotDuplicate).',
      'possible_duplicate',
      { existing: visible.map((m) => ({ id: m.id, mrn: m.mrn })) },
    );
  }
  return AppError.conflict(
    'A possible match exists at another site; ask a director before registering this person. If you are sure this is someone else, confirm it (confirmNotDuplicate).',
    'possible_duplicate_elsewhere',
  );
}

export function registerPatientRoutes(app: App) {
  defineRoute(
    app,
    {
      permission: 'patient.census',
      route: createRoute({
        method: 'get',
        path: '/api/sites/{siteId}/patients',
        tags,
        summary: "The site's patient census, searchable by name, date of birth or MRN",
        request: { params: SiteParams, query: CensusQuery },
        responses: { 200: jsonResponse(CensusPage, 'One page of patients'), ...errorResponses },
      }),
    },
    async (c) => {
      const { siteId } = c.req.valid('param');
      const { q, page, pageSize } = c.req.valid('query');
      const search = parseCensusSearch(q);
      const { db, now } = c.var.deps;
      const result = await db.tx(async (tx) => {
        const found = await listCensus(tx, siteId, search, page, pageSize);
        // Every patient shown is a disclosure to this user: one audit row each (one insert for the page).
        await appendAudit(
          tx,
          auditActor(c),
          found.items.map((p) => ({
            action: 'patient.list',
            entity: 'patient',
            entityId: p.id,
            patientId: p.id,
            siteId,
          })),
          now(),
        );
        return found;
      });
      return c.json({ items: result.items, page, pageSize, total: result.total }, 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'patient.create',
      route: createRoute({
        method: 'post',
        path: '/api/sites/{siteId}/patients',
        tags,
        summary: 'Register a patient at a site (accepts Idempotency-Key)',
        request: { params: SiteParams, body: jsonBody(CreatePatientRequest) },
        responses: {
          201: jsonResponse(Patient, 'Created'),
          409: errorResponses[422],
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const { siteId } = c.req.valid('param');
      const body = c.req.valid('json');
      const p = c.var.principal!;
      const { db, now } = c.var.deps;
      const { confirmNotDuplicate, ...fields } = body;
      const answer = await db
        .tx((tx) =>
          idempotent(c, tx, body, async () => {
            const at = now();
            await checkAgeRules(tx, siteId, at, fields);
            // One create at a time per name and birth date in the organization, so two identical creates
            // cannot both miss each other's patient (both stores: the lock ends with the transaction).
            await lockNameAndBirth(tx, p.organizationId, fields);
            if (!confirmNotDuplicate) {
              const same = await findSameNameAndBirth(tx, p.organizationId, fields);
              if (same.length > 0) throw new DuplicateFound(same);
            }
            const mrn = await nextMrn(tx, p.organizationId);
            const id = await insertPatient(tx, {
              ...fields,
              organizationId: p.organizationId,
              siteId,
              mrn,
              createdAt: at,
              updatedAt: at,
            });
            await appendAudit(
              tx,
              auditActor(c),
              [{ action: 'patient.create', entity: 'patient', entityId: id, patientId: id, siteId }],
              at,
            );
            return { status: 201, body: patientJson((await getPatient(tx, id))!) };
          }),
        )
        .catch(async (err: unknown) => {
          // Audited after the create's transaction has rolled back (the embedded store runs one at a time).
          if (err instanceof DuplicateFound) throw await possibleDuplicate(c, siteId, err.same);
          throw err;
        });
      c.header('ETag', etag(answer.body.version as number));
      return c.json(answer.body as z.infer<typeof Patient>, 201);
    },
  );

  defineRoute(
    app,
    {
      permission: 'patient.read',
      route: createRoute({
        method: 'get',
        path: '/api/patients/{patientId}',
        tags,
        summary: "A patient's demographics (ETag carries the version)",
        request: { params: PatientParams },
        responses: { 200: jsonResponse(Patient, 'The patient'), ...errorResponses },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const { db } = c.var.deps;
      const patient = await db.tx(async (tx) => {
        const found = await getPatient(tx, access.patientId);
        if (!found) throw AppError.notFound('The patient');
        await auditPatient(c, tx, { action: 'patient.read', entity: 'patient', entityId: found.id });
        return found;
      });
      c.header('ETag', etag(patient.version));
      return c.json(patientJson(patient), 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'patient.update',
      route: createRoute({
        method: 'patch',
        path: '/api/patients/{patientId}',
        tags,
        summary: 'Change demographics; needs If-Match with the version read (409 when stale)',
        request: { params: PatientParams, body: jsonBody(UpdatePatientRequest) },
        responses: {
          200: jsonResponse(Patient, 'Updated'),
          409: errorResponses[422],
          428: errorResponses[422],
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const changes = c.req.valid('json');
      const version = requiredVersion(c);
      const { db, now } = c.var.deps;
      const updated = await db.tx(async (tx) => {
        const at = now();
        if (changes.dateOfBirth !== undefined || changes.guardianContact !== undefined) {
          const current = await getPatient(tx, access.patientId);
          if (!current) throw AppError.notFound('The patient');
          await checkAgeRules(tx, current.siteId, at, {
            dateOfBirth: changes.dateOfBirth ?? current.dateOfBirth,
            guardianContact:
              changes.guardianContact === undefined ? current.guardianContact : changes.guardianContact,
          });
        }
        if (!(await updatePatient(tx, access.patientId, version, changes, at))) {
          const current = await getPatient(tx, access.patientId);
          if (!current) throw AppError.notFound('The patient');
          throw staleVersion(current.version);
        }
        await auditPatient(c, tx, {
          action: 'patient.update',
          entity: 'patient',
          entityId: access.patientId,
          detail: { fields: Object.keys(changes).sort() },
        });
        return (await getPatient(tx, access.patientId))!;
      });
      c.header('ETag', etag(updated.version));
      return c.json(patientJson(updated), 200);
    },
  );

  defineRoute(
    app,
    {
      permission: 'patient.break_glass',
      route: createRoute({
        method: 'post',
        path: '/api/patients/{patientId}/break-glass',
        tags,
        summary:
          'Emergency access to a patient outside your sites: reason required, 1 hour, flagged for review',
        request: { params: PatientParams, body: jsonBody(BreakGlassRequest) },
        responses: {
          201: jsonResponse(BreakGlassResponse, 'Access granted for one hour'),
          ...errorResponses,
        },
      }),
    },
    async (c) => {
      const access = c.var.patientAccess!;
      const { reason } = c.req.valid('json');
      const p = c.var.principal!;
      const { db, config, now } = c.var.deps;
      const at = now();
      const grant = await db.tx(async (tx) => {
        const g = await createBreakGlassGrant(tx, {
          organizationId: p.organizationId,
          siteId: access.siteId,
          patientId: access.patientId,
          userId: p.userId,
          reason,
          createdAt: at,
          expiresAt: new Date(at.getTime() + config.breakGlassSeconds * 1000),
        });
        await appendAudit(
          tx,
          auditActor(c),
          [
            {
              action: 'patient.break_glass',
              entity: 'break_glass_grant',
              entityId: g.id,
              patientId: access.patientId,
              siteId: access.siteId,
              detail: { reason, expiresAt: g.expiresAt.toISOString(), reviewRequired: true },
            },
          ],
          at,
        );
        return g;
      });
      return c.json({ expiresAt: grant.expiresAt.toISOString(), id: grant.id }, 201);
    },
  );
}
