import { Anchor, Paper, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseFacts } from '../api/types';
import { CommissionNote } from '@/components/CommissionNote';

function day(value: string | null, language: string) {
  return value ? new Date(`${value}T12:00:00`).toLocaleDateString(language, { dateStyle: 'medium' }) : '—';
}

/** What a caseworker checks about the case while filling in a task's form. */
export function CaseFactsCard({ facts }: { facts: CaseFacts }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string][] = [
    [t('case.reference'), facts.reference],
    [t('case.ground'), facts.ground],
    [t('case.prefecture'), facts.prefecture ?? `${t('case.department')} ${facts.department}`],
    [t('case.status'), t(`caseStatus.${facts.status}`, { defaultValue: facts.status })],
    [t('case.entryDate'), day(facts.entryDate, i18n.language)],
    [t('case.yearsInFrance'), facts.yearsInFrance == null ? '—' : String(facts.yearsInFrance)],
    [t('case.appointmentOn'), day(facts.appointmentOn, i18n.language)],
    [t('case.filedOn'), day(facts.filedOn, i18n.language)],
    [t('case.receiptExpiresOn'), day(facts.receiptExpiresOn, i18n.language)],
  ];
  return (
    <Paper withBorder p="md" component="aside" aria-label={t('task.caseFacts')}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          <Anchor component={Link} to={`/cases/${facts.id}`}>
            {facts.applicantName}
          </Anchor>
        </Title>
        <Table>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {facts.commission && <CommissionNote commission={facts.commission} />}
      </Stack>
    </Paper>
  );
}
