import { Alert, Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { QueryState } from '@/components/QueryState';
import { currentRoles } from '@/lib/session/Me';
import { useMe } from '@/lib/session/useMe';
import { useCase, useCaseActions, useCaseTasks, useChecklist, useDocuments, useNotes, useTimeline } from './api/cases';
import { CaseTasksSection } from './components/CaseTasksSection';
import { ChecklistSection, OverrideSection } from './components/ChecklistSection';
import { DocumentsSection } from './components/DocumentsSection';
import { EventsSection } from './components/EventsSection';
import { FactsSection } from './components/FactsSection';
import { NotesSection } from './components/NotesSection';
import { TimelineSection } from './components/TimelineSection';
import { inLanguage } from '@/lib/i18n/bilingual';
import { saveFile } from '@/lib/api/saveFile';
import type { ReactNode } from 'react';

/** A case file: the applicant and key dates, the checklist and documents, notes, timeline, tasks, events. */
export default function CasePage({
  handoff,
}: {
  /** The appeal's hand-off to a lawyer (the lawyer feature), composed by the app. */
  handoff?: (caseId: string, coordinator: boolean) => ReactNode;
}) {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const completed = (location.state as { completed?: string } | null)?.completed;
  const me = useMe();
  const coordinator = currentRoles(me.data).includes('coordinator');
  // A lawyer reads the appeal part only: no checklist, notes nor timeline (those answer 403).
  const staff = coordinator || currentRoles(me.data).includes('caseworker');
  const item = useCase(caseId);
  const loaded = item.isSuccess;
  const checklist = useChecklist(caseId, loaded && staff);
  const documents = useDocuments(caseId, loaded);
  const notes = useNotes(caseId, loaded && staff);
  const timeline = useTimeline(caseId, loaded && staff);
  const tasks = useCaseTasks(caseId, loaded);
  const actions = useCaseActions(caseId);
  const pieceLabel = (code: string) => {
    const piece = checklist.data?.pieces.find((p) => p.piece === code);
    return piece ? inLanguage(i18n.language, piece.label, piece.labelFr) : code;
  };
  const checklistBusy = actions.updatePiece.isPending || actions.upload.isPending;

  return (
    <QueryState query={item} page>
      {(data) => (
        <Stack>
          <Group justify="space-between" wrap="wrap">
            <Stack gap={0}>
              <Title order={2}>{data.applicantName}</Title>
              <Text c="dimmed">{t('case.caseOf', { reference: data.reference, ground: data.ground })}</Text>
            </Stack>
            <Button component={Link} to={`/cases/${caseId}/procedure`} variant="light">
              {t('procedure.link')}
            </Button>
          </Group>
          {completed && (
            <Alert color="green" role="status">
              {t('task.completed', { name: completed })}
            </Alert>
          )}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack>
                <FactsSection item={data} />
                <QueryState query={tasks}>{(list) => <CaseTasksSection tasks={list} />}</QueryState>
                {staff && handoff?.(caseId, coordinator)}
                {staff && (
                  <QueryState query={checklist}>
                    {(list) => (
                      <ChecklistSection
                        checklist={list}
                        busy={checklistBusy}
                        error={actions.updatePiece.error ?? actions.upload.error}
                        onUpdate={(piece, update) => actions.updatePiece.mutate({ piece, update })}
                        onUpload={(piece, file) => actions.upload.mutate({ piece, file })}
                      />
                    )}
                  </QueryState>
                )}
                {coordinator && checklist.data && (
                  <OverrideSection
                    checklist={checklist.data}
                    busy={actions.override.isPending}
                    error={actions.override.error}
                    onOverride={(reason) => actions.override.mutate(reason)}
                  />
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack>
                <EventsSection
                  busy={actions.recordEvent.isPending}
                  onRecord={(event, values, done) =>
                    actions.recordEvent.mutate(
                      { event, data: values },
                      { onSuccess: (answer) => done(undefined, answer), onError: (error) => done(error) },
                    )
                  }
                />
                <QueryState query={documents}>
                  {(list) => (
                    <DocumentsSection
                      documents={list}
                      pieceLabel={pieceLabel}
                      error={actions.removeDocument.error}
                      onDownload={(document) =>
                        void actions.download(document.id).then((blob) => saveFile(blob, document.filename))
                      }
                      onRemove={(document) => actions.removeDocument.mutate(document.id)}
                    />
                  )}
                </QueryState>
                {staff && (
                  <QueryState query={notes}>
                    {(list) => (
                      <NotesSection
                        notes={list}
                        busy={actions.addNote.isPending}
                        error={actions.addNote.error}
                        onAdd={(text, done) => actions.addNote.mutate(text, { onSuccess: done })}
                      />
                    )}
                  </QueryState>
                )}
                {staff && <QueryState query={timeline}>{(list) => <TimelineSection entries={list} />}</QueryState>}
              </Stack>
            </Grid.Col>
          </Grid>
          <Anchor component={Link} to="/cases" size="sm">
            ← {t('cases.title')}
          </Anchor>
        </Stack>
      )}
    </QueryState>
  );
}
