import { Alert, Button, Checkbox, Grid, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { problemToFields } from '@/lib/api/errorMessage';
import { GROUNDS } from '@/lib/grounds';
import { useOpenCase } from './api/cases';

const APPLICANT = ['firstName', 'lastName', 'birthDate', 'nationality', 'entryDate', 'phone', 'email'] as const;
const CASE = ['ground', 'department', 'prefecture'] as const;
export const NEW_CASE_FIELDS = [...APPLICANT.map((field) => `applicant.${field}`), ...CASE, 'applicant'];

/** What the form sends: the applicant in full and the case's fields; empty fields are left out. */
export function newCaseBody(values: Record<string, string>, onlineFiling: boolean): Record<string, unknown> {
  const applicant: Record<string, string> = {};
  for (const field of APPLICANT) {
    const value = values[field]?.trim();
    if (value) applicant[field] = field === 'nationality' ? value.toUpperCase() : value;
  }
  const body: Record<string, unknown> = { applicant, onlineFiling };
  for (const field of CASE) {
    const value = values[field]?.trim();
    if (value) body[field] = value;
  }
  return body;
}

/** A new applicant and their case; the backend's checks appear on the fields they name. */
export default function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCase();
  const [values, setValues] = useState<Record<string, string>>({});
  const [onlineFiling, setOnlineFiling] = useState(false);
  const refused = problemToFields(open.error, NEW_CASE_FIELDS);
  const error = (field: string) => refused.fields[field];
  const input = (
    field: string,
    path: string,
    props: { type?: string; required?: boolean; description?: string } = {},
  ) => (
    <TextInput
      label={t(`newCase.${field}`)}
      value={values[field] ?? ''}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setValues((current) => ({ ...current, [field]: value }));
      }}
      error={error(path)}
      type={props.type}
      required={props.required}
      description={props.description}
    />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    open.mutate(newCaseBody(values, onlineFiling), {
      onSuccess: (created) => void navigate(`/cases/${created.id}`),
    });
  }

  return (
    <Stack maw={900}>
      <Title order={2}>{t('newCase.title')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          {refused.general && (
            <Alert color="red" title={t('form.refused')} role="alert" style={{ whiteSpace: 'pre-line' }}>
              {refused.general}
            </Alert>
          )}
          <Paper withBorder p="md" component="fieldset">
            <Title order={3} size="h4" component="legend">
              {t('newCase.applicant')}
            </Title>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 6 }}>{input('firstName', 'applicant.firstName')}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                {input('lastName', 'applicant.lastName', { required: true })}
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                {input('birthDate', 'applicant.birthDate', { type: 'date' })}
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                {input('nationality', 'applicant.nationality', { description: t('newCase.nationalityHint') })}
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                {input('entryDate', 'applicant.entryDate', { type: 'date' })}
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>{input('phone', 'applicant.phone', { type: 'tel' })}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>{input('email', 'applicant.email', { type: 'email' })}</Grid.Col>
            </Grid>
          </Paper>
          <Paper withBorder p="md" component="fieldset">
            <Title order={3} size="h4" component="legend">
              {t('newCase.case')}
            </Title>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select
                  label={t('newCase.ground')}
                  data={GROUNDS}
                  value={values.ground ?? null}
                  onChange={(ground) => setValues((current) => ({ ...current, ground: ground ?? '' }))}
                  error={error('ground')}
                  required
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>{input('department', 'department', { required: true })}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>{input('prefecture', 'prefecture')}</Grid.Col>
              <Grid.Col span={12}>
                <Checkbox
                  label={t('newCase.onlineFiling')}
                  checked={onlineFiling}
                  onChange={(event) => setOnlineFiling(event.currentTarget.checked)}
                />
              </Grid.Col>
            </Grid>
          </Paper>
          <div>
            <Button type="submit" loading={open.isPending}>
              {t('newCase.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
