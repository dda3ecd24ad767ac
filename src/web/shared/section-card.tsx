import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered section of a page, named by its heading (`id` ties the two for screen readers). */
export function SectionCard({
  id,
  title,
  children,
}: {
  /** The heading's id; the section is labelled by it. */
  id: string;
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
