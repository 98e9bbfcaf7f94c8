import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id ? `${id}-title` : undefined}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id ? `${id}-title` : undefined}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
