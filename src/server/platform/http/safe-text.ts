import { z } from '@hono/zod-openapi';

// Unicode control characters (Cc) and the bidirectional embedding, override and isolate controls: in a name
// they hide or reorder what a reader sees (Unicode TR #36, "Unicode Security Considerations", §2.1).
const CONTROL_OR_BIDI = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
// What renders as nothing: format characters (zero-width space, joiners, marks, BOM) and white space.
const INVISIBLE = /[\p{Cf}\p{Z}\s]/gu;

/** A person's or a record's name: trimmed, 1–`max` characters, with something visible and no controls. */
export function visibleText(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'Must not be empty.')
    .max(max, `At most ${max} characters.`)
    .refine((value) => !CONTROL_OR_BIDI.test(value), 'Must not contain control or text-direction characters.')
    .refine((value) => value.replace(INVISIBLE, '').length > 0, 'Must contain visible characters.');
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A link people will open: https, or http to this machine only (for local testing). */
export function webLink(max: number) {
  return z
    .url('Must be a web address such as https://meet.example.org/room.')
    .max(max, `At most ${max} characters.`)
    .refine((value) => {
      if (!URL.canParse(value)) return true; // z.url() has said so already
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    }, 'Must start with https:// (http:// only for localhost).');
}
