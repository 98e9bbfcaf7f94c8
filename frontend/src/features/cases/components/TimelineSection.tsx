import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/types';
import { formatInstant } from './format';
import { Section } from '@/components/Section';

export function TimelineSection({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const shown = entries.slice(0, 30);
  return (
    <Section title={t('timeline.title')} id="timeline">
      {shown.length === 0 && <Text size="sm">{t('timeline.none')}</Text>}
      <Timeline bulletSize={12} lineWidth={2}>
        {shown.map((entry, index) => (
          <Timeline.Item
            key={`${entry.at}-${index}`}
            title={
              <Text size="sm">
                {entry.kind === 'CHANGE' ? t(`auditAction.${entry.what}`, { defaultValue: entry.what }) : entry.what}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {t(`timeline.kind.${entry.kind}`)} · {formatInstant(entry.at, i18n.language)}
              {entry.actor ? ` · ${entry.actor}` : ''}
            </Text>
            {entry.detail && <Text size="xs">{entry.detail}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Section>
  );
}
