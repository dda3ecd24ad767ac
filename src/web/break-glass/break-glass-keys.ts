import type { GrantStatus } from './break-glass-api';

export const breakGlassKeys = {
  grants: ['break-glass', 'grants'] as const,
  queue: (status: GrantStatus) => [...breakGlassKeys.grants, status] as const,
};
