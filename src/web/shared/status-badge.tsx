import { Badge } from '@mantine/core';

const statusColors: Record<string, string> = {
  active: 'teal',
  admitted: 'teal',
  enrolled: 'teal',
  referred: 'blue',
  pending: 'blue',
  waitlisted: 'yellow',
  on_hold: 'yellow',
  discharged: 'gray',
  inactive: 'gray',
};

export function statusLabel(status: string): string {
  const words = status.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A patient's or an episode's status as a coloured badge (referred, admitted, on hold, discharged …). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={statusColors[status] ?? 'gray'} tt="none">
      {statusLabel(status)}
    </Badge>
  );
}
