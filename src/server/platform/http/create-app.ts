import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { ping } from '../db/database';
import { AppError } from '../errors';
import type { App, AppEnv, Deps } from './app-env';
import { errorBody, handleError, tooLarge, validationError } from './error-handler';
import { sessionMiddleware } from './session-middleware';

const ONE_MB = 1024 * 1024;

/** A feature's routes: the composition root (src/server/app.ts) passes every feature's in. */
export type MountRoutes = (app: App) => void;

/**
 * The HTTP app without its features: request ids, headers, logging, limits, the session, the API's own
 * documentation and the web app. Platform code imports no feature; `mounts` add them.
 */
export function createHttpApp(deps: Deps, mounts: MountRoutes[]): App {
  const app: App = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });

  // The request id in log lines and audit rows is the server's own: a client cannot choose what the audit trail
  // calls its request. A client's X-Request-Id is kept apart, as a short correlation id in the log line only.
  app.use('*', async (c, next) => {
    const id = randomUUID();
    c.set('requestId', id);
    c.set('correlationId', correlationIdOf(c.req.header('x-request-id')));
    c.header('X-Request-Id', id);
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      crossOriginEmbedderPolicy: false,
      // No inline script anywhere (the web app is one bundled module), nothing framed, nothing from elsewhere.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    const started = performance.now();
    await next();
    // One line per request; the route pattern, never ids, names or bodies.
    deps.logger.info(
      {
        requestId: c.var.requestId,
        correlationId: c.var.correlationId ?? undefined,
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        userId: c.var.principal?.userId,
        role: c.var.principal?.role,
      },
      'request',
    );
  });
  app.onError(handleError);
  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: ONE_MB,
      onError: () => {
        throw tooLarge();
      },
    }),
  );
  app.use('/api/*', async (c, next) => {
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method)) {
      const type = c.req.header('content-type');
      const length = Number(c.req.header('content-length') ?? 0);
      const hasBody = length > 0 || c.req.header('transfer-encoding') !== undefined;
      if ((type !== undefined || hasBody) && !/^application\/json\b/i.test(type ?? '')) {
        throw new AppError(415, 'unsupported_media_type', 'Send the request body as JSON.', [
          { path: 'header.Content-Type', message: 'Must be application/json.' },
        ]);
      }
    }
    await next();
  });
  app.use('/api/*', sessionMiddleware);

  app.get('/healthz', async (c) => {
    try {
      await ping(deps.db);
      return c.json({ status: 'ok', store: deps.db.kind });
    } catch {
      return c.json({ status: 'unavailable', store: deps.db.kind }, 503);
    }
  });

  for (const mount of mounts) mount(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'openiop_session',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'OpenIOP API',
      version: '0.1.0',
      description:
        'Every route names its permission in x-permission. Errors: {"error":{"code","message","fields":[{"path","message"}]}}. ' +
        'State-changing requests need the X-CSRF-Token header from /api/auth/me.',
    },
    security: [{ session: [] }],
  });
  const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  app.get('/api/docs', (c) => c.html(DOCS_PAGE));
  app.get('/api/docs/assets/openiop-docs-init.js', (c) =>
    c.body(DOCS_INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  app.use(
    '/api/docs/assets/*',
    serveStatic({ root: swaggerDir, rewriteRequestPath: (p) => p.replace(/^\/api\/docs\/assets/, '') }),
  );

  app.all('/api/*', (c) => c.json(errorBody(new AppError(404, 'not_found', 'No such API route.')), 404));

  // The web app: static files, and index.html for every other path (client-side routing).
  app.use('/*', serveStatic({ root: deps.config.webDir }));
  app.get('/*', (c) => {
    const index = path.join(deps.config.webDir, 'index.html');
    if (!fs.existsSync(index))
      return c.text('The web app is not built. Run `npm start` (it builds it) or `npm run build:web`.', 503);
    return c.html(fs.readFileSync(index, 'utf8'));
  });
  return app;
}

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OpenIOP API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/openiop-docs-init.js"></script>
</body></html>`;

/** The docs page starts Swagger UI from a file, not an inline script, so the one CSP holds for it too. */
const DOCS_INIT = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });\n";

/** A client's own request id, kept for correlation only: at most 64 plain characters, else dropped. */
function correlationIdOf(value: string | undefined): string | null {
  return value && /^[A-Za-z0-9._:-]{1,64}$/.test(value) ? value : null;
}
