import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api/errorMessage';
import { LETTERS, useLetterDownload, type LetterKind } from '../api/lawyer';
import { LETTER_TASKS } from '../inbox';

/** The letters' .docx drafts, pre-filled from the case, on the appeal tasks where they are written. */
export function LetterDownloads({
  caseId,
  taskKey,
  reference,
}: {
  caseId: string;
  taskKey: string;
  reference: string;
}) {
  const { t } = useTranslation();
  const download = useLetterDownload(caseId, reference);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<LetterKind | null>(null);
  if (!LETTER_TASKS.has(taskKey)) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="letters-title" mt="md">
      <Stack gap="xs">
        <Title order={3} size="h4" id="letters-title">
          {t('lawyer.letters.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('lawyer.letters.hint')}
        </Text>
        <Group gap="xs">
          {LETTERS.map((kind) => (
            <Button
              key={kind}
              size="xs"
              variant="default"
              loading={busy === kind}
              onClick={() => {
                setBusy(kind);
                setError(null);
                download(kind)
                  .catch(setError)
                  .finally(() => setBusy(null));
              }}
            >
              {t(`lawyer.letters.${kind}`)}
            </Button>
          ))}
        </Group>
        {error != null && <Alert color="red">{errorMessage(error, t)}</Alert>}
      </Stack>
    </Paper>
  );
}
