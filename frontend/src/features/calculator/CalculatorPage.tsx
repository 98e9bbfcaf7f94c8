import { Alert, Button, Grid, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/ApiError';
import { errorMessage, problemToFields } from '@/lib/api/errorMessage';

export const RULES = [
  'CONTENTIOUS_APPEAL',
  'ADMINISTRATIVE_APPEAL',
  'ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION',
  'OQTF_ORDINARY',
  'OQTF_HOUSE_ARREST',
  'OQTF_RETENTION',
  'IMPLICIT_REFUSAL',
  'RECEIPT_RENEWAL',
  'COMMISSION_CONVOCATION',
  'FOLLOW_UP_WEEKLY',
] as const;

/** Rules counted in hours take a date and time (an OQTF notified in retention). */
export const HOURLY_RULES = ['OQTF_RETENTION'];

interface Answer {
  rule: string;
  kind: string;
  from: string;
  department: string;
  deadline: string;
  endsAt: string;
  source: string;
  explanation: string;
}

/** The public deadline calculator: no sign-in, GET /api/legal-deadlines. */
async function compute(rule: string, from: string, department: string, language: string): Promise<Answer> {
  const query = new URLSearchParams({ rule, from });
  if (department.trim()) query.set('department', department.trim());
  const response = await fetch(`/api/legal-deadlines?${query.toString()}`, {
    headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': language },
  });
  if (!response.ok) throw await ApiError.from(response);
  return (await response.json()) as Answer;
}

export function CalculatorPage() {
  const { t, i18n } = useTranslation();
  const [rule, setRule] = useState<string>('CONTENTIOUS_APPEAL');
  const [from, setFrom] = useState('');
  const [department, setDepartment] = useState('');
  const result = useMutation({ mutationFn: () => compute(rule, from, department, i18n.language) });
  const hourly = HOURLY_RULES.includes(rule);
  const refused = problemToFields(result.error, ['rule', 'from', 'department']);

  function submit(event: FormEvent) {
    event.preventDefault();
    result.mutate();
  }

  return (
    <Stack maw={760}>
      <Title order={2}>{t('calculator.title')}</Title>
      <Text size="sm">{t('calculator.intro')}</Text>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Grid align="flex-end">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select
                label={t('calculator.rule')}
                data={RULES.map((value) => ({ value, label: t(`rules.${value}`) }))}
                value={rule}
                onChange={(value) => value && setRule(value)}
                allowDeselect={false}
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
