import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { InvalidTransitionError } from '../../../domain/episodes/episode-status';
import { InputError } from '../../../domain/input-error';
import { appendAudit } from '../audit/audit';
import { AppError, type FieldError } from '../errors';
import type { AppEnv } from './app-env';
import { auditActor } from './audit-actor';

export function errorBody(err: AppError) {
  return { error: { code: err.code, message: err.message, fields: err.fields, ...err.details } };
}

const TARGET_PREFIX: Record<string, string> = {
  json: '',
  query: '',
  param: '',
  header: 'header.',
  cookie: '',
};

/** Turns zod issues into field messages a person can act on ("dateOfBirth: Invalid ISO date"). */
export function zodFields(error: ZodError, target = 'json'): FieldError[] {
  const prefix = TARGET_PREFIX[target] ?? '';
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: prefix + (base ? `${base}.${key}` : key),
        message: 'Unknown field: it is not part of this request.',
      }));
    }
    return [{ path: prefix + (base || '(body)'), message: issue.message }];
  });
}

export function validationError(error: ZodError, target: string): AppError {
  const fields = zodFields(error, target);
  if (target === 'param') return new AppError(400, 'invalid_id', 'The address names an invalid id.', fields);
  if (target === 'query') return AppError.badRequest('The query string has invalid values.', fields);
  return AppError.validation(fields);
}

/** The PostgreSQL error in an error's cause chain (drizzle wraps the driver's), if any. */
function postgresError(err: unknown): { code: string; constraint?: string } | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** PostgreSQL data exceptions (class 22) that slipped past validation become a 400 without any SQL text. */
function postgresCode(err: unknown): string | undefined {
  return postgresError(err)?.code;
}

/**
 * What an unexpected error may put in the log: its class, the route pattern, the SQLSTATE and constraint
 * name, and the stack frames. Never its message: a driver's message carries the statement and its
 * parameters (note text, names), and a body or query string must never reach a log line.
 */
export function loggableError(err: unknown, c: Context<AppEnv>) {
  const pg = postgresError(err);
  const stack = err instanceof Error ? err.stack : undefined;
  return {
    requestId: c.var.requestId,
    method: c.req.method,
    route: c.req.routePath,
    errorClass: err instanceof Error ? err.constructor.name : typeof err,
    pgCode: pg?.code,
    constraint: pg?.constraint,
    frames: stack
      ?.split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 12)
      .map((line) => line.trim()),
  };
}

/** The domain's typed outcomes: bad input names its fields (422); an invalid status move names the allowed ones. */
function fromDomain(err: unknown): AppError | undefined {
  if (err instanceof InputError) {
    return AppError.validation(err.fields);
  }
  if (err instanceof InvalidTransitionError) {
    return AppError.conflict(err.message, 'invalid_transition', {
      from: err.from,
      to: err.to,
      allowed: err.allowed,
    });
  }
  return undefined;
}

/**
 * A signed-in lookup of patient data that found nothing is recorded like a refusal (HIPAA 164.312(b): audit
 * controls record activity in systems holding ePHI, and probing for records is activity): an unknown patient
 * id, or an unknown note, plan or other record of a known patient. Written in its own transaction, since the
 * request's own transaction rolled back with the error. Only addresses that name a patient are patient data.
 */
async function auditNotFound(c: Context<AppEnv>, err: AppError) {
  const requested = c.var.prefetchedScope?.patientId;
  if (!c.var.principal || !requested) return;
  const access = c.var.patientAccess;
  const { db, now } = c.var.deps;
  await db.tx((tx) =>
    appendAudit(
      tx,
      auditActor(c),
      [
        {
          action: 'access.not_found',
          entity: access ? 'patient_record' : 'patient',
          entityId: access ? null : requested,
          patientId: access?.patientId ?? null,
          siteId: access?.siteId ?? null,
          outcome: 'not_found',
          detail: {
            code: err.code,
            message: err.message,
            route: c.req.routePath,
            method: c.req.method,
            // A NUL cannot be stored in jsonb: a junk path must not cost the audit row (and the answer a 503).
            path: c.req.path.replaceAll('\u0000', '\uFFFD'),
          },
        },
      ],
      now(),
    ),
  );
}

export async function handleError(err: unknown, c: Context<AppEnv>) {
  const domain = fromDomain(err);
  if (domain) return c.json(errorBody(domain), domain.status);
  if (err instanceof AppError) {
    if (err.status === 404) {
      try {
        await auditNotFound(c, err);
      } catch (auditErr) {
        c.var.deps?.logger.error(
          { err: auditErr, requestId: c.var.requestId },
          'could not audit a not-found',
        );
        return c.json(
          errorBody(new AppError(503, 'audit_unavailable', 'The audit log is unavailable; try again.')),
          503,
        );
      }
    }
    return c.json(errorBody(err), err.status);
  }
  if (err instanceof HTTPException) {
    if (err.status === 413) return c.json(errorBody(tooLarge()), 413);
    const message = err.status === 400 ? 'The request body is not valid JSON.' : 'The request was refused.';
    const appErr = new AppError(
      err.status === 400 ? 400 : 422,
      err.status === 400 ? 'malformed_json' : 'bad_request',
      message,
      [{ path: '(body)', message }],
    );
    return c.json(errorBody(appErr), appErr.status);
  }
  const pg = postgresCode(err);
  if (pg?.startsWith('22')) {
    const e = AppError.badRequest('A value in the request is out of range or malformed.');
    return c.json(errorBody(e), 400);
  }
  if (pg === '23503') {
    // A reference the use case did not check: still the client's mistake, never a 500.
    const e = AppError.validation(
      [{ path: '(body)', message: 'Names a record that does not exist here.' }],
      'The request names a record that does not exist here.',
    );
    return c.json(errorBody(e), 422);
  }
  if (pg === '40001' || pg === '40P01') {
    return c.json(errorBody(AppError.conflict('The record changed while saving; try again.', 'retry')), 409);
  }
  c.var.deps?.logger.error(loggableError(err, c), 'unhandled error');
  return c.json(
    {
      error: {
        code: 'internal',
        message: `Something went wrong on our side. Reference: ${c.var.requestId}`,
        fields: [],
      },
    },
    500,
  );
}

export function tooLarge() {
  return new AppError(413, 'payload_too_large', 'The request body is larger than 1 MB.', [
    { path: '(body)', message: 'At most 1 MB.' },
  ]);
}
