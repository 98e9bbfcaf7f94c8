import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/QueryState';
import { problemToFields } from '@/lib/api/errorMessage';
import { useRetention, useSetRetention } from './api/privacy';

/** The coordinator's setting of how long applicants' data is kept after the last contact. */
export default function RetentionPage() {
  const { t } = useTranslation();
  const retention = useRetention();
  const save = useSetRetention();
  const [months, setMonths] = useState<number | string>('');
  useEffect(() => {
    if (retention.data) setMonths(retention.data.months);
  }, [retention.data]);
  const refused = problemToFields(save.error, ['months']);
  return (
    <Stack>
      <Title order={2}>{t('privacy.settings.title')}</Title>
      <Text size="sm">{t('privacy.settings.intro')}</Text>
      <QueryState query={retention}>
        {() => (
          <Paper
            withBorder
            p="md"
            component="form"
            onSubmit={(event) => {
              event.preventDefault();
              if (typeof months === 'number') save.mutate(months);
            }}
          >
            <Group align="flex-end" wrap="wrap">
              <NumberInput
                label={t('privacy.settings.months')}
                description={t('privacy.settings.monthsHint')}
                value={months}
                onChange={setMonths}
                min={1}
                max={120}
                allowDecimal={false}
                error={refused.fields.months}
                w={280}
              />
              <Button type="submit" loading={save.isPending} disabled={typeof months !== 'number'}>
                {t('privacy.settings.save')}
              </Button>
            </Group>
            {save.isSuccess && (
              <Alert color="green" mt="sm" role="status">
                {t('privacy.settings.saved', { count: save.data.months })}
              </Alert>
            )}
            {refused.general && (
              <Alert color="red" mt="sm">
                {refused.general}
              </Alert>
            )}
          </Paper>
        )}
      </QueryState>
      <Text size="xs" c="dimmed">
        {t('privacy.settings.source')}
      </Text>
    </Stack>
  );
}
