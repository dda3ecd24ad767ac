import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/server/platform/db/database';
import { generateSyntheticData, SCALES, type ScaleName } from '../src/server/proof/synthetic-data';

/**
 * `npm run bench:data -- --scale small|large [--seed 7] [--label syn7] [--out bench/data-small.json]`
 *
 * Loads a deterministic synthetic network into DATABASE_URL (PostgreSQL) or the embedded data folder
 * OPENIOP_DATA_DIR (default ./data-bench), next to whatever is there, and writes a JSON summary (ids of
 * the sites, staff sign-ins, the deep patient, row counts, load time) that `npm run bench` reads.
 */
function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const scaleName = (arg('scale', 'small') ?? 'small') as ScaleName;
if (!(scaleName in SCALES)) {
  console.error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  process.exit(2);
}
const seed = Number(arg('seed', '7'));
const label = arg('label', `${scaleName}${seed}`)!;
const out = arg('out', `bench/data-${scaleName}.json`)!;
const url = process.env.DATABASE_URL;
const dataDir = path.resolve(process.env.OPENIOP_DATA_DIR ?? './data-bench');

const db = await openDatabase(url ? { kind: 'postgresql', url, poolSize: 4 } : { kind: 'embedded', dataDir });
try {
  console.log(
    `Generating scale ${scaleName} (seed ${seed}, label ${label}) into ${url ? 'PostgreSQL' : dataDir} …`,
  );
  const data = await generateSyntheticData(db, SCALES[scaleName], {
    seed,
    label,
    batchRows: url ? 4000 : 2000,
  });
  const rows = Object.values(data.counts).reduce((a, b) => a + b, 0);
  fs.writeFileSync(
    out,
    `${JSON.stringify({ scale: scaleName, seed, store: db.kind, generatedAt: new Date().toISOString(), ...data }, null, 2)}\n`,
  );
  console.log(
    `Loaded ${rows.toLocaleString('en-US')} rows in ${(data.ms / 1000).toFixed(1)} s ` +
      `(${Math.round(rows / (data.ms / 1000)).toLocaleString('en-US')} rows/s): ${JSON.stringify(data.counts)}`,
  );
  console.log(`Summary written to ${out}`);
} finally {
  await db.close();
}
