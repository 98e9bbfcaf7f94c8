import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '@/components/QueryState';
import { GROUNDS } from '@/lib/grounds';
import { useCaseList } from './api/cases';
import { CASE_STATUSES } from './api/types';

/** The association's cases: search by name or reference, filter by step and ground (kept in the URL). */
export default function CaseListPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const text = search.get('q') ?? '';
  const status = search.get('status') ?? undefined;
  const ground = search.get('ground');
  const [typed] = useDebouncedValue(text, 300);
  const list = useCaseList({ text: typed, status, ground });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: key === 'q' });
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('cases.title')}</Title>
        <Button component={Link} to="/cases/new">
          {t('nav.newCase')}
        </Button>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('cases.search')}
          value={text}
          onChange={(event) => set('q', event.currentTarget.value)}
          w={260}
          type="search"
        />
        <Select
          label={t('cases.status')}
          placeholder={t('tasks.filters.any')}
          data={CASE_STATUSES.map((value) => ({ value, label: t(`caseStatus.${value}`) }))}
          value={status ?? null}
          onChange={(value) => set('status', value)}
          clearable
          w={200}
        />
        <Select
          label={t('tasks.filters.ground')}
          placeholder={t('tasks.filters.any')}
          data={GROUNDS}
          value={ground}
          onChange={(value) => set('ground', value)}
          clearable
          w={130}
        />
      </Group>
      <QueryState query={list} page>
        {(pages) => {
          const shown = pages.pages.flatMap((page) => page.content);
          const total = pages.pages[0]?.page.totalElements ?? 0;
          if (shown.length === 0) {
            return (
              <Paper withBorder p="md">
                <Text>{t('cases.empty')}</Text>
              </Paper>
            );
          }
          return (
            <Stack gap="xs">
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('cases.count', { count: total })}
              </Text>
              <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('cases.title')}>
                {shown.map((item) => (
                  <Paper key={item.id} withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
                    <Group justify="space-between" wrap="wrap">
                      <Anchor component={Link} to={`/cases/${item.id}`} fw={600}>
                        {item.applicantName}
                      </Anchor>
                      <Group gap="xs">
                        <Badge variant="outline" color="gray.8">
                          {item.ground}
                        </Badge>
                        <Badge variant="outline" color="indigo.9">
                          {t(`caseStatus.${item.status}`, { defaultValue: item.status })}
                        </Badge>
                      </Group>
                    </Group>
                    <Text size="sm" c="dimmed">
                      {item.reference}
                      {item.prefecture ? ` · ${item.prefecture}` : ''}
                      {item.assignee ? ` · ${item.assignee.name}` : ''}
                    </Text>
                  </Paper>
                ))}
              </Stack>
              {list.hasNextPage && (
                <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {t('cases.more', { count: total - shown.length })}
                </Button>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
