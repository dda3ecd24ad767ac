import type { RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Permission } from '../access/permissions';
import { type AuditEvent, type AuditWrite, appendAudit } from '../audit/audit';
import type { Tx } from '../db/database';
import { AppError } from '../errors';
import type { App, AppEnv, Deps, PatientAccess, Principal } from './app-env';
import { auditActor } from './audit-actor';
import { errorResponses } from './common.schema';
import { defineRoute } from './define-route';
import { idempotent } from './idempotency';
import { etag, requiredVersion, staleVersion } from './versioning';

/**
 * The wrappers every feature route is written with. Each declares its permission, opens the request's one
 * transaction and hands the handler a typed context: who is acting, on which patient or site, the If-Match
 * version (versioned routes), and an `audit` that writes into the same transaction. The handler returns the
 * response body; the wrapper answers it with the route's status and, for records that carry a version, the ETag.
 */

type JsonSchemaOf<Res> = Res extends { content: { 'application/json': { schema: infer S } } } ? S : never;
type JsonOf<Res> = JsonSchemaOf<Res> extends z.ZodType ? z.input<JsonSchemaOf<Res>> : never;
type SuccessStatus = 200 | 201;
/** The body the route documents for its success status. */
export type RouteBody<R extends RouteConfig, S extends SuccessStatus> = JsonOf<R['responses'][S]>;

type Req<R extends RouteConfig> = R['request'] extends object ? R['request'] : Record<string, never>;
type Out<T> = T extends z.ZodType ? z.output<T> : never;
/** The validated request parts, typed from the route's own schemas. */
export type RouteInput<R extends RouteConfig> = {
  param: Req<R> extends { params: infer P } ? Out<P> : Record<string, never>;
  query: Req<R> extends { query: infer Q } ? Out<Q> : Record<string, never>;
  json: Req<R> extends { body: { content: { 'application/json': { schema: infer B } } } }
    ? Out<B>
    : undefined;
};

type Versioned<V> = V extends true ? { version: number } : { version?: never };

export type BaseContext = {
  /** Hono's context, for the rare header a handler reads or sets itself. */
  c: Context<AppEnv>;
  tx: Tx;
  actor: Principal;
  deps: Deps;
  /** The request's moment, from the injected clock (tests move it). */
  now: Date;
  /** Rows for several patients at once (a list shows each patient: each is a disclosure to this user). */
  auditEach: (events: AuditEvent[]) => Promise<void>;
};

export type PatientContext<V = false> = BaseContext &
  Versioned<V> & {
    /** The patient the guard let this request reach, and the site the record belongs to. */
    patient: PatientAccess & { id: string };
    /** One audit row on this patient and site, flagged with the grant when the access is a break-glass. */
    audit: AuditWrite;
  };

export type SiteContext<V = false> = BaseContext &
  Versioned<V> & {
    site: { id: string };
    /** One audit row on this site (name a patient in `auditEach` when the row is about one). */
    audit: AuditWrite;
  };

export type UserContext<V = false> = BaseContext & Versioned<V> & { audit: AuditWrite };

export type PortalContext<V = false> = BaseContext &
  Versioned<V> & {
    /** The patient whose own portal account is signed in. */
    self: { patientId: string };
    /** One audit row on the patient, at the site their record belongs to (read from the record). */
    auditAt: (siteId: string) => AuditWrite;
  };

type Options<R extends RouteConfig, S extends SuccessStatus, V extends boolean, Ctx = never> = {
  permission: Permission;
  route: R;
  /** The success status (200 unless named). */
  status?: S;
  /** The change needs `If-Match`: the handler gets `version`, the route documents 409 and 428. */
  versioned?: V;
  /** A create a retry could double: with an Idempotency-Key it runs once, and a retry gets the first answer. */
  idempotent?: boolean;
  /**
   * Send the answered record's `version` as its ETag (on by default for versioned routes), or the version
   * this function picks: from the answer when the record sits inside it (`(body) => body.enrolment.version`),
   * or from the request's If-Match for an answer about another record than the one changed (a discharge
   * answers the discharge; its ETag is the episode's next version: `(_, { version }) => version + 1`).
   */
  etag?: boolean | ((body: RouteBody<R, S>, request: { version: number | undefined }) => number);
  allowPendingMfa?: boolean;
  /**
   * When the handler fails: runs after the request's transaction rolled back, in a transaction of its own with
   * the same kind of context, then the error is answered as usual (a refusal that must leave a trace, like a
   * wrong password at signing).
   */
  afterRollback?: (ctx: Ctx, error: unknown) => Promise<void>;
};

type Handler<R extends RouteConfig, S extends SuccessStatus, Ctx> = (
  ctx: Ctx,
  input: RouteInput<R>,
) => Promise<RouteBody<R, S> | Response>;

const conflictResponses = {
  409: { ...errorResponses[422], description: 'The record changed since it was read (version_conflict)' },
  428: { ...errorResponses[422], description: 'If-Match is missing' },
};

function validInput<R extends RouteConfig>(c: Context<AppEnv>, route: R): RouteInput<R> {
  // biome-ignore lint/suspicious/noExplicitAny: Hono's `valid` is typed per route; the types above carry it.
  const valid = (c.req as any).valid.bind(c.req);
  const request = route.request ?? {};
  return {
    param: request.params ? valid('param') : {},
    query: request.query ? valid('query') : {},
    json: request.body ? valid('json') : undefined,
  } as RouteInput<R>;
}

function withConflicts<R extends RouteConfig>(route: R, versioned: boolean | undefined): R {
  if (!versioned) return route;
  return { ...route, responses: { ...conflictResponses, ...route.responses } };
}

/** An `audit` bound to where the route acts: the patient and site, the site alone, or the organization. */
function scopedAudit(base: BaseContext, scope: { patientId?: string; siteId?: string }): AuditWrite {
  return (action, entity, entityId, detail, outcome) =>
    base.auditEach([{ action, entity, entityId, outcome, ...scope, detail: detail ?? null }]);
}

function signedIn(c: Context<AppEnv>): Principal {
  const p = c.var.principal;
  // The guard ran before the handler: a guarded route never reaches here without a principal.
  if (!p) throw AppError.unauthenticated();
  return p;
}

function register<R extends RouteConfig, S extends SuccessStatus, V extends boolean, Ctx>(
  app: App,
  options: Options<R, S, V, Ctx>,
  /** Adds the route kind's own parts (patient or site, and `audit`) to the base; `version` is added here. */
  makeContext: (c: Context<AppEnv>, base: BaseContext) => object,
  handler: Handler<R, S, Ctx>,
) {
  const status: SuccessStatus = options.status ?? 200;
  const etagOf =
    typeof options.etag === 'function'
      ? options.etag
      : (options.etag ?? options.versioned === true)
        ? (body: Record<string, unknown>) => body.version
        : undefined;
  defineRoute(
    app,
    {
      permission: options.permission,
      allowPendingMfa: options.allowPendingMfa,
      route: withConflicts(options.route, options.versioned),
    },
    // biome-ignore lint/suspicious/noExplicitAny: the answer's type is checked by Handler's return type.
    (async (c: Context<AppEnv>): Promise<any> => {
      const input = validInput(c, options.route);
      const version = options.versioned ? requiredVersion(c) : undefined;
      const actor = signedIn(c);
      const { deps } = c.var;
      const contextIn = (tx: Tx) => {
        const base: BaseContext = {
          c,
          tx,
          actor,
          deps,
          now: deps.now(),
          auditEach: (events) => appendAudit(tx, auditActor(c), events, deps.now()),
        };
        return { ...makeContext(c, base), version } as Ctx;
      };
      const answer = () =>
        deps.db.tx(async (tx) => {
          const ctx = contextIn(tx);
          const run = async () => ({ status, body: await handler(ctx, input) });
          if (!options.idempotent) return run();
          return idempotent<RouteBody<R, S> | Response>(c, tx, [input.param, input.json], run);
        });
      const { afterRollback } = options;
      const result = afterRollback
        ? await answer().catch(async (error: unknown) => {
            await deps.db.tx((tx) => afterRollback(contextIn(tx), error));
            throw error;
          })
        : await answer();
      if (result.body instanceof Response) return result.body;
      const body = result.body as Record<string, unknown>;
      // biome-ignore lint/suspicious/noExplicitAny: the answer is the route's body (checked by Handler's type).
      const tagged = etagOf?.(body as any, { version });
      if (typeof tagged === 'number') c.header('ETag', etag(tagged));
      return c.json(body, result.status);
    }) as never,
  );
}

/** A route under /api/patients/{patientId}/…: the guard checked the role, the site or grant, and the patient. */
export function definePatientRoute<
  R extends RouteConfig,
  S extends SuccessStatus = 200,
  V extends boolean = false,
>(app: App, options: Options<R, S, V, PatientContext<V>>, handler: Handler<R, S, PatientContext<V>>) {
  register(
    app,
    options,
    (c, base) => {
      const access = c.var.patientAccess;
      if (!access) throw AppError.forbidden();
      const audit = scopedAudit(base, { patientId: access.patientId, siteId: access.siteId });
      return { ...base, patient: { ...access, id: access.patientId }, audit };
    },
    handler,
  );
}

/** A route under /api/sites/{siteId}/…: the guard checked the role and the caller's membership of the site. */
export function defineSiteRoute<
  R extends RouteConfig,
  S extends SuccessStatus = 200,
  V extends boolean = false,
>(app: App, options: Options<R, S, V, SiteContext<V>>, handler: Handler<R, S, SiteContext<V>>) {
  register(
    app,
    options,
    (c, base) => {
      const siteId = c.req.param('siteId');
      if (!siteId) throw AppError.forbidden();
      const id = siteId.toLowerCase();
      return { ...base, site: { id }, audit: scopedAudit(base, { siteId: id }) };
    },
    handler,
  );
}

/** A signed-in route about the caller or their organization (no patient or site in the address). */
export function defineUserRoute<
  R extends RouteConfig,
  S extends SuccessStatus = 200,
  V extends boolean = false,
>(app: App, options: Options<R, S, V, UserContext<V>>, handler: Handler<R, S, UserContext<V>>) {
  register(app, options, (_c, base) => ({ ...base, audit: scopedAudit(base, {}) }), handler);
}

/** A patient-facing route under /api/portal/…: the caller is a patient's own portal account. */
export function definePortalRoute<
  R extends RouteConfig,
  S extends SuccessStatus = 200,
  V extends boolean = false,
>(app: App, options: Options<R, S, V>, handler: Handler<R, S, PortalContext<V>>) {
  register(
    app,
    options,
    (_c, base) => {
      const { patientId } = base.actor;
      // The guard let a portal permission through: only a patient's own account holds one.
      if (!patientId) throw AppError.forbidden();
      const auditAt = (siteId: string) => scopedAudit(base, { patientId, siteId });
      return { ...base, self: { patientId }, auditAt };
    },
    handler,
  );
}

/** The record, or 404 naming what was missing ("The note was not found."). */
export async function readPatientRecord<T>(found: Promise<T | undefined | null>, what: string): Promise<T> {
  const row = await found;
  if (row === undefined || row === null) throw AppError.notFound(what);
  return row;
}

/**
 * A compare-and-set update: `update` changes the row only at the version the client read (If-Match) and
 * returns it, or nothing when someone else changed it first — then 409 with the version now current.
 */
export async function versionedUpdate<T>(
  update: Promise<T | undefined | null>,
  current: { version: number },
): Promise<T> {
  const row = await update;
  if (row === undefined || row === null || row === false) throw staleVersion(current.version);
  return row;
}
