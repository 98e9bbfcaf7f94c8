import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '@/lib/session/Me';
import { roleLabel } from '@/lib/session/roleLabel';

interface Props {
  me: Me;
  /** Called with the slug of the association the user picks. */
  onChoose: (slug: string) => void;
  /** True while the page asks the backend again after a choice. */
  switching: boolean;
}

export function AssociationsCard({ me, onChoose, switching }: Props) {
  const { t } = useTranslation();
  const several = me.associations.length > 1;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('me.associations')}</Title>
        {me.associations.length === 0 && <Text c="dimmed">{t('me.none')}</Text>}
        {several && !me.currentAssociation && <Alert color="yellow">{t('me.chooseHint')}</Alert>}
        {me.associations.length > 0 && (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('me.association')}</Table.Th>
                <Table.Th>{t('me.roles')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {me.associations.map((association) => (
                <Table.Tr key={association.slug}>
                  <Table.Td>{association.name}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {association.roles.map((role) => (
                        <Text key={role} size="sm" fw={600} c="indigo.9">
                          {roleLabel(t, role)}
                        </Text>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {association.slug === me.currentAssociation ? (
                      <Text size="sm" fw={700} c="#166534">
                        {t('me.current')}
                      </Text>
                    ) : (
                      several && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          disabled={switching}
                          aria-label={t('me.chooseLabel', { name: association.name })}
                          onClick={() => onChoose(association.slug)}
                        >
                          {t('me.choose')}
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
