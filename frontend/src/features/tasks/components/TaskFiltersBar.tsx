import { Button, Group, NumberInput, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../api/types';
import { GROUNDS, STEPS, withFilter, type TaskFilters } from '../filters';

export function TaskFiltersBar({
  filters,
  onChange,
  coordinator,
  members,
}: {
  filters: TaskFilters;
  onChange: (next: TaskFilters) => void;
  coordinator: boolean;
  members: Member[];
}) {
  const { t } = useTranslation();
  const [prefecture, setPrefecture] = useState(filters.prefecture ?? '');
  useEffect(() => setPrefecture(filters.prefecture ?? ''), [filters.prefecture]);
  const narrow = useMediaQuery('(max-width: 40em)');
  const set = (change: Partial<TaskFilters>) => onChange(withFilter(filters, change));
  const scopes = ['mine-and-groups', 'mine', 'groups', ...(coordinator ? ['association'] : [])];
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label={t('tasks.scope.label')}
        value={filters.scope}
        onChange={(scope) => set({ scope: scope as TaskFilters['scope'] })}
        data={scopes.map((scope) => ({ value: scope, label: t(`tasks.scope.${scope}`) }))}
        fullWidth
        orientation={narrow ? 'vertical' : 'horizontal'}
        style={{ flexBasis: '100%' }}
      />
      <Select
        label={t('tasks.filters.step')}
        placeholder={t('tasks.filters.any')}
        data={STEPS.map((step) => ({ value: step, label: t(`steps.${step}`) }))}
        value={filters.step ?? null}
        onChange={(step) => set({ step: step ?? undefined })}
        clearable
        w={200}
      />
      <Select
        label={t('tasks.filters.ground')}
        placeholder={t('tasks.filters.any')}
        data={GROUNDS}
        value={filters.ground ?? null}
        onChange={(ground) => set({ ground: ground ?? undefined })}
        clearable
        w={130}
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          set({ prefecture: prefecture.trim() || undefined });
        }}
      >
        <TextInput
          label={t('tasks.filters.prefecture')}
          value={prefecture}
          onChange={(event) => setPrefecture(event.currentTarget.value)}
          onBlur={() =>
            prefecture.trim() !== (filters.prefecture ?? '') && set({ prefecture: prefecture.trim() || undefined })
          }
          w={200}
        />
      </form>
      <NumberInput
        label={t('tasks.filters.dueWithinDays')}
        min={0}
        max={3650}
        value={filters.dueWithinDays ?? ''}
        onChange={(value) => set({ dueWithinDays: typeof value === 'number' ? value : undefined })}
        w={150}
      />
      <Select
        label={t('tasks.filters.overdue')}
        placeholder={t('tasks.filters.any')}
        data={[
          { value: 'true', label: t('tasks.filters.overdueOnly') },
          { value: 'false', label: t('tasks.filters.notOverdue') },
        ]}
        value={filters.overdue === undefined ? null : String(filters.overdue)}
        onChange={(value) => set({ overdue: value === null ? undefined : value === 'true' })}
        clearable
        w={170}
      />
      {filters.scope === 'association' && (
        <Select
          label={t('tasks.filters.assignee')}
          placeholder={t('tasks.filters.anyone')}
          data={members.map((member) => ({ value: member.userId, label: member.name }))}
          value={filters.assignee ?? null}
          onChange={(assignee) => set({ assignee: assignee ?? undefined })}
          clearable
          searchable
          w={200}
        />
      )}
      <Button variant="subtle" onClick={() => onChange({ scope: filters.scope, page: 0 })}>
        {t('tasks.filters.reset')}
      </Button>
    </Group>
  );
}
