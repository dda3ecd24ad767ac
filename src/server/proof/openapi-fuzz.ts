import fc from 'fast-check';

/**
 * Requests generated from the live OpenAPI document: for every operation, path ids (real, random, broken),
 * query strings, headers and bodies that are near-valid (drawn from the schema) and then broken in one
 * place — wrong type, missing or extra field, huge string, odd unicode, impossible date — or broken as a
 * whole (malformed JSON, wrong content type). The fuzz test decides which session each request carries.
 */

import { hostileString, hostileValue } from './hostile-values';
import type { FuzzRequest, IdPools, JsonSchema, Operation } from './openapi-operations';

export { hostileString, hostileValue } from './hostile-values';
export {
  type FuzzRequest,
  type IdPools,
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  operationsOf,
} from './openapi-operations';

const plainDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const nearDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2034-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const instant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function idArbitrary(name: string, pools: IdPools): fc.Arbitrary<string> {
  const pool = pools[name] ?? pools[poolNameFor(name)];
  return pool && pool.length > 0
    ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.uuid() })
    : fc.uuid();
}

/** Body fields name their kind of id differently from path parameters (primaryClinicianId → a user). */
function poolNameFor(name: string): string {
  if (/(clinician|facilitator|staff|prescriber|user|actor)id$/i.test(name)) return 'userId';
  if (name === 'careTeam') return 'userId';
  return name;
}

function stringFor(name: string, schema: JsonSchema, pools: IdPools): fc.Arbitrary<string> {
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter((v: unknown) => typeof v === 'string');
    if (values.length > 0) return fc.constantFrom(...values);
  }
  if (schema.format === 'uuid') return idArbitrary(name, pools);
  if (schema.format === 'date' || schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$')
    return fc.oneof(nearDate, plainDate);
  if (schema.format === 'date-time') return instant;
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'uri') return fc.webUrl();
  if (typeof schema.pattern === 'string') {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length <= (schema.maxLength ?? 1e6));
    } catch {
      // a pattern JavaScript cannot read: fall through to free text
    }
  }
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, 60);
  return fc.string({ minLength: min, maxLength: Math.max(min, max) });
}

export function validValue(schema: JsonSchema, pools: IdPools, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  const choices = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (choices && choices.length > 0)
    return fc.oneof(...choices.map((s) => validValue(s, pools, name, depth + 1)));
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nonNull = types.filter((t) => t !== 'null');
  const base = nonNull[0] ?? (schema.properties ? 'object' : undefined);
  let arb: fc.Arbitrary<unknown>;
  switch (base) {
    case 'string':
      arb = stringFor(name, schema, pools);
      break;
    case 'integer':
      arb = fc.integer({
        min: Math.max(schema.minimum ?? -1000, -(2 ** 31)),
        max: Math.min(schema.maximum ?? 1000, 2 ** 31 - 1),
      });
      break;
    case 'number':
      arb = fc.double({
        min: schema.minimum ?? -1000,
        max: schema.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
      break;
    case 'boolean':
      arb = fc.boolean();
      break;
    case 'array':
      arb = fc.array(validValue(schema.items ?? {}, pools, name, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
      break;
    case 'object':
      arb = validObject(schema, pools, depth);
      break;
    default:
      arb = fc.anything({ maxDepth: 1 });
  }
  return types.includes('null')
    ? fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) })
    : arb;
}

function validObject(
  schema: JsonSchema,
  pools: IdPools,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set<string>(schema.required ?? []);
  const model = Object.fromEntries(
    Object.entries(properties).map(([k, v]) => [k, validValue(v, pools, k, depth + 1)]),
  );
  return fc.record(model, { requiredKeys: [...required].filter((k) => k in properties) }) as fc.Arbitrary<
    Record<string, unknown>
  >;
}

// ---------------------------------------------------------------------------------------------------------
// Breaking a valid body in one place

type Path = (string | number)[];

/** Paths to every field (objects and array elements) of a value, so one of them can be broken. */
function fieldPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value))
    return value.flatMap((v, i) => [[...prefix, i], ...fieldPaths(v, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...fieldPaths(v, [...prefix, k])]);
  return [];
}

function setAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && remove) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number], rest, replacement, remove);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && remove) delete copy[head as string];
  else copy[head as string] = setAt(copy[head as string], rest, replacement, remove);
  return copy;
}

const EXTRA_KEYS = [
  'isAdmin',
  'organizationId',
  'id',
  'version',
  'role',
  '__proto__',
  'constructor',
  '',
  '💥',
];

type BodyPlan = { body: string | undefined; contentType: string | undefined; mutation: string };

function bodyArbitrary(schema: JsonSchema | undefined, pools: IdPools): fc.Arbitrary<BodyPlan> {
  const json = (v: unknown): string => JSON.stringify(v) ?? 'null';
  const valid = schema ? validValue(schema, pools) : fc.constant({});
  const asJson = (mutation: string) => (v: unknown) => ({
    body: json(v),
    contentType: 'application/json',
    mutation,
  });
  return fc.oneof(
    { weight: 3, arbitrary: valid.map(asJson('valid-shaped')) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(valid, fc.nat(), hostileValue)
        .map(([v, pick, bad]) => {
          const paths = fieldPaths(v);
          if (paths.length === 0) return { v: bad, what: 'whole body hostile' };
          const path = paths[pick % paths.length]!;
          return { v: setAt(v, path, bad), what: `field ${path.join('.')} hostile` };
        })
        .map(({ v, what }) => asJson(what)(v)),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.nat()).map(([v, pick]) => {
        const paths = fieldPaths(v);
        if (paths.length === 0) return asJson('empty')(v);
        const path = paths[pick % paths.length]!;
        return asJson(`field ${path.join('.')} missing`)(setAt(v, path, undefined, true));
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...EXTRA_KEYS), hostileValue)
        .map(([v, key, extra]) =>
          asJson(`extra field ${key}`)(
            v && typeof v === 'object' && !Array.isArray(v)
              ? Object.defineProperty({ ...v }, key, { value: extra, enumerable: true })
              : v,
          ),
        ),
    },
    { weight: 2, arbitrary: hostileValue.map(asJson('whole body hostile')) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          '{',
          '{"a":',
          '[1,2',
          '{"a":1}}',
          "{'a':1}",
          '\u0000',
          '',
          'undefined',
          '{"a":1e999999}',
          `{"x":"${'\\u0000'.repeat(10)}"}`,
          `${'['.repeat(5000)}${']'.repeat(5000)}`,
          `{"a":"${'y'.repeat(1_100_000)}"}`,
        )
        .map((body) => ({ body, contentType: 'application/json', mutation: 'malformed JSON' })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          valid,
          fc.constantFrom(
            undefined,
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
            'application/json; charset=latin1',
            'application/jsonx',
            '',
          ),
        )
        .map(([v, contentType]) => ({
          body: json(v),
          contentType,
          mutation: `content type ${contentType ?? '(none)'}`,
        })),
    },
  );
}

/** Percent-encodes; a lone surrogate (which URLs cannot carry) becomes U+FFFD first. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

function queryArbitrary(query: Operation['query'], pools: IdPools): fc.Arbitrary<string> {
  if (query.length === 0)
    return fc.oneof(
      fc.constant(''),
      hostileString.map((s) => `?junk=${encode(s)}`),
    );
  const entries = query.map(({ name, schema }) =>
    fc.option(
      fc.oneof(
        { weight: 3, arbitrary: validValue(schema, pools, name).map((v) => String(v)) },
        { weight: 2, arbitrary: hostileString },
        { weight: 1, arbitrary: fc.constantFrom('-1', '0', '1.5', '1e9', '99999999999999999999', '') },
      ),
      { nil: undefined, freq: 2 },
    ),
  );
  return fc.tuple(...entries, fc.boolean()).map((values) => {
    const parts: string[] = [];
    query.forEach((q, i) => {
      const v = values[i] as string | undefined;
      if (v !== undefined) parts.push(`${q.name}=${encode(v)}`);
    });
    // the same parameter twice
    if (values[query.length] && query[0]) parts.push(`${query[0].name}=2`);
    return parts.length > 0 ? `?${parts.join('&')}` : '';
  });
}

function pathParamArbitrary(name: string, pools: IdPools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: idArbitrary(name, pools).map(encodeURIComponent) },
    { weight: 2, arbitrary: hostileString.map((s) => encode(s.slice(0, 5000))) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('..', '%2e%2e', '%00', '%', '%zz', ' ', '%20', 'null', '0', '-1', '😀'),
    },
  );
}

const headerArbitrary = (method: string): fc.Arbitrary<Record<string, string>> =>
  fc
    .record(
      {
        idempotency: fc.oneof(
          fc.uuid(),
          fc.constantFrom('', 'k', 'x'.repeat(201), 'same-key-every-time'),
          fc.string({ maxLength: 30 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
        ),
        ifMatch: fc.oneof(
          fc.integer({ min: 0, max: 4 }).map((n) => `"${n}"`),
          fc.constantFrom('*', '"abc"', 'W/"1"', '"99999999999"', '"-1"', '1', ''),
        ),
      },
      { requiredKeys: [] },
    )
    .map(({ idempotency, ifMatch }) => {
      const h: Record<string, string> = {};
      if (method !== 'GET' && idempotency !== undefined) h['idempotency-key'] = idempotency;
      if (method !== 'GET' && ifMatch !== undefined) h['if-match'] = ifMatch;
      return h;
    });

/** Every way to call one operation badly (and a few ways to call it well). */
export function requestArbitrary(op: Operation, pools: IdPools): fc.Arbitrary<FuzzRequest> {
  const params = op.pathParams.map((name) => pathParamArbitrary(name, pools));
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  return fc
    .record({
      params: fc.tuple(...params),
      query: queryArbitrary(op.query, pools),
      headers: headerArbitrary(op.method),
      body: hasBody
        ? bodyArbitrary(op.body, pools)
        : fc.oneof(
            {
              weight: 9,
              arbitrary: fc.constant<BodyPlan>({
                body: undefined,
                contentType: undefined,
                mutation: 'no body',
              }),
            },
            {
              weight: 1,
              arbitrary: fc.constant<BodyPlan>({
                body: '{"a":1}',
                contentType: 'application/json',
                mutation: 'body on a read',
              }),
            },
          ),
    })
    .map(({ params, query, headers, body }) => {
      let i = 0;
      const path = op.path.replace(/\{(\w+)\}/g, () => params[i++] as string);
      const all = { ...headers };
      if (body.contentType !== undefined) all['content-type'] = body.contentType;
      // A GET with a body is sent as a POST-less read: the fetch API refuses a body on GET.
      const sendBody = op.method === 'GET' ? undefined : body.body;
      return {
        method: op.method,
        url: `${path}${query}`,
        headers: all,
        body: sendBody,
        mutation: body.mutation,
      };
    });
}
