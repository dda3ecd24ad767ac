import type { Context } from 'hono';
import { AppError } from '../errors';
import type { AppEnv } from './app-env';

export const etag = (version: number) => `"${version}"`;

/** Updates of shared records must say which version they change: `If-Match: "<version>"`. */
export function requiredVersion(c: Context<AppEnv>): number {
  const header = c.req.header('if-match');
  if (!header) {
    throw new AppError(428, 'version_required', 'Send If-Match with the version you are changing.', [
      { path: 'header.If-Match', message: 'Required: the ETag from when you read the record.' },
    ]);
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw AppError.badRequest('If-Match must be a version like "3".', [
      { path: 'header.If-Match', message: 'Must be a version like "3".' },
    ]);
  }
  return Number(match[1]);
}

export function staleVersion(current: number): AppError {
  return AppError.conflict(
    'Someone else changed this record since you opened it. Reload and apply your change again.',
    'version_conflict',
    {
      currentVersion: current,
    },
  );
}
