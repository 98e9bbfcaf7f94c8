import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/QueryState';
import { problemToFields } from '@/lib/api/errorMessage';
import { useLawyers, usePartnerLawyerActions } from './api/lawyer';

/** The coordinator's partner lawyers: those appeals are offered to (the association's lawyer group). */
export default function PartnerLawyersPage() {
  const { t } = useTranslation();
  const lawyers = useLawyers(true);
  const [email, setEmail] = useState('');
  const { add, remove } = usePartnerLawyerActions(() => setEmail(''));
  const refused = problemToFields(add.error, ['email']);
  return (
    <Stack>
      <Title order={2}>{t('lawyer.partners.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('lawyer.partners.intro')}
      </Text>
      <Paper
        withBorder
        p="md"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (email.trim()) add.mutate(email.trim());
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('lawyer.partners.email')}
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            maxLength={254}
            error={refused.fields.email}
            w={320}
          />
          <Button type="submit" loading={add.isPending} disabled={!email.trim()}>
            {t('lawyer.partners.add')}
          </Button>
        </Group>
        {refused.general && (
          <Alert color="red" mt="sm">
            {refused.general}
          </Alert>
        )}
      </Paper>
      <QueryState query={lawyers}>
        {(list) => (
          <Stack component="ul" gap="xs" p={0} m={0}>
            {list.length === 0 && <Text size="sm">{t('lawyer.partners.none')}</Text>}
            {list.map((lawyer) => (
              <Paper key={lawyer.userId} withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
                <Group justify="space-between" wrap="wrap">
                  <Stack gap={0}>
                    <Text fw={600}>{lawyer.name}</Text>
                    <Text size="sm" c="dimmed">
                      {lawyer.username}
                    </Text>
                  </Stack>
                  <Button
                    size="xs"
                    variant="default"
                    loading={remove.isPending && remove.variables === lawyer.userId}
                    onClick={() => remove.mutate(lawyer.userId)}
                    aria-label={t('lawyer.partners.removeLabel', { name: lawyer.name })}
                  >
                    {t('lawyer.partners.remove')}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
