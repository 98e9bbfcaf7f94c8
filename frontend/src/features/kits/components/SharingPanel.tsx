import { Alert, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api/errorMessage';
import type { SharedKit } from '../api/types';

function day(at: string, language: string) {
  return new Date(at).toLocaleDateString(language, { dateStyle: 'medium' });
}

/**
 * Publishing the association's kit for the department, and the kits other associations published:
 * a coordinator may start from one (it replaces the association's kit for the department).
 */
export function SharingPanel({
  department,
  publishedAt,
  shared,
  editable,
  busy,
  error,
  onPublish,
  onUnpublish,
  onCopy,
}: {
  department: string;
  publishedAt: string | null;
  shared: SharedKit[];
  editable: boolean;
  busy: boolean;
  error: unknown;
  onPublish: () => void;
  onUnpublish: () => void;
  onCopy: (association: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <Paper withBorder p="md" aria-labelledby="kit-sharing-title" component="section">
      <Title order={3} size="h4" id="kit-sharing-title" mb="xs">
        {t('kits.sharing')}
      </Title>
      <Text size="sm">
        {publishedAt
          ? t('kits.publishedOn', { day: day(publishedAt, i18n.language) })
          : t('kits.notPublished', { department })}
      </Text>
      {editable && (
        <Group gap="xs" mt="xs">
          <Button size="compact-sm" onClick={onPublish} loading={busy}>
            {publishedAt ? t('kits.publishAgain') : t('kits.publish')}
          </Button>
          {publishedAt && (
            <Button size="compact-sm" variant="default" onClick={onUnpublish} disabled={busy}>
              {t('kits.unpublish')}
            </Button>
          )}
        </Group>
      )}
      {error ? (
        <Alert color="red" mt="sm" role="alert">
          {errorMessage(error, t)}
        </Alert>
      ) : null}
      <Text fw={600} size="sm" mt="md">
        {t('kits.othersTitle', { department })}
      </Text>
      {shared.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('kits.othersNone')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} mt={4}>
          {shared.map((kit) => (
            <Box component="li" key={kit.association} style={{ listStyle: 'none' }}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm">
                  {t('kits.othersKit', {
                    name: kit.associationName,
                    day: day(kit.publishedAt, i18n.language),
                    count: kit.pieces.length,
                  })}
                </Text>
                {editable &&
                  (confirming === kit.association ? (
                    <Group gap="xs">
                      <Text size="sm">{t('kits.copyConfirm', { department })}</Text>
                      <Button
                        size="compact-sm"
                        color="orange.9"
                        loading={busy}
                        onClick={() => {
                          onCopy(kit.association);
                          setConfirming(null);
                        }}
                      >
                        {t('kits.copyYes')}
                      </Button>
                      <Button size="compact-sm" variant="default" onClick={() => setConfirming(null)}>
                        {t('kits.cancel')}
                      </Button>
                    </Group>
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setConfirming(kit.association)}
                      aria-label={t('kits.copyLabel', { name: kit.associationName })}
                    >
                      {t('kits.copy')}
                    </Button>
                  ))}
              </Group>
            </Box>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
