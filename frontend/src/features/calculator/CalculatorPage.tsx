import { Alert, Button, Grid, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/ApiError';
import { errorMessage, problemToFields } from '@/lib/api/errorMessage';
import { HOURLY_RULES, RULES, useLegalDeadline } from './api/legalDeadlines';

/** The public deadline calculator (no sign-in): a native select, light and a phone's own picker. */
export function CalculatorPage() {
  const { t, i18n } = useTranslation();
  const [rule, setRule] = useState<string>('CONTENTIOUS_APPEAL');
  const [from, setFrom] = useState('');
  const [department, setDepartment] = useState('');
  const result = useLegalDeadline(i18n.language);
  const hourly = HOURLY_RULES.includes(rule);
  const refused = problemToFields(result.error, ['rule', 'from', 'department']);

  function submit(event: FormEvent) {
    event.preventDefault();
    result.mutate({ rule, from, department });
  }

  return (
    <Stack maw={760}>
      <Title order={2}>{t('calculator.title')}</Title>
      <Text size="sm">{t('calculator.intro')}</Text>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Grid align="flex-end">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <NativeSelect
                label={t('calculator.rule')}
                data={RULES.map((value) => ({ value, label: t(`rules.${value}`) }))}
                value={rule}
                onChange={(event) => setRule(event.currentTarget.value)}
                error={refused.fields.rule}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={hourly ? t('calculator.fromTime') : t('calculator.from')}
                type={hourly ? 'datetime-local' : 'date'}
                value={from}
                onChange={(event) => setFrom(event.currentTarget.value)}
                error={refused.fields.from}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <TextInput
                label={t('calculator.department')}
                description={t('calculator.departmentHint')}
                value={department}
                onChange={(event) => setDepartment(event.currentTarget.value)}
                error={refused.fields.department}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Button type="submit" loading={result.isPending}>
                {t('calculator.compute')}
              </Button>
            </Grid.Col>
          </Grid>
        </form>
      </Paper>
      {result.isError && refused.general && (
        <Alert color="red" role="alert">
          {result.error instanceof ApiError ? refused.general : errorMessage(result.error, t)}
        </Alert>
      )}
      {result.data && (
        <Paper withBorder p="md" role="status" aria-live="polite" data-testid="deadline-result">
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('calculator.result', {
                day: new Date(`${result.data.deadline.slice(0, 10)}T12:00:00`).toLocaleDateString(i18n.language, {
                  dateStyle: 'full',
                }),
              })}
            </Title>
            {result.data.deadline.length > 10 && <Text size="sm">{result.data.deadline.replace('T', ' ')}</Text>}
            <Text size="sm">{result.data.explanation}</Text>
            <Text size="sm" c="dimmed">
              {t('calculator.source', { source: result.data.source })}
            </Text>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
