import { expect } from 'vitest';
// Types only, from the web contract the server writes (`npm run api:types`): the tests read answers in the
// shapes the web app is promised. dependency-cruiser skips .d.ts files and test-support/, so the
// server-imports-no-web rule is untouched by this type-only import.
import type { components, paths } from '../../web/shared/api/openapi';

/** The one error body every failure answers (`{"error":{"code","message","fields"}}`). */
export type ErrorBody = components['schemas']['Error'];

type Route = keyof paths;
type Segments<S extends string> = S extends `${infer Head}/${infer Rest}` ? [Head, ...Segments<Rest>] : [S];
type WithoutQuery<P extends string> = P extends `${infer Base}?${string}` ? Base : P;

/**
 * Segment by segment: a `{name}` takes any one segment, every other segment must be the same. `'exact'` when
 * every `{name}` took a segment the test filled at run time (`${string}`), `'loose'` when one took a literal.
 */
type SegmentsMatch<
  Sent extends string[],
  Declared extends string[],
  Fit extends 'exact' | 'loose' = 'exact',
> = Sent extends [infer S extends string, ...infer SentRest extends string[]]
  ? Declared extends [infer D extends string, ...infer DeclaredRest extends string[]]
    ? D extends `{${string}}`
      ? SegmentsMatch<SentRest, DeclaredRest, string extends S ? Fit : 'loose'>
      : [S] extends [D]
        ? SegmentsMatch<SentRest, DeclaredRest, Fit>
        : false
    : false
  : Declared extends []
    ? Fit
    : false;

type Matches<P extends string, Fit> = {
  [R in Route]: SegmentsMatch<Segments<P>, Segments<R>> extends Fit ? R : never;
}[Route];

type ParamMatches<P extends string> = [Matches<P, 'exact'>] extends [never]
  ? Matches<P, 'loose'>
  : Matches<P, 'exact'>;

/**
 * The declared route a sent address answers to: the literal route when there is one (`/api/notes/queue`
 * rather than `/api/notes/{noteId}`), else the route whose `{params}` take the run-time parts of the address. An address typed as
 * a plain `string` matches none.
 */
export type RouteOf<P extends string> = string extends P
  ? never
  : WithoutQuery<P> extends Route
    ? WithoutQuery<P>
    : ParamMatches<WithoutQuery<P>>;

type Operation<R, M extends string> = R extends Route
  ? Lowercase<M> extends keyof paths[R]
    ? NonNullable<paths[R][Lowercase<M>]>
    : never
  : never;

type BodyOf<Answer> = Answer extends { content: { 'application/json': infer Body } }
  ? Body
  : Answer extends { content: object }
    ? unknown
    : null;

type Envelope = { headers: Headers; text: string };

/** An answer whose address or method the contract does not name: its body is read only after a check. */
export type UnknownAnswer = Envelope & { status: number; body: unknown };

type Answers<Op> = Op extends { responses: infer Responses }
  ? {
      [Status in keyof Responses]: Envelope & { status: Status; body: BodyOf<Responses[Status]> };
    }[keyof Responses]
  : never;

/**
 * One answer per status the route declares, `{ status: 200, body: <its 200 body> } | { status: 409, body:
 * ErrorBody } | …`: `expectStatus(res, 200)` narrows it to the one the test expects.
 */
export type Answer<P extends string = string, M extends string = string> = [
  Answers<Operation<RouteOf<P>, M>>,
] extends [never]
  ? UnknownAnswer
  : Answers<Operation<RouteOf<P>, M>>;

/**
 * Expects the status (the answer's text is the failure message) and narrows the answer to it, so the body
 * reads as that status's declared body. A status the route does not declare leaves nothing to read.
 */
export function expectStatus<A extends { status: number; text: string }, S extends number>(
  res: A,
  status: S,
): asserts res is A & { status: S } {
  expect(res.status, res.text).toBe(status);
}

type Ok<A> = A extends { status: 200 | 201 | 202 | 204 } ? A : never;

/** The error of an answer the test expects refused (any 4xx/5xx): `errorOf(res).code`. */
export function errorOf(res: { status: number; body: unknown; text: string }): ErrorBody['error'] {
  expect(res.status, res.text).toBeGreaterThanOrEqual(400);
  expect(res.body, res.text).toHaveProperty('error.code');
  return (res.body as ErrorBody).error;
}

/** The body of an answer the test expects accepted (2xx), as the route declares it. */
export function okBody<A extends { status: number; body: unknown; text: string }>(res: A): Ok<A>['body'] {
  expect(res.status, res.text).toBeGreaterThanOrEqual(200);
  expect(res.status, res.text).toBeLessThan(300);
  return res.body;
}
