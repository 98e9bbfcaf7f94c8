import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { lastDayToAct } from '@/lib/deadlines';
import type { EventDeadline } from '../api/types';

function day(date: string | null, language: string): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return date ?? '';
  return new Date(`${date.slice(0, 10)}T12:00:00Z`).toLocaleDateString(language, {
    timeZone: 'Europe/Paris',
    dateStyle: 'long',
  });
}

/** The appeal deadline a refusal starts, and a warning when the decision prints another date (R421-5 CJA). */
export function StartedDeadline({ deadline }: { deadline: EventDeadline }) {
  const { t, i18n } = useTranslation();
  // A deadline in days ends at midnight: the last day is the one before; one in hours ends at its hour.
  const midnight = new Date(deadline.endsAt).toLocaleTimeString('en-GB', { timeZone: 'Europe/Paris' }) === '00:00:00';
  const end = midnight ? lastDayToAct(deadline.endsAt) : new Date(deadline.endsAt);
  const when = end.toLocaleString(i18n.language, {
    timeZone: 'Europe/Paris',
    dateStyle: 'full',
    ...(midnight ? {} : { timeStyle: 'short' }),
  });
  return (
    <Alert color={deadline.printedDeadlineDiffers ? 'orange' : 'blue'} title={t('events.deadline.title')} role="status">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('events.deadline.until', { when })}
        </Text>
        <Text size="sm">
          {t(`rules.${deadline.rule}`, { defaultValue: deadline.rule })} · {deadline.explanation}
        </Text>
        <Text size="sm" c="dimmed">
          {t('events.deadline.source', { source: deadline.source })}
        </Text>
        {deadline.printedDeadlineDiffers && (
          <Text size="sm" fw={600} c="orange.9">
            {t('events.deadline.printedDiffers', { printed: day(deadline.printedDeadline, i18n.language) })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
