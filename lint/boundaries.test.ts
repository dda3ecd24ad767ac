import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// The folder boundaries in .dependency-cruiser.cjs (ARCHITECTURE.md "Boundaries"), run by `npm run lint` and
// here, so that `npm test` (what CI runs) fails on a wrong-way import. Each case below rebuilds, in a scratch
// tree, one wrong-way import the code base really had before the boundaries were drawn, and expects the rule
// that names it to fire; the last case runs the check on this repository's own src/.
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const config = join(repoRoot, '.dependency-cruiser.cjs');
const scratch: string[] = [];

type Violation = { from: string; to: string; rule: { name: string } };

async function violations(cwd: string): Promise<Violation[]> {
  const run = promisify(execFile)(
    join(repoRoot, 'node_modules', '.bin', 'depcruise'),
    ['src', '--config', config, '--output-type', 'json'],
    { cwd, maxBuffer: 64 * 1024 * 1024 },
  );
  const { stdout } = await run.catch((failed: { stdout: string }) => failed);
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'openiop-boundaries-'));
  scratch.push(root);
  await writeFile(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext' } }));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

afterAll(async () => {
  for (const root of scratch) await rm(root, { recursive: true, force: true });
});

const leaf = 'export const x = 1;\n';
const uses = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;

type Case = { was: string; rule: string; files: Record<string, string> };

describe('the folder boundaries fail on each wrong-way import the code base had', () => {
  it.each<Case>([
    {
      was: 'platform/http/create-app.ts imported the features’ route modules',
      rule: 'platform-imports-no-feature',
      files: {
        'src/server/platform/http/create-app.ts': uses('../../patients/patients.routes'),
        'src/server/patients/patients.routes.ts': leaf,
      },
    },
    {
      was: 'platform/db/schema.ts re-exported feature tables',
      rule: 'platform-imports-no-feature',
      files: {
        'src/server/platform/db/schema.ts': "export { x } from '../../episodes/episodes.table';\n",
        'src/server/episodes/episodes.table.ts': leaf,
      },
    },
    {
      was: 'a routes file imported another feature’s routes (EpisodeParams, patientJson)',
      rule: 'feature-through-index',
      files: {
        'src/server/discharges/discharges.routes.ts': uses('../episodes/episodes.routes'),
        'src/server/episodes/episodes.routes.ts': leaf,
      },
    },
    {
      was: 'program-operations and discharges wrote episodes through episodes.store',
      rule: 'feature-through-index',
      files: {
        'src/server/program-operations/program-operations.routes.ts': uses('../episodes/episodes.store'),
        'src/server/episodes/episodes.store.ts': leaf,
      },
    },
    {
      was: 'assessments and episodes imported each other (even through their index.ts)',
      rule: 'no-folder-cycles',
      files: {
        'src/server/assessments/index.ts': "export { x } from './assessments.store';\n",
        'src/server/assessments/assessments.store.ts': leaf,
        'src/server/assessments/assessments.routes.ts': uses('../episodes'),
        'src/server/episodes/index.ts': "export { x } from './episodes.store';\n",
        'src/server/episodes/episodes.store.ts': leaf,
        'src/server/episodes/episodes.routes.ts': uses('../assessments'),
      },
    },
    {
      was: 'platform/http and platform/auth imported each other (session middleware ⇄ app env)',
      rule: 'no-folder-cycles',
      files: {
        'src/server/platform/http/create-app.ts': uses('../auth/session-middleware'),
        'src/server/platform/http/app-env.ts': leaf,
        'src/server/platform/auth/session-middleware.ts': uses('../http/app-env'),
      },
    },
    {
      was: 'the web shell and the feature screens imported each other (app/ ⇄ patients/)',
      rule: 'no-folder-cycles',
      files: {
        'src/web/app/app.tsx': uses('../patients/patient-page'),
        'src/web/app/api-client.ts': leaf,
        'src/web/patients/patient-page.tsx': uses('../app/api-client'),
      },
    },
    {
      was: 'the composition root importing a feature’s routes file instead of its index.ts',
      rule: 'composition-root-through-index',
      files: {
        'src/server/app.ts': uses('./patients/patients.routes'),
        'src/server/patients/patients.routes.ts': leaf,
      },
    },
    {
      was: 'a domain rule reaching into the server (never allowed: domain is pure)',
      rule: 'domain-is-pure',
      files: {
        'src/domain/dose/dose.ts': uses('../../server/platform/clock'),
        'src/server/platform/clock.ts': leaf,
      },
    },
    {
      was: 'the web app importing server code instead of the generated client',
      rule: 'web-imports-no-server',
      files: {
        'src/web/programs/programs-api.ts': uses('../../server/programs/programs.schema'),
        'src/server/programs/programs.schema.ts': leaf,
      },
    },
  ])('$was → $rule', async ({ files, rule }) => {
    const found = await violations(await tree(files));
    expect(found.map((v) => v.rule.name)).toContain(rule);
  });

  it('passes a tree whose arrows point one way (a feature through the other’s index.ts)', async () => {
    const found = await violations(
      await tree({
        'src/server/episodes/index.ts': "export { x } from './episodes.store';\n",
        'src/server/episodes/episodes.store.ts': leaf,
        'src/server/discharges/discharges.routes.ts': uses('../episodes'),
        'src/server/discharges/index.ts': "export { y as x } from './discharges.routes';\n",
        'src/server/app.ts': uses('./discharges'),
      }),
    );
    expect(found).toEqual([]);
  });

  it('holds on this repository’s own src/', async () => {
    const found = await violations(repoRoot);
    expect(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });
});
