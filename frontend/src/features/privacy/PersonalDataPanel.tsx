import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Section } from '@/components/Section';
import { QueryState } from '@/components/QueryState';
import { errorMessage } from '@/lib/api/errorMessage';
import { saveFile } from '@/lib/api/saveFile';
import { usePersonalDataActions, useRetentionPlan } from './api/privacy';

/**
 * A case's "Données personnelles" part, for coordinators: when the applicant's data will be anonymised, their
 * copy of it (GDPR art. 15, 20) and their erasure (art. 17), confirmed after saying what goes.
 */
export function PersonalDataPanel({ applicantId, name }: { applicantId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const plan = useRetentionPlan(applicantId);
  const { copy, erase } = usePersonalDataActions(applicantId);
  const [confirming, setConfirming] = useState(false);
  const date = (iso: string) => new Date(`${iso}T12:00:00`).toLocaleDateString(i18n.language);
  return (
    <Stack>
      <Section title={t('privacy.retention.title')} id="retention">
        <QueryState query={plan}>
          {(p) => (
            <Text size="sm">
              {p.anonymisedAt
                ? t('privacy.retention.done')
                : p.anonymiseOn
                  ? t('privacy.retention.on', {
                      date: date(p.anonymiseOn),
                      last: date(p.lastContact ?? p.anonymiseOn),
                      count: p.months,
                    })
                  : t('privacy.retention.open', { count: p.months })}
            </Text>
          )}
        </QueryState>
        <Text size="sm" c="dimmed">
          {t('privacy.retention.what')}
        </Text>
      </Section>
      <Section title={t('privacy.copy.title')} id="copy">
        <Text size="sm">{t('privacy.copy.intro')}</Text>
        <Group>
          <Button
            variant="default"
            loading={copy.isPending}
            onClick={() =>
              copy.mutate(undefined, {
                onSuccess: (blob) => saveFile(blob, `donnees-personnelles-${applicantId}.zip`),
              })
            }
          >
            {t('privacy.copy.download')}
          </Button>
        </Group>
        {copy.error && <Alert color="red">{errorMessage(copy.error, t)}</Alert>}
      </Section>
      <Section title={t('privacy.erase.title')} id="erase">
        <Text size="sm">{t('privacy.erase.intro')}</Text>
        <Group>
          <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
            {t('privacy.erase.button')}
          </Button>
        </Group>
      </Section>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('privacy.erase.confirmTitle', { name })}
        closeButtonProps={{ 'aria-label': t('privacy.erase.cancel') }}
      >
        <Stack>
          <Text size="sm">{t('privacy.erase.goes')}</Text>
          <List size="sm">
            {(['cases', 'documents', 'tasks', 'appeals', 'exports', 'audit'] as const).map((what) => (
              <List.Item key={what}>{t(`privacy.erase.what.${what}`)}</List.Item>
            ))}
          </List>
          <Text size="sm" fw={600}>
            {t('privacy.erase.final')}
          </Text>
          {erase.error && <Alert color="red">{errorMessage(erase.error, t)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('privacy.erase.cancel')}
            </Button>
            <Button
              color="red"
              loading={erase.isPending}
              onClick={() =>
                erase.mutate(undefined, {
                  onSuccess: (answer) => void navigate('/cases', { state: { erased: answer.cases } }),
                })
              }
            >
              {t('privacy.erase.confirm', { name })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
