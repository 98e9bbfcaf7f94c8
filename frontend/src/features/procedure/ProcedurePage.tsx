import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '@/components/QueryState';
import { useModelXml, useProcedure } from './api/procedure';
import { ProcessDiagram } from './components/ProcessDiagram';
import { diagramPlan, type DiagramPlan } from './highlight';

function Diagram({ plan }: { plan: DiagramPlan }) {
  const { t } = useTranslation();
  const xml = useModelXml(plan.definitionId);
  const label = t('procedure.diagramLabel', {
    process: t(`steps.${plan.key}`, { defaultValue: plan.title }),
    current: plan.current.join(', ') || '—',
  });
  return (
    <Paper withBorder p="sm" component="section" aria-label={label} data-process={plan.key}>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={3} size="h4">
            {t(`steps.${plan.key}`, { defaultValue: plan.title })}
          </Title>
          <Badge color={plan.depth === 0 ? 'indigo.9' : '#9a3412'}>
            {plan.depth === 0 ? t('procedure.main') : t('procedure.called')}
          </Badge>
          {plan.ended && <Badge color="gray.8">{t('procedure.ended')}</Badge>}
        </Group>
        <QueryState query={xml}>
          {(text) => <ProcessDiagram xml={text} current={plan.current} label={label} />}
        </QueryState>
      </Stack>
    </Paper>
  );
}

/** Where the case stands: its main process and the step running now, drawn with the current step marked. */
export default function ProcedurePage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  const procedure = useProcedure(caseId);
  return (
    <Stack>
      <Anchor component={Link} to={`/cases/${caseId}`} size="sm">
        ← {t('procedure.back')}
      </Anchor>
      <Title order={2}>{t('procedure.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('procedure.legend')}
      </Text>
      <QueryState query={procedure} page>
        {(data) => (
          <Stack>
            {diagramPlan(data.processes).map((plan) => (
              <Diagram key={plan.definitionId} plan={plan} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
