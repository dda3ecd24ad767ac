import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .openapi('Error');

const err = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/** The failures every guarded route can answer, so the OpenAPI document lists them. */
export const errorResponses = {
  400: err('Invalid id, query or header'),
  401: err('Not signed in, or the session ended'),
  403: err('Not permitted'),
  404: err('Not found'),
  413: err('Body over 1 MB'),
  415: err('Body is not JSON'),
  422: err('Invalid fields'),
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const UuidParam = (name: string) =>
  z.uuid({ message: 'Must be a UUID.' }).openapi({ param: { name, in: 'path' } });

/** The path of a route about one patient's record. */
export const PatientParams = z.object({ patientId: UuidParam('patientId') });
/** The path of a route about one site. */
export const SiteParams = z.object({ siteId: UuidParam('siteId') });

type UuidParams<N extends string> = { [K in N]: ReturnType<typeof UuidParam> };
const uuidParams = <N extends string>(names: N[]) =>
  Object.fromEntries(names.map((n) => [n, UuidParam(n)])) as UuidParams<N>;
/** The path of a route about one record of a patient's: `patientParams('noteId')`. */
export const patientParams = <N extends string>(...names: N[]) => PatientParams.extend(uuidParams(names));
/** The path of a route about one record of a site's: `siteParams('programId')`. */
export const siteParams = <N extends string>(...names: N[]) => SiteParams.extend(uuidParams(names));

/**
 * A 409 (and 428) documented with the 422 text, as some routes did before the wrappers described them: kept so
 * the OpenAPI document stays as it was. Leave it out to document the wrappers' "version_conflict" instead.
 */
export const undescribedConflict = { 409: errorResponses[422] };
export const undescribedConflicts = { 409: errorResponses[422], 428: errorResponses[422] };
