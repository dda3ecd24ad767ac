import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { PatientScope } from '../access/access.store';
import type { Config } from '../config';
import type { Database } from '../db/database';

/** The signed-in user behind a request: a staff member or a patient's portal account. */
export type Principal = {
  userId: string;
  email: string;
  displayName: string;
  role: string;
  organizationId: string;
  /** Only for portal accounts: the patient the account belongs to. */
  patientId: string | null;
  siteIds: string[];
  sessionId: string;
  csrfToken: string;
  mfaEnabled: boolean;
  mfaVerified: boolean;
  idleExpiresAt: Date;
  expiresAt: Date;
};

/** What the access guard established for a patient-scoped route. */
export type PatientAccess = {
  patientId: string;
  siteId: string;
  viaBreakGlass: boolean;
  /** The live grant the access came through (viaBreakGlass), carried into every audit row of the request. */
  breakGlassGrantId: string | null;
};

export type Deps = { db: Database; config: Config; logger: Logger; now: () => Date };

export type AppEnv = {
  Variables: {
    deps: Deps;
    principal: Principal | null;
    /** Why there is no principal although a cookie was sent (expired, revoked). */
    sessionProblem: 'session_expired' | 'session_ended' | null;
    patientAccess: PatientAccess | null;
    /** The scope of the patient named in the address, read with the session (undefined: not read). */
    prefetchedScope: { patientId: string; scope: PatientScope | null } | undefined;
    requestId: string;
    /** A client-sent X-Request-Id, length-limited, for correlating logs only (never in audit rows). */
    correlationId: string | null;
  };
};

export type App = OpenAPIHono<AppEnv>;
