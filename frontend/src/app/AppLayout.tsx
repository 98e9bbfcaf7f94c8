import { AppShell, Button, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { LanguageSwitch } from '../i18n/LanguageSwitch';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  return (
    <AppShell header={{ height: 52 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h3">
            {t('app.name')}
          </Title>
          <Group gap="sm">
            <LanguageSwitch />
            <Button variant="default" size="xs" onClick={() => void auth.logout()}>
              {t('app.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
