import type { z } from '@hono/zod-openapi';
import type { StaffRole } from '../platform/access/roles';
import type { StaffMember } from './staff.schema';
import type { StaffRow } from './staff.store';

function statusOf(row: StaffRow, now: Date) {
  if (!row.active) return 'deactivated' as const;
  if (!row.passwordSet) return 'invited' as const;
  if (row.lockedUntil && row.lockedUntil > now) return 'locked' as const;
  return 'active' as const;
}

export function staffJson(row: StaffRow, now: Date): z.input<typeof StaffMember> {
  const locked = row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null;
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as StaffRole,
    credentials: row.credentials,
    licensed: row.licensed,
    active: row.active,
    status: statusOf(row, now),
    lockedUntil: locked,
    authenticatorEnrolled: row.mfaEnabled,
    sites: row.sites,
    supervisor:
      row.supervisorUserId && row.supervisorName
        ? { id: row.supervisorUserId, displayName: row.supervisorName }
        : null,
    version: row.version,
  };
}
