import { Badge } from '@mantine/core';
import type { StaffMember } from './staff-api';

const LOOK: Record<StaffMember['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  invited: { label: 'Invited', color: 'blue' },
  locked: { label: 'Locked', color: 'yellow' },
  deactivated: { label: 'Deactivated', color: 'gray' },
};

export function StaffStatusBadge({ member }: { member: StaffMember }) {
  const look = LOOK[member.status];
  return (
    <Badge variant="light" color={look.color} tt="none">
      {look.label}
      {member.status !== 'invited' && member.active && !member.authenticatorEnrolled
        ? ' · no authenticator'
        : ''}
    </Badge>
  );
}
