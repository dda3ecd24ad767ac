/**
 * The OpenAPI document's operations as the fuzzer walks them: each path × method with its parameters and
 * body schema ($refs resolved).
 */

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI schema objects are walked field by field.
export type JsonSchema = Record<string, any>;
export type OpenApiDocument = {
  paths: Record<string, Record<string, JsonSchema>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type Operation = {
  key: string;
  method: string;
  path: string;
  permission: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | undefined;
};

export type FuzzRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** What was broken, for the failure report. */
  mutation: string;
};

/** Real ids by kind ('siteId' → the demo sites' ids …), so many requests get past the 404s. */
export type IdPools = Record<string, string[]>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const resolve = (s: JsonSchema | undefined) => (s ? resolveRefs(doc, s) : undefined);
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => {
      const op = item[m]!;
      const params = (op.parameters ?? []) as JsonSchema[];
      return {
        key: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase(),
        path,
        permission: op['x-permission'] as string,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name as string),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name as string, schema: resolve(p.schema) ?? {} })),
        body: resolve(op.requestBody?.content?.['application/json']?.schema),
      };
    }),
  );
}

function resolveRefs(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 12) return {};
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolveRefs(doc, doc.components?.schemas?.[name] ?? {}, depth + 1);
  }
  const out: JsonSchema = { ...schema };
  if (schema.properties)
    out.properties = Object.fromEntries(
      Object.entries(schema.properties as Record<string, JsonSchema>).map(([k, v]) => [
        k,
        resolveRefs(doc, v, depth + 1),
      ]),
    );
  if (schema.items) out.items = resolveRefs(doc, schema.items, depth + 1);
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(schema[key]))
      out[key] = (schema[key] as JsonSchema[]).map((s) => resolveRefs(doc, s, depth + 1));
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Hostile values
