import { spawn } from 'node:child_process';
import fs from 'node:fs';
const d = '/tmp/probe-shutdown-data';
for (let i = 0; i < 6; i++) {
  const port = 39400 + i;
  const c = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env: { ...process.env, PORT: String(port), OPENIOP_DATA_DIR: d, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = ''; c.stdout.on('data', (b) => (out += b)); c.stderr.on('data', (b) => (out += b));
  const exited = new Promise((r) => c.on('exit', (code, sig) => r([code, sig])));
  while (true) { try { const r = await fetch(`http://127.0.0.1:${port}/healthz`); if (r.status === 200) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
  for (let j = 0; j < 5; j++) await (await fetch(`http://127.0.0.1:${port}/api/openapi.json`)).text();
  const t = Date.now(); c.kill('SIGTERM'); const e = await exited;
  console.log(i, 'exit', e, 'after', Date.now() - t, 'ms; lock left:', fs.existsSync(d + '/openiop.lock'), out.includes('demo data seeded') ? 'seeded' : '');
  fs.rmSync(d + '/openiop.lock', { force: true });
}
