import { spawn } from 'node:child_process';
import fs from 'node:fs';
const d = '/tmp/probe-tsx-data';
let left = 0;
for (let i = 0; i < 6; i++) {
  const port = 39600 + i;
  const c = spawn('node_modules/.bin/tsx', ['src/server/main.ts'], { detached: true, env: { ...process.env, PORT: String(port), OPENIOP_DATA_DIR: d, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  c.stdout.resume(); c.stderr.resume();
  while (true) { try { const r = await fetch(`http://127.0.0.1:${port}/healthz`); if (r.status === 200) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
  process.kill(-c.pid!, 'SIGTERM');
  const t = Date.now();
  while (true) { try { process.kill(-c.pid!, 0); } catch { break; } await new Promise((r) => setTimeout(r, 20)); }
  const l = fs.existsSync(d + '/openiop.lock'); if (l) left++;
  console.log(i, 'group gone after', Date.now() - t, 'ms; lock left:', l);
  fs.rmSync(d + '/openiop.lock', { force: true });
}
console.log('lock left in', left, 'of 6');
