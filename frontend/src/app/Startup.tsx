import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What shows when the configuration or Keycloak cannot be reached. */
export function StartupFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Center h="100vh" p="md">
      <Alert color="red" title={t('app.startupFailed')} maw={560}>
        <Stack align="flex-start">
          <Text size="sm">{error instanceof Error ? error.message : String(error)}</Text>
          <Button size="xs" onClick={() => window.location.reload()}>
            {t('app.retry')}
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}
