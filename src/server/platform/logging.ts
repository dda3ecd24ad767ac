import pino, { type DestinationStream, type Logger } from 'pino';

/** Names, dates of birth, contact details, note text and secrets never reach a log line. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.givenName',
  '*.familyName',
  '*.preferredName',
  '*.dateOfBirth',
  '*.email',
  '*.phone',
  '*.body',
  '*.note',
  '*.reason',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'openiop' } },
    destination,
  );
}
