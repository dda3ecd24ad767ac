/** A staff member as the supervision rule sees them. */
export type SupervisionNode = {
  id: string;
  active: boolean;
  licensed: boolean;
  supervisorUserId: string | null;
  siteIds: readonly string[];
};

/**
 * Why `supervisorId` may not co-sign for `userId` working at `siteIds`, or null when it may: a supervisor is
 * another, active, licensed staff member sharing a site, and following supervisors upward never comes back
 * to the staff member (a cycle would leave a note nobody above can lock).
 */
export function supervisorRefusal(
  staff: readonly SupervisionNode[],
  userId: string | null,
  siteIds: readonly string[],
  supervisorId: string,
): string | null {
  if (supervisorId === userId) return 'A staff member cannot supervise themselves.';
  const byId = new Map(staff.map((s) => [s.id, s]));
  const chosen = byId.get(supervisorId);
  if (!chosen) return 'No staff member of the organization has this id.';
  if (!chosen.active) return 'This staff member is deactivated.';
  if (!chosen.licensed) return 'A supervisor must be licensed.';
  if (!chosen.siteIds.some((id) => siteIds.includes(id)))
    return 'The supervisor must work at one of the same sites.';
  const seen = new Set<string>();
  for (
    let at: SupervisionNode | undefined = chosen;
    at?.supervisorUserId;
    at = byId.get(at.supervisorUserId)
  ) {
    if (at.supervisorUserId === userId)
      return 'This would make a supervision loop (they are supervised by this staff member).';
    if (seen.has(at.id)) break;
    seen.add(at.id);
  }
  return null;
}
