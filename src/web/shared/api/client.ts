import createClient, { type Middleware } from 'openapi-fetch';
import { closeAction, idempotencyKeyFor } from '../idempotency';
import { ApiError, networkError, readError, refusedForGood } from './api-error';
import type { components, paths } from './openapi';
import { currentCsrfToken, recordSuccessfulCall, reportSessionGone } from './session-signals';

/*
 * The web app's client of the API, typed from the server's own OpenAPI document (openapi.d.ts, written by
 * `npm run api:types`). Every failure is thrown as the ApiError the screens already show, so a call either
 * answers the route's 2xx body or throws: `const patient = await answer(client.GET('/api/patients/{id}', …))`.
 */

const startedAt = new WeakMap<Request, number>();

/** CSRF header on changes, the idle count on answers, one ApiError for every failure, lost sessions reported. */
const contract: Middleware = {
  onRequest({ request }) {
    startedAt.set(request, Date.now());
    const token = currentCsrfToken();
    if (request.method !== 'GET' && token) request.headers.set('X-CSRF-Token', token);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.ok) {
      recordSuccessfulCall(startedAt.get(request) ?? Date.now());
      return response;
    }
    const error = await readError(response.clone());
    reportSessionGone(error);
    throw error;
  },
  onError({ error }) {
    if (error instanceof DOMException && error.name === 'AbortError') return error;
    return networkError();
  },
};

export const client = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
});
client.use(contract);

type Answered<T> = { data?: T; error?: unknown; response: Response };

/** The 2xx body of a call (the middleware has already thrown every failure as an ApiError). */
export async function answer<T>(call: Promise<Answered<T>>): Promise<T> {
  const { data, response } = await call;
  if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, 'The call failed.');
  return data as T;
}

/**
 * For sign-in steps and sign-out, where a 401 is an answer to show (a wrong code) rather than a lost session:
 * this request's own middleware runs before the shared one on the answer, and throws it without reporting.
 */
export const keepSessionOnUnauthorized = {
  middleware: [
    {
      async onResponse({ response }) {
        if (response.status === 401) throw await readError(response.clone());
        return response;
      },
    } satisfies Middleware,
  ],
};

/**
 * A create a retry could double: `client.POST(path, { body, ...idempotent() })`. The action is the request
 * (path and body, shared/idempotency): a second click or a retry after a lost answer reuses its key, so the
 * server makes the record once; once the server has answered, or refused for good, the key is spent.
 */
export function idempotent(): { middleware: Middleware[] } {
  const actions = new WeakMap<Request, { path: string; body: string }>();
  return {
    middleware: [
      {
        async onRequest({ request }) {
          const url = new URL(request.url, window.location.origin);
          const action = { path: `${url.pathname}${url.search}`, body: await request.clone().text() };
          actions.set(request, action);
          request.headers.set('Idempotency-Key', idempotencyKeyFor(action.path, action.body));
          return request;
        },
        onResponse({ request, response }) {
          const action = actions.get(request);
          if (action && (response.ok || refusedForGood(response.status)))
            closeAction(action.path, action.body);
          return response;
        },
      },
    ],
  };
}

/** `If-Match` for an update of a record read at `version`; the server answers 409 if someone changed it since. */
export const ifMatch = (version: number) => ({ headers: { 'If-Match': `"${version}"` } });

/** A schema of the API by its OpenAPI name: `Schema<'Patient'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** A query without its empty values (an unset filter), so the server applies its defaults. */
export function withoutEmpty<T extends Record<string, string | number | boolean | null | undefined>>(
  query: T,
): { [K in keyof T]?: Exclude<T[K], null | ''> } {
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  ) as { [K in keyof T]?: Exclude<T[K], null | ''> };
}
