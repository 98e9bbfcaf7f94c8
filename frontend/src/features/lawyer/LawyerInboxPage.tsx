import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DeadlineBadge } from '@/components/DeadlineBadge';
import { QueryState } from '@/components/QueryState';
import { useAssociationChoice } from '@/lib/association/AssociationChoiceContext';
import { useMe } from '@/lib/session/useMe';
import { useInbox, useOfferAnswers } from './api/lawyer';
import type { InboxTask } from './api/types';
import { OfferCard } from './components/OfferCard';
import { sortedOffers } from './inbox';

/**
 * A lawyer's inbox across every association she works with: offers to answer (the summary
 * only), the appeals she accepted, their tasks soonest first, each with its association.
 */
export default function LawyerInboxPage() {
  const { t, i18n } = useTranslation();
  const inbox = useInbox();
  const me = useMe();
  const mine = (me.data?.associations ?? [])
    .filter((membership) => membership.roles.includes('lawyer'))
    .map((membership) => membership.name);
  const answers = useOfferAnswers();
  const navigate = useNavigate();
  const [, choose] = useAssociationChoice();
  const busy = answers.accept.isPending || answers.decline.isPending;
  const error = answers.accept.error ?? answers.decline.error;
  const open = (task: InboxTask) => {
    choose(task.association);
    void navigate(`/tasks/${task.id}`);
  };

  return (
    <Stack>
      <Title order={2}>{t('lawyer.title')}</Title>
      <QueryState query={inbox} page>
        {(data) => (
          <Stack>
            {mine.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('lawyer.across', { names: mine.join(', ') })}
              </Text>
            )}
            {answers.accept.isSuccess && (
              <Alert color="green" role="status">
                {t('lawyer.accepted')}
              </Alert>
            )}
            <Stack component="section" aria-labelledby="offers-title" gap="sm">
              <Title order={3} size="h4" id="offers-title">
                {t('lawyer.offers')}
              </Title>
              {data.offers.length === 0 && <Text size="sm">{t('lawyer.noOffers')}</Text>}
              {sortedOffers(data.offers).map((offer) => (
                <OfferCard
                  key={offer.id}
                  offer={offer}
                  busy={busy}
                  error={
                    (answers.accept.variables?.id === offer.id || answers.decline.variables?.id === offer.id) && error
                  }
                  onAccept={() => answers.accept.mutate({ id: offer.id, association: offer.association })}
                  onDecline={(reason) =>
                    answers.decline.mutate({ id: offer.id, association: offer.association, reason })
                  }
                />
              ))}
            </Stack>
            <Stack component="section" aria-labelledby="tasks-title" gap="sm">
              <Title order={3} size="h4" id="tasks-title">
                {t('lawyer.tasks')}
              </Title>
              {data.tasks.length === 0 && <Text size="sm">{t('lawyer.noTasks')}</Text>}
              {data.tasks.map((task) => (
                <Paper key={task.id} withBorder p="sm" component="article">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Stack gap={2}>
                      <Text fw={600}>{i18n.language.startsWith('en') ? task.nameEn : task.name}</Text>
                      <Group gap="xs" wrap="wrap">
                        <Badge variant="light" color="indigo">
                          {task.associationName}
                        </Badge>
                        <Text size="sm" c="dimmed">
                          {t('lawyer.reference', { reference: task.reference })}
                        </Text>
                        <DeadlineBadge due={task.due} step="appeal-contentious" />
                      </Group>
                    </Stack>
                    <Button size="sm" variant="light" onClick={() => open(task)}>
                      {t('lawyer.openTask')}
                    </Button>
                  </Group>
                </Paper>
              ))}
            </Stack>
            <Stack component="section" aria-labelledby="appeals-title" gap="sm">
              <Title order={3} size="h4" id="appeals-title">
                {t('lawyer.appeals')}
              </Title>
              {data.appeals.length === 0 && <Text size="sm">{t('lawyer.noAppeals')}</Text>}
              {data.appeals.map((appeal) => (
                <Paper key={appeal.caseId} withBorder p="sm" component="article">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Stack gap={2}>
                      <Text fw={600}>{appeal.applicantName}</Text>
                      <Group gap="xs" wrap="wrap">
                        <Badge variant="light" color="indigo">
                          {appeal.associationName}
                        </Badge>
                        <Text size="sm" c="dimmed">
                          {t('lawyer.reference', { reference: appeal.reference })}
                        </Text>
                        <DeadlineBadge due={appeal.due} step="appeal-contentious" />
                      </Group>
                    </Stack>
                    <Text size="sm">{t('lawyer.openTasks', { count: appeal.tasks.length })}</Text>
                  </Group>
                </Paper>
              ))}
            </Stack>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
