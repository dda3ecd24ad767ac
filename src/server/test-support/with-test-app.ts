import { afterAll, beforeAll } from 'vitest';
import { demoIds } from './clinical-fixtures';
import { createTestApp, login, type Session, type TestApp, type TestDatabaseOptions } from './test-app';

export type DemoIds = Awaited<ReturnType<typeof demoIds>>;

export type WithTestAppOptions = {
  /** Passed to createTestApp: config variables over the test defaults. */
  env?: Record<string, string>;
  /** Passed to createTestApp: how the test database is opened (e.g. `asServerRole`). */
  database?: TestDatabaseOptions;
  /** Moves the test clock to this instant (ISO 8601) before anyone signs in. */
  clockAt?: string;
};

/** `t`, `ids` and one Session per key given; a session may be replaced (`s.clinician = await login(…)`). */
export type TestAppHandle<K extends string> = { readonly t: TestApp; readonly ids: DemoIds } & Record<
  K,
  Session
>;

/**
 * The usual header of a server test file: registers a `beforeAll` that creates the test app (on the project's
 * store), moves its clock to `clockAt` if given, signs in each of `logins` (name → email, in the order given)
 * and loads `demoIds`, and an `afterAll` that closes the app. Read the handle inside tests and hooks only: it
 * throws if read before its `beforeAll` ran (so do not destructure it at the top of a file). A file's own
 * `beforeAll` after this call runs after it, and its own `afterAll` before the app is closed (vitest's
 * default `sequence.hooks: 'stack'`). Not named `use…`: biome would lint it as a React hook.
 *
 * ```ts
 * const s = withTestApp({ intake: 'intake@demo.openiop.org' });
 * it('…', async () => call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}`, { session: s.intake }));
 * ```
 */
export function withTestApp<K extends string = never>(
  logins: Record<K, string> & { t?: never; ids?: never } = {} as Record<K, string>,
  options: WithTestAppOptions = {},
): TestAppHandle<K> {
  let app: TestApp | undefined;
  let ids: DemoIds | undefined;
  const sessions = new Map<string, Session>();
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`withTestApp: ${name} read before its beforeAll ran`);
    return value;
  };

  beforeAll(async () => {
    const t = await createTestApp(options.env, options.database);
    app = t;
    if (options.clockAt) t.clock.advance((Date.parse(options.clockAt) - t.clock.now().getTime()) / 1000);
    for (const [key, email] of Object.entries<string>(logins)) sessions.set(key, await login(t.app, email));
    ids = await demoIds(t);
  });
  afterAll(() => app?.close());

  const handle = {
    get t() {
      return ready(app, 't');
    },
    get ids() {
      return ready(ids, 'ids');
    },
  };
  for (const key of Object.keys(logins)) {
    Object.defineProperty(handle, key, {
      enumerable: true,
      get: () => ready(sessions.get(key), key),
      set: (session: Session) => sessions.set(key, session),
    });
  }
  // The session properties were defined one by one above, from the keys of `logins`.
  return handle as TestAppHandle<K>;
}
