import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '@/lib/session/Me';
import { roleLabel } from '@/lib/session/roleLabel';

export function IdentityCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={3}>{me.name}</Title>
          {me.platformAdmin && (
            <Badge variant="outline" color="indigo.9">
              {roleLabel(t, 'platformAdmin')}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t('me.username')}{' '}
          <Text span ff="monospace">
            {me.username}
          </Text>
        </Text>
        {me.email && (
          <Text size="sm">
            {t('me.email')} {me.email}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
