import { Alert, Anchor, Box, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '@/components/QueryState';
import { errorMessage } from '@/lib/api/errorMessage';
import { inLanguage } from '@/lib/i18n/bilingual';
import { currentRoles } from '@/lib/session/Me';
import { useMe } from '@/lib/session/useMe';
import { useKitActions, useKitHistory, useKitList, useKits, useSharedKits } from './api/kits';
import { AddPieceForm } from './components/AddPieceForm';
import { KitHistory } from './components/KitHistory';
import { KitPieceRow } from './components/KitPieceRow';
import { SharingPanel } from './components/SharingPanel';

const FIRST_LIST = 'L435-1';

function listLabel(list: string, t: (key: string) => string) {
  return list === 'renewal' ? t('kits.renewal') : list;
}

/**
 * The prefecture kits (coordinators): for one department and one checklist, the catalogue's pieces as
 * the association's kit adjusts them, a piece to add, the kit's publication and those of other
 * associations, and who changed what. The department and the list are in the address.
 */
export default function KitsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const editable = currentRoles(me.data).includes('coordinator');
  const [params, setParams] = useSearchParams();
  const department = params.get('department') ?? '';
  const list = params.get('list') ?? FIRST_LIST;
  const [typed, setTyped] = useState(department);
  useEffect(() => setTyped(department), [department]);
  const kits = useKits();
  const kit = useKitList(department, list);
  const history = useKitHistory(department);
  const shared = useSharedKits(department);
  const actions = useKitActions(department, list);
  const busy = Object.values(actions).some((action) => action.isPending);
  const open = (next: { department?: string; list?: string }) =>
    setParams({ department: next.department ?? department, list: next.list ?? list });
  const lists = kit.data?.lists ?? [FIRST_LIST];
  const labels = Object.fromEntries(
    (kit.data?.pieces ?? []).map((line) => [line.piece, inLanguage(i18n.language, line.labelEn, line.labelFr)]),
  );
  return (
    <Stack>
      <Title order={2}>{t('kits.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('kits.intro')}
      </Text>
      <Paper
        withBorder
        p="md"
        component="form"
        aria-label={t('kits.choose')}
        onSubmit={(event) => {
          event.preventDefault();
          if (typed.trim()) open({ department: typed.trim().toUpperCase() });
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('kits.department')}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            maxLength={3}
            w={150}
          />
          <Button type="submit" variant="default" disabled={!typed.trim()}>
            {t('kits.open')}
          </Button>
          {department && (
            <NativeSelect
              label={t('kits.list')}
              data={lists.map((value) => ({ value, label: listLabel(value, t) }))}
              value={list}
              onChange={(event) => open({ list: event.currentTarget.value })}
              w={200}
            />
          )}
        </Group>
        {kits.data && kits.data.own.length > 0 && (
          <Text size="sm" mt="xs">
            {t('kits.yours')}{' '}
            {kits.data.own.map((own, index) => (
              <span key={own.department}>
                {index > 0 && ', '}
                <Anchor component={Link} to={`/kits?department=${own.department}&list=${list}`}>
                  {t('kits.yourKit', { department: own.department, count: own.adjustedPieces })}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
      </Paper>
      {!department ? (
        <Text>{t('kits.pickDepartment')}</Text>
      ) : (
        <>
          <QueryState query={kit}>
            {(current) => (
              <Paper withBorder p="md" component="section" aria-labelledby="kit-list-title">
                <Title order={3} size="h4" id="kit-list-title">
                  {t('kits.listTitle', { list: listLabel(current.list, t), department: current.department })}
                </Title>
                {actions.change.error ? (
                  <Alert color="red" mt="xs" role="alert">
                    {errorMessage(actions.change.error, t)}
                  </Alert>
                ) : null}
                <Box component="ul" p={0} m={0} mt="xs">
                  {current.pieces.map((line) => (
                    <KitPieceRow
                      key={`${current.list}-${line.piece}-${line.removed}-${line.noteFr ?? ''}-${line.required}`}
                      line={line}
                      editable={editable}
                      busy={busy}
                      onChange={(change) => actions.change.mutate({ piece: line.piece, change })}
                    />
                  ))}
                </Box>
              </Paper>
            )}
          </QueryState>
          {editable && kit.isSuccess && (
            <AddPieceForm
              busy={actions.add.isPending}
              error={actions.add.error}
              onAdd={(piece, done) => actions.add.mutate(piece, { onSuccess: done })}
            />
          )}
          {kit.isSuccess && (
            <SharingPanel
              department={department}
              publishedAt={kit.data.publishedAt}
              shared={shared.data ?? []}
              editable={editable}
              busy={busy}
              error={actions.publish.error ?? actions.unpublish.error ?? actions.copy.error}
              onPublish={() => actions.publish.mutate()}
              onUnpublish={() => actions.unpublish.mutate()}
              onCopy={(from) => actions.copy.mutate(from)}
            />
          )}
          {history.data && <KitHistory changes={history.data} labels={labels} />}
        </>
      )}
    </Stack>
  );
}
