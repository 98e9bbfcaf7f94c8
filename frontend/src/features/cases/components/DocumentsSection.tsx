import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api/errorMessage';
import type { DocumentView } from '../api/types';
import { formatInstant, formatSize } from './format';
import { Section } from '@/components/Section';

export function DocumentsSection({
  documents,
  pieceLabel,
  pieceVerified = () => false,
  onDownload,
  onRemove,
  error,
}: {
  documents: DocumentView[];
  pieceLabel: (piece: string) => string;
  /** Whether the piece is checked: a file the applicant sent is "to check" until it is. */
  pieceVerified?: (piece: string) => boolean;
  onDownload: (document: DocumentView) => void;
  onRemove: (document: DocumentView) => void;
  error: unknown;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('documents.title')} id="documents">
      {error ? <Alert color="red">{errorMessage(error, t)}</Alert> : null}
      {documents.length === 0 && <Text size="sm">{t('documents.none')}</Text>}
      <Stack component="ul" gap={4} p={0} m={0}>
        {documents.map((document) => (
          <Group key={document.id} component="li" justify="space-between" wrap="wrap" style={{ listStyle: 'none' }}>
            <Stack gap={0}>
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  {document.filename}
                </Text>
                {document.fromApplicant && (
                  <Badge
                    color={pieceVerified(document.piece) ? 'gray.8' : '#9a3412'}
                    variant={pieceVerified(document.piece) ? 'outline' : 'filled'}
                  >
                    {pieceVerified(document.piece) ? t('documents.fromApplicantChecked') : t('documents.fromApplicant')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {pieceLabel(document.piece)} · {formatSize(document.size)} · {document.uploadedBy} ·{' '}
                {formatInstant(document.uploadedAt, i18n.language)}
              </Text>
            </Stack>
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                onClick={() => onDownload(document)}
                aria-label={t('documents.downloadLabel', { name: document.filename })}
              >
                {t('documents.download')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => onRemove(document)}
                aria-label={t('documents.removeLabel', { name: document.filename })}
              >
                {t('documents.remove')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
