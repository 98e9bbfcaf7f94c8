import { Alert, Anchor, Stack, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { QueryState } from '@/components/QueryState';
import { saveFile } from '@/lib/api/saveFile';
import { inLanguage } from '@/lib/i18n/bilingual';
import { currentRoles } from '@/lib/session/Me';
import { useMe } from '@/lib/session/useMe';
import {
  useCase,
  useCaseActions,
  useCaseProcesses,
  useCaseTasks,
  useChecklist,
  useDocuments,
  useNotes,
  useTimeline,
} from './api/cases';
import { CaseHeader } from './components/CaseHeader';
import { CaseTasksSection } from './components/CaseTasksSection';
import { ChecklistSection, OverrideSection } from './components/ChecklistSection';
import { DocumentsSection } from './components/DocumentsSection';
import { EventsSection } from './components/EventsSection';
import { FactsSection } from './components/FactsSection';
import { NotesSection } from './components/NotesSection';
import { TimelineSection } from './components/TimelineSection';

const TABS = [
  'tasks',
  'events',
  'checklist',
  'documents',
  'status',
  'notes',
  'history',
  'appeal',
  'personalData',
] as const;
type Tab = (typeof TABS)[number];
/** What a lawyer may read of a case: the appeal part (checklist, notes and timeline answer her 403). */
const LAWYER_TABS: Tab[] = ['tasks', 'events', 'documents'];

/**
 * A case file, organised around what staff do: a header with where it stands and the actions that
 * fit, then one part at a time in tabs (the tab is in the URL's fragment: a reload or "back" keeps it).
 */
export default function CasePage({
  handoff,
  statusLink,
  personalData,
}: {
  /** The appeal's hand-off to a lawyer (the lawyer feature), composed by the app. */
  handoff?: (caseId: string, coordinator: boolean) => ReactNode;
  /** The applicant's status link (the status feature), composed by the app. */
  statusLink?: (caseId: string) => ReactNode;
  /** The applicant's personal data (retention, copy, erasure), for coordinators, composed by the app. */
  personalData?: (applicantId: string, name: string) => ReactNode;
}) {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const completed = (location.state as { completed?: string } | null)?.completed;
  const me = useMe();
  const coordinator = currentRoles(me.data).includes('coordinator');
  const staff = coordinator || currentRoles(me.data).includes('caseworker');
  const tabs = staff
    ? TABS.filter(
        (tab) =>
          (tab !== 'appeal' || handoff) &&
          (tab !== 'status' || statusLink) &&
          (tab !== 'personalData' || (coordinator && personalData)),
      )
    : LAWYER_TABS;
  const fragment = location.hash.slice(1) as Tab;
  const tab: Tab = tabs.includes(fragment) ? fragment : 'tasks';
  const show = (next: Tab) => void navigate({ hash: next === 'tasks' ? '' : next }, { replace: true, state: null });

  const item = useCase(caseId);
  const loaded = item.isSuccess;
  const checklist = useChecklist(caseId, loaded && staff);
  const documents = useDocuments(caseId, loaded && tab === 'documents');
  const notes = useNotes(caseId, loaded && staff && tab === 'notes');
  const timeline = useTimeline(caseId, loaded && staff && tab === 'history');
  const tasks = useCaseTasks(caseId, loaded);
  const processes = useCaseProcesses(caseId, loaded);
  const actions = useCaseActions(caseId);
  const pieceLabel = (code: string) => {
    const piece = checklist.data?.pieces.find((p) => p.piece === code);
    return piece ? inLanguage(i18n.language, piece.label, piece.labelFr) : code;
  };
  const checklistBusy = actions.updatePiece.isPending || actions.upload.isPending;

  return (
    <QueryState query={item} page>
      {(data) => (
        <Stack gap="sm">
          <CaseHeader
            item={data}
            tasks={tasks.data ?? []}
            processes={processes.data?.processes ?? []}
            checklist={checklist.data}
            onRecordEvent={() => show('events')}
          />
          {data.status === 'CLOSED' && (
            <Alert color="gray" role="status">
              {t('caseClosed.readOnly')}
            </Alert>
          )}
          {completed && (
            <Alert color="green" role="status">
              {t('task.completed', { name: completed })}
            </Alert>
          )}
          <Tabs value={tab} onChange={(value) => value && show(value as Tab)} keepMounted={false}>
            <Tabs.List aria-label={t('caseTabs.label')}>
              {tabs.map((value) => (
                <Tabs.Tab key={value} value={value}>
                  {t(`caseTabs.${value}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="tasks" pt="sm">
              <Stack>
                <QueryState query={tasks}>{(list) => <CaseTasksSection tasks={list} />}</QueryState>
                <FactsSection item={data} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="events" pt="sm">
              <EventsSection
                busy={actions.recordEvent.isPending}
                onRecord={(event, values, done) =>
                  actions.recordEvent.mutate(
                    { event, data: values },
                    { onSuccess: (answer) => done(undefined, answer), onError: (error) => done(error) },
                  )
                }
              />
            </Tabs.Panel>
            <Tabs.Panel value="checklist" pt="sm">
              <Stack>
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
                {coordinator && checklist.data && (
                  <OverrideSection
                    checklist={checklist.data}
                    busy={actions.override.isPending}
                    error={actions.override.error}
                    onOverride={(reason) => actions.override.mutate(reason)}
                  />
                )}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="documents" pt="sm">
              <QueryState query={documents}>
                {(list) => (
                  <DocumentsSection
                    documents={list}
                    pieceLabel={pieceLabel}
                    pieceVerified={(code) =>
                      checklist.data?.pieces.some((p) => p.piece === code && p.status === 'VERIFIED') ?? false
                    }
                    error={actions.removeDocument.error}
                    onDownload={(document) =>
                      void actions.download(document.id).then((blob) => saveFile(blob, document.filename))
                    }
                    onRemove={(document) => actions.removeDocument.mutate(document.id)}
                  />
                )}
              </QueryState>
            </Tabs.Panel>
            <Tabs.Panel value="status" pt="sm">
              {statusLink?.(caseId)}
            </Tabs.Panel>
            <Tabs.Panel value="notes" pt="sm">
              <QueryState query={notes}>
                {(list) => (
                  <NotesSection
                    notes={list}
                    readOnly={data.status === 'CLOSED'}
                    busy={actions.addNote.isPending}
                    error={actions.addNote.error}
                    onAdd={(text, done) => actions.addNote.mutate(text, { onSuccess: done })}
                  />
                )}
              </QueryState>
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="sm">
              <QueryState query={timeline}>{(list) => <TimelineSection entries={list} />}</QueryState>
            </Tabs.Panel>
            <Tabs.Panel value="appeal" pt="sm">
              {handoff?.(caseId, coordinator)}
            </Tabs.Panel>
            <Tabs.Panel value="personalData" pt="sm">
              {personalData?.(data.applicantId, data.applicantName)}
            </Tabs.Panel>
          </Tabs>
          <Anchor component={Link} to="/cases" size="sm">
            ← {t('cases.title')}
          </Anchor>
        </Stack>
      )}
    </QueryState>
  );
}
