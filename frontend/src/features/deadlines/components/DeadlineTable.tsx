import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeadlineItem } from '../api/deadlines';

/** "lundi 4 mai 2026, 23:59", in the reader's language, Paris time. */
export function formatDue(due: string, language: string, dayOnly = false): string {
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(dayOnly ? {} : { hour: '2-digit', minute: '2-digit' }),
    timeZone: 'Europe/Paris',
  }).format(new Date(due));
}

export function DeadlineTable({ items, label }: { items: DeadlineItem[]; label: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('deadlines.due')}</Table.Th>
            <Table.Th>{t('deadlines.task')}</Table.Th>
            <Table.Th>{t('deadlines.case')}</Table.Th>
            <Table.Th>{t('deadlines.rule')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.taskId} data-task={item.taskId}>
              <Table.Td>
                <Text size="sm" fw={600} c={item.overdue ? 'red.9' : undefined}>
                  {formatDue(item.due, i18n.language, item.appointment)}
                </Text>
                {item.overdue && (
                  <Badge color="red" variant="light" size="sm">
                    {t('deadlines.overdueBadge')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/tasks/${item.taskId}`} size="sm">
                  {en && item.nameEn ? item.nameEn : item.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/cases/${item.caseId}`} size="sm">
                  {item.caseReference}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {item.applicantName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{en ? item.ruleNameEn : item.ruleName}</Text>
                {item.source && (
                  <Text size="xs" c="dimmed">
                    {t('deadlines.source', { source: item.source })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
