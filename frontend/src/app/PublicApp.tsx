import { Box, Button, Group, Title } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from '@/lib/api/queryClient';
import { CalculatorPage } from '@/features/calculator/CalculatorPage';
import { LanguageSwitch } from '@/lib/i18n/LanguageSwitch';

/** The public pages, without signing in: the deadline calculator, under a plain header (no app shell). */
export function PublicApp() {
  const { t } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <Box component="header" h={56} px="md" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Title order={1} size="h3">
            {t('app.name')}
          </Title>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Button component="a" href="/" variant="default" size="xs">
              {t('app.login')}
            </Button>
          </Group>
        </Group>
      </Box>
      <Box component="main" p="md">
        <CalculatorPage />
      </Box>
    </QueryClientProvider>
  );
}
