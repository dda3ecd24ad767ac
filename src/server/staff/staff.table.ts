import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, reference, uuidKey } from '../platform/db/columns';
import { organizations, users } from '../platform/db/platform.table';

/**
 * A one-time link for a new staff member to choose a password (then enrol an authenticator at first sign-in).
 * Only the token's SHA-256 is kept; a link is used once, expires, and a newer link for the same person revokes it.
 */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: uuidKey(),
    organizationId: reference('organization_id', () => organizations.id).notNull(),
    userId: reference('user_id', () => users.id).notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: reference('created_by', () => users.id).notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    uniqueIndex('staff_invitations_token_unique').on(t.tokenHash),
    index('staff_invitations_user_idx').on(t.userId),
  ],
);
