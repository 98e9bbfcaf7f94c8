import { Alert, Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseView } from '../api/types';
import { formatDay } from './format';
import { Section } from '@/components/Section';
import { CommissionNote } from '@/components/CommissionNote';

/** The applicant, the case's key dates, and what follows from them (years in France, the commission). */
export function FactsSection({ item }: { item: CaseView }) {
  const { t, i18n } = useTranslation();
  const day = (value: string | null) => formatDay(value, i18n.language);
  const facts: [string, ReactNode][] = [
    [t('case.reference'), item.reference],
    [t('case.ground'), item.ground],
    [t('case.prefecture'), item.prefecture ?? '—'],
    [t('case.department'), item.department],
    [t('case.assignee'), item.assignee?.name ?? t('case.nobody')],
    [t('case.onlineFiling'), item.onlineFiling ? t('common.yes') : t('common.no')],
    [t('case.entryDate'), day(item.entryDate)],
    [t('case.appointmentOn'), day(item.appointmentOn)],
    [t('case.filedOn'), day(item.filedOn)],
    [t('case.receiptExpiresOn'), day(item.receiptExpiresOn)],
    [t('case.commissionOn'), day(item.commissionOn)],
    [t('case.decidedOn'), day(item.decidedOn)],
    [t('case.notifiedOn'), day(item.notifiedOn)],
    ...(item.progress?.closedOn ? [[t('dashboard.closedOn'), day(item.progress.closedOn)] as [string, string]] : []),
    ...(item.progress?.closedReason
      ? [[t('dashboard.closedReason'), t(`dashboard.closedReasons.${item.progress.closedReason}`)] as [string, string]]
      : []),
    ...(item.renewalOf
      ? [
          [
            t('case.renewalOf'),
            <Anchor component={Link} to={`/cases/${item.renewalOf}`} size="sm">
              {t('case.previousCase')}
            </Anchor>,
          ] as [string, ReactNode],
        ]
      : []),
  ];
  return (
    <Section title={t('case.facts')} id="facts">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" component="dl" m={0}>
        {facts.map(([label, value]) => (
          <Stack gap={0} key={label}>
            <Text size="xs" c="dimmed" component="dt">
              {label}
            </Text>
            <Text size="sm" component="dd" m={0}>
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <Alert color={item.commission?.mandatory ? 'orange' : 'gray'} title={t('case.follows')}>
        <Text size="sm">
          {item.yearsInFrance == null
            ? t('case.yearsUnknown')
            : t('case.yearsInFranceSentence', { count: item.yearsInFrance })}
        </Text>
        {item.commission && <CommissionNote commission={item.commission} />}
      </Alert>
    </Section>
  );
}
