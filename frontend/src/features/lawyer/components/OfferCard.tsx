import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeadlineBadge } from '@/components/DeadlineBadge';
import { problemToFields } from '@/lib/api/errorMessage';
import { formatDay } from '../format';
import type { InboxOffer } from '../api/types';

/** An offer as a lawyer decides on it: the summary only, with accept and decline (a reason required). */
export function OfferCard({
  offer,
  onAccept,
  onDecline,
  busy,
  error,
}: {
  offer: InboxOffer;
  onAccept: () => void;
  onDecline: (reason: string) => void;
  busy: boolean;
  error: unknown;
}) {
  const { t, i18n } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const s = offer.summary;
  const refused = problemToFields(error, ['reason']);
  const titleId = `offer-${offer.id}`;
  const decision = s.decisionType ? t(`lawyer.decision.${s.decisionType}`, { defaultValue: s.decisionType }) : '—';
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-offer={offer.status}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={4} id={titleId}>
            {t('lawyer.offerTitle', {
              ground: s.ground ?? '—',
              prefecture: s.prefecture ?? t('lawyer.department', { department: s.department ?? '—' }),
            })}
          </Title>
          <Badge variant="light" color="indigo">
            {offer.associationName}
          </Badge>
        </Group>
        <Group gap="xs" wrap="wrap">
          <DeadlineBadge due={s.deadline ?? offer.due} step="appeal-contentious" />
          {s.deadlineRule && (
            <Text size="sm" c="dimmed">
              {t(`rules.${s.deadlineRule}`, { defaultValue: s.deadlineRule })}
            </Text>
          )}
        </Group>
        <Stack gap={2}>
          <Text size="sm">
            <b>{t('lawyer.decisionLabel')}</b> {decision}, {t('lawyer.notifiedOn')}{' '}
            {formatDay(s.decisionNotifiedOn, i18n.language)}
          </Text>
          {s.oqtfKind && (
            <Text size="sm">
              <b>{t('lawyer.oqtf')}</b> {t(`lawyer.oqtfKind.${s.oqtfKind}`, { defaultValue: s.oqtfKind })}
            </Text>
          )}
          <Text size="sm">
            <b>{t('lawyer.languages')}</b> {s.languages.length ? s.languages.join(', ') : '—'} ·{' '}
            {s.interpreterNeeded
              ? t('lawyer.interpreter', { language: s.interpreterLanguage ?? '' })
              : t('lawyer.noInterpreter')}
          </Text>
          {s.message && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <b>{t('lawyer.message')}</b> {s.message}
            </Text>
          )}
        </Stack>
        {offer.status === 'TAKEN' ? (
          <Badge color="gray.8" variant="filled" w="fit-content">
            {t('lawyer.taken')}
          </Badge>
        ) : (
          <Stack gap="xs">
            {refused.general && (
              <Alert color="red" role="alert">
                {refused.general}
              </Alert>
            )}
            {declining && (
              <Textarea
                label={t('lawyer.declineReason')}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={4000}
                error={refused.fields.reason}
                required
              />
            )}
            <Group gap="xs">
              {!declining && (
                <Button size="sm" onClick={onAccept} loading={busy}>
                  {t('lawyer.accept')}
                </Button>
              )}
              {declining ? (
                <>
                  <Button
                    size="sm"
                    color="red"
                    disabled={!reason.trim()}
                    loading={busy}
                    onClick={() => onDecline(reason.trim())}
                  >
                    {t('lawyer.confirmDecline')}
                  </Button>
                  <Button size="sm" variant="default" onClick={() => setDeclining(false)}>
                    {t('lawyer.cancel')}
                  </Button>
                </>
              ) : (
                <Button size="sm" variant="default" onClick={() => setDeclining(true)}>
                  {t('lawyer.decline')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
