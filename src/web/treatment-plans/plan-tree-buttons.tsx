import { ActionIcon, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** ✕ beside a problem, goal, objective or intervention; hidden for the last one of its kind. */
export function RemoveButton({
  label,
  hidden,
  onClick,
}: {
  label: string;
  hidden: boolean;
  onClick: () => void;
}) {
  if (hidden) return null;
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick} mb={4}>
      ✕
    </ActionIcon>
  );
}

export function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Group>
      <Button variant="subtle" size="xs" onClick={onClick}>
        + {children}
      </Button>
    </Group>
  );
}
