import { createRoute, type RouteConfig, type z } from '@hono/zod-openapi';
import type { Permission } from '../access/permissions';
import type { App } from './app-env';
import { errorResponses, jsonBody, jsonResponse, PatientParams, SiteParams } from './common.schema';
import {
  definePatientRoute,
  definePortalRoute,
  defineSiteRoute,
  defineUserRoute,
  type PatientContext,
  type PortalContext,
  type SiteContext,
  type UserContext,
} from './route-wrappers';

/**
 * The short form every feature declares its routes in: one router per kind of address and OpenAPI tag,
 *
 *     const routes = siteRoutes(app, { tags: ['Billing'] });
 *     routes.get('/api/sites/{siteId}/charges', { permission: 'charge.read', summary: '…',
 *       query: ChargeQuery, ok: [ChargeList, 'Charges'] }, async ({ tx, site }, { query }) => …);
 *
 * The router fills in what every route repeats: its tags, the path parameters of its kind (`PatientParams`,
 * `SiteParams`) unless `params` names more, the JSON body and answer wrapping, the error responses, and the
 * success status. The handler gets the same typed context as `definePatientRoute` and friends, which stay.
 */

type ZodSchema = z.ZodType;
type SuccessStatus = 200 | 201;
type Out<T> = T extends ZodSchema ? z.output<T> : never;

/** The validated request parts, typed from the declaration's own schemas. */
export type DeclaredInput<P, Q, B> = {
  param: P extends ZodSchema ? z.output<P> : Record<string, never>;
  query: Q extends ZodSchema ? z.output<Q> : Record<string, never>;
  json: B extends ZodSchema ? Out<B> : undefined;
};
/** The answer the declaration documents (`ok`); a route without `ok` answers a Response of its own. */
type Answer<S> = S extends ZodSchema ? z.input<S> : never;

export type RouteDeclaration<P, Q, B, S, V extends boolean, Ctx> = {
  permission: Permission;
  summary: string;
  description?: string;
  /** The path parameters; the router's own (patientId or siteId) when left out. */
  params?: P;
  query?: Q;
  /** The JSON body (required). */
  body?: B;
  /** The success answer: its schema and description, documented under `status`. */
  ok?: readonly [S, string];
  /** The success status (200 unless named). */
  status?: SuccessStatus;
  /** Responses documented besides the success answer and the errors every route can answer (a 204, a 409). */
  responses?: RouteConfig['responses'];
  /** The change needs `If-Match`: the handler gets `version`, and 409 and 428 are documented. */
  versioned?: V;
  /** A create a retry could double: with an Idempotency-Key it runs once, and a retry gets the first answer. */
  idempotent?: boolean;
  /** Send the answer's `version` as its ETag (on for versioned routes), or the version this function picks. */
  etag?: boolean | ((body: Answer<S>, request: { version: number | undefined }) => number);
  allowPendingMfa?: boolean;
  /** When the handler fails: runs in a transaction of its own after the rollback (a refusal that leaves a trace). */
  afterRollback?: (ctx: Ctx, error: unknown) => Promise<void>;
};

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Kind = 'patient' | 'site' | 'user' | 'portal';
type Contexts<V> = {
  patient: PatientContext<V>;
  site: SiteContext<V>;
  user: UserContext<V>;
  portal: PortalContext<V>;
};
/** The path parameters a route of the kind has when it names none. */
type KindParams = {
  patient: typeof PatientParams;
  site: typeof SiteParams;
  user: undefined;
  portal: undefined;
};

type Declare<K extends Kind> = <
  V extends boolean = false,
  P extends ZodSchema | undefined = KindParams[K],
  Q extends ZodSchema | undefined = undefined,
  B extends ZodSchema | undefined = undefined,
  S extends ZodSchema | undefined = undefined,
>(
  path: string,
  declaration: RouteDeclaration<P, Q, B, S, V, Contexts<V>[K]>,
  handler: (ctx: Contexts<V>[K], input: DeclaredInput<P, Q, B>) => Promise<Answer<S> | Response>,
) => void;

export type Router<K extends Kind> = Record<Method, Declare<K>>;

type Define = (
  app: App,
  // biome-ignore lint/suspicious/noExplicitAny: the declaration's own types above check what reaches here.
  options: any,
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  handler: any,
) => void;

function router(app: App, define: Define, defaults: { tags: string[]; params?: ZodSchema }): Router<Kind> {
  const declare =
    (method: Method) =>
    (
      path: string,
      d: RouteDeclaration<unknown, unknown, unknown, unknown, boolean, unknown>,
      handler: unknown,
    ) => {
      const params = (d.params ?? defaults.params) as ZodSchema | undefined;
      const request = {
        ...(params ? { params } : {}),
        ...(d.query ? { query: d.query as ZodSchema } : {}),
        ...(d.body ? { body: jsonBody(d.body as ZodSchema) } : {}),
      };
      const status = d.status ?? 200;
      const route = createRoute({
        method,
        path,
        tags: defaults.tags,
        summary: d.summary,
        ...(d.description ? { description: d.description } : {}),
        ...(Object.keys(request).length ? { request } : {}),
        responses: {
          ...(d.ok ? { [status]: jsonResponse(d.ok[0] as ZodSchema, d.ok[1]) } : {}),
          ...d.responses,
          ...errorResponses,
        },
      } as RouteConfig);
      const { permission, versioned, idempotent, etag, allowPendingMfa, afterRollback } = d;
      define(
        app,
        { permission, status: d.status, versioned, idempotent, etag, allowPendingMfa, afterRollback, route },
        handler,
      );
    };
  return {
    get: declare('get'),
    post: declare('post'),
    put: declare('put'),
    patch: declare('patch'),
    delete: declare('delete'),
  } as Router<Kind>;
}

type RouterOptions = { tags: string[] };

/** Routes under /api/patients/{patientId}/…: the guard checked the role, the site or grant, and the patient. */
export const patientRoutes = (app: App, o: RouterOptions) =>
  router(app, definePatientRoute, { ...o, params: PatientParams }) as Router<'patient'>;
/** Routes under /api/sites/{siteId}/…: the guard checked the role and the caller's membership of the site. */
export const siteRoutes = (app: App, o: RouterOptions) =>
  router(app, defineSiteRoute, { ...o, params: SiteParams }) as Router<'site'>;
/** Signed-in routes about the caller or their organization (no patient or site in the address). */
export const userRoutes = (app: App, o: RouterOptions) => router(app, defineUserRoute, o) as Router<'user'>;
/** Patient-facing routes under /api/portal/…: the caller is a patient's own portal account. */
export const portalRoutes = (app: App, o: RouterOptions) =>
  router(app, definePortalRoute, o) as Router<'portal'>;
