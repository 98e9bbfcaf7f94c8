import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KitChange } from '../api/types';

/** Who changed the department's kit, how and when, newest first. */
export function KitHistory({ changes, labels }: { changes: KitChange[]; labels: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" aria-labelledby="kit-history-title" component="section">
      <Title order={3} size="h4" id="kit-history-title" mb="xs">
        {t('kits.history')}
      </Title>
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('kits.historyNone')}
        </Text>
      ) : (
        <Stack component="ol" gap={4} p={0} m={0}>
          {changes.map((change) => (
            <Box component="li" key={change.id} style={{ listStyle: 'none' }}>
              <Text size="sm">
                <Text component="span" size="sm" c="dimmed">
                  {new Date(change.at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}
                  {' · '}
                  {change.byName}
                  {' · '}
                </Text>
                <Text component="span" size="sm" fw={600}>
                  {t(`kits.change.${change.change}`)}
                </Text>
                {change.list && ` · ${change.list}`}
                {change.piece && ` · ${labels[change.piece] ?? change.piece}`}
                {change.detail && ` : ${change.detail}`}
              </Text>
            </Box>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
