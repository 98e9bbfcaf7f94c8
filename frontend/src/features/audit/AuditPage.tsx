import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '@/components/QueryState';
import { useAuditLog } from './api/audit';

/** The association's audit log (coordinators), newest first. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const log = useAuditLog();
  return (
    <Stack>
      <Title order={2}>{t('nav.audit')}</Title>
      <QueryState query={log} page>
        {(events) =>
          events.length === 0 ? (
            <Text>{t('audit.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('audit.at')}</Table.Th>
                    <Table.Th>{t('audit.actor')}</Table.Th>
                    <Table.Th>{t('audit.action')}</Table.Th>
                    <Table.Th>{t('audit.detail')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.map((event) => (
                    <Table.Tr key={event.id}>
                      <Table.Td>
                        {new Date(event.at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}
                      </Table.Td>
                      <Table.Td>{event.actorName}</Table.Td>
                      <Table.Td>
                        {event.caseId ? (
                          <Anchor component={Link} to={`/cases/${event.caseId}`}>
                            {t(`auditAction.${event.action}`, { defaultValue: event.action })}
                          </Anchor>
                        ) : (
                          t(`auditAction.${event.action}`, { defaultValue: event.action })
                        )}
                      </Table.Td>
                      <Table.Td>{event.detail}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
