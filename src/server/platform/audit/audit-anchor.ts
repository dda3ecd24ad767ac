import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/**
 * What ties the audit chain to something the database's own roles cannot rewrite: the HMAC key the seals
 * are made with (in the environment or a file, never in the database), and an append-only file of signed
 * checkpoints (seq, hash, time) written after each sealing round. Someone who can write the database but
 * has neither cannot make a seal that verifies, and cannot cut the newest rows without the newest
 * checkpoint naming a seq or hash the database no longer has.
 */
export type AuditAnchor = { key: Buffer; checkpointFile: string };

export type Checkpoint = { seq: number; hash: string; at: string };

export class AuditKeyMissingError extends Error {}

/**
 * The key from OPENIOP_AUDIT_KEY, or from `<data dir>/audit.key`. With `create`, a missing file is made with
 * 32 random bytes and mode 0600 (only the server's user may read it), written exclusively so two servers
 * starting together cannot make two keys.
 */
export function openAuditAnchor(
  config: Pick<Config, 'auditKey' | 'auditKeyFile' | 'auditCheckpointFile'>,
  { create }: { create: boolean },
): AuditAnchor {
  const checkpointFile = config.auditCheckpointFile;
  if (config.auditKey) return { key: Buffer.from(config.auditKey, 'utf8'), checkpointFile };
  const file = config.auditKeyFile;
  if (!fs.existsSync(file)) {
    if (!create) {
      throw new AuditKeyMissingError(
        `No audit key: set OPENIOP_AUDIT_KEY or point OPENIOP_DATA_DIR at the folder holding audit.key (${file}).`,
      );
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return { key: Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8'), checkpointFile };
}

export function keyedHash(key: Buffer, material: string): string {
  return createHmac('sha256', key).update(material).digest('hex');
}

function checkpointMac(key: Buffer, c: Checkpoint): string {
  return keyedHash(key, JSON.stringify(['audit-checkpoint', c.seq, c.hash, c.at]));
}

/** Appends one signed line; O_APPEND, so lines of several server processes never overwrite each other. */
export function writeCheckpoint(anchor: AuditAnchor, c: Checkpoint): void {
  fs.mkdirSync(path.dirname(anchor.checkpointFile), { recursive: true });
  const line = JSON.stringify({ ...c, mac: checkpointMac(anchor.key, c) });
  fs.appendFileSync(anchor.checkpointFile, `${line}\n`, { mode: 0o600 });
}

export type CheckpointRead = { checkpoints: Checkpoint[]; invalidLines: number[] };

/** Every checkpoint whose signature holds, and the line numbers (from 1) of those that do not. */
export function readCheckpoints(anchor: AuditAnchor): CheckpointRead {
  if (!fs.existsSync(anchor.checkpointFile)) return { checkpoints: [], invalidLines: [] };
  const checkpoints: Checkpoint[] = [];
  const invalidLines: number[] = [];
  const lines = fs.readFileSync(anchor.checkpointFile, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const v = JSON.parse(line) as Checkpoint & { mac?: unknown };
      const c = { seq: v.seq, hash: v.hash, at: v.at };
      const expected = Buffer.from(checkpointMac(anchor.key, c), 'hex');
      const given = typeof v.mac === 'string' ? Buffer.from(v.mac, 'hex') : Buffer.alloc(0);
      if (
        Number.isSafeInteger(c.seq) &&
        given.length === expected.length &&
        timingSafeEqual(given, expected)
      ) {
        checkpoints.push(c);
      } else invalidLines.push(i + 1);
    } catch {
      invalidLines.push(i + 1);
    }
  });
  return { checkpoints, invalidLines };
}
