import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// The lint plugin lint/zone-less-today.grit, run by `npm run lint` (Biome) on probe files placed in src/web.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const probes: string[] = [];

async function pluginFindings(source: string): Promise<string[]> {
  const name = `zz-lint-probe-${process.pid}-${probes.length}.ts`;
  const path = join(repoRoot, 'src', 'web', name);
  probes.push(path);
  await writeFile(path, source);
  const run = promisify(execFile)('npx', ['biome', 'lint', '--reporter=json', `src/web/${name}`], {
    cwd: repoRoot,
  });
  const { stdout } = await run.catch((failed: { stdout: string }) => failed);
  const report = JSON.parse(stdout) as { diagnostics: { category: string; message: string }[] };
  return report.diagnostics.filter((d) => d.category === 'plugin').map((d) => d.message);
}

afterAll(async () => {
  for (const path of probes) await rm(path, { force: true });
});

describe('the zone-less "today" lint rule in src/web', () => {
  it.each([
    [
      'Temporal.Now.plainDateISO()',
      "import { Temporal } from 'temporal-polyfill';\nexport const d = Temporal.Now.plainDateISO();\n",
    ],
    [
      'Temporal.Now.zonedDateTimeISO()',
      "import { Temporal } from 'temporal-polyfill';\nexport const d = Temporal.Now.zonedDateTimeISO();\n",
    ],
    ['new Date().getDate()', 'export const d = new Date().getDate();\n'],
    ['a Date’s getFullYear()', 'export const y = (at: Date) => at.getFullYear();\n'],
    ['toLocaleDateString()', 'export const s = new Date().toLocaleDateString();\n'],
  ])('fails on %s', async (_, source) => {
    const findings = await pluginFindings(source);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain('clinic-calendar');
  });

  it('passes a day taken from the clinic calendar with the site’s zone', async () => {
    const source =
      "import { clinicToday } from './shared/clinic-calendar';\nexport const d = clinicToday('America/Chicago');\n";
    expect(await pluginFindings(source)).toEqual([]);
  });
});
