import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { ErrorPage, PageLoader } from '@/components/QueryState';
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/ApiError';
import type { ApiClient } from '@/lib/api/client';
import { prefetchCase } from '@/features/cases/api/cases';
import { prefetchTaskList } from '@/features/tasks/api/tasks';
import { TaskListPage } from '@/features/tasks/TaskListPage';

// The home page (the task list) is in the signed-in app's chunk; the rest comes when visited.
const CalculatorPage = lazy(() =>
  import('@/features/calculator/CalculatorPage').then((m) => ({ default: m.CalculatorPage })),
);
const MePage = lazy(() => import('@/features/me/MePage').then((m) => ({ default: m.MePage })));
const DeadlinesPage = lazy(() =>
  import('@/features/deadlines/DeadlinesPage').then((m) => ({ default: m.DeadlinesPage })),
);
const loadTaskPage = () => import('@/features/tasks/TaskPage');
const loadCasePage = () => import('@/features/cases/CasePage');
const TaskPage = lazy(loadTaskPage);
const CaseListPage = lazy(() => import('@/features/cases/CaseListPage'));
const NewCasePage = lazy(() => import('@/features/cases/NewCasePage'));
const CasePage = lazy(loadCasePage);

const CASE_PATH = /^\/cases\/(?!new$)([^/]+)$/;

/**
 * Starts loading the page a link opened straight (a case, a task) while the app signs in, rather
 * than after: the lazy route then finds its chunk loaded.
 */
export function preloadRoute(pathname: string) {
  if (CASE_PATH.test(pathname)) void loadCasePage();
  else if (/^\/tasks\/[^/]+$/.test(pathname)) void loadTaskPage();
}

/** Asks for what the page opened first shows (the task list, a case) as soon as signed in. */
export function prefetchRouteData(
  { pathname, search }: Pick<Location, 'pathname' | 'search'>,
  api: ApiClient,
  client: QueryClient,
) {
  const caseId = CASE_PATH.exec(pathname)?.[1];
  if (caseId) prefetchCase(client, api, decodeURIComponent(caseId));
  else if (pathname === '/') prefetchTaskList(client, api, new URLSearchParams(search));
}
const ProcedurePage = lazy(() => import('@/features/procedure/ProcedurePage'));
const AuditPage = lazy(() => import('@/features/audit/AuditPage'));
const LawyerInboxPage = lazy(() => import('@/features/lawyer/LawyerInboxPage'));
const PartnerLawyersPage = lazy(() => import('@/features/lawyer/PartnerLawyersPage'));
const AppealHandoffSection = lazy(() =>
  import('@/features/lawyer/components/AppealHandoffSection').then((m) => ({ default: m.AppealHandoffSection })),
);
const StatusLinkSection = lazy(() =>
  import('@/features/status/StatusLinkSection').then((m) => ({ default: m.StatusLinkSection })),
);
const LetterDownloads = lazy(() =>
  import('@/features/lawyer/components/LetterDownloads').then((m) => ({ default: m.LetterDownloads })),
);
const DashboardPage = lazy(() => import('@/features/dashboard/DashboardPage'));
const KitsPage = lazy(() => import('@/features/kits/KitsPage'));
const RetentionPage = lazy(() => import('@/features/privacy/RetentionPage'));
const PersonalDataPanel = lazy(() =>
  import('@/features/privacy/PersonalDataPanel').then((m) => ({ default: m.PersonalDataPanel })),
);

/**
 * A part of a page loaded on demand waits on its own: suspending to the routes' boundary would hide
 * the page around it, and detach its refs (the task form then never found its container).
 */
function Section({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route index element={<TaskListPage />} />
        <Route
          path="tasks/:taskId"
          element={
            <TaskPage
              letters={(task) => (
                <Section>
                  <LetterDownloads {...task} />
                </Section>
              )}
            />
          }
        />
        <Route path="cases" element={<CaseListPage />} />
        <Route path="cases/new" element={<NewCasePage />} />
        <Route
          path="cases/:caseId"
          element={
            <CasePage
              handoff={(caseId, coordinator) => (
                <Section>
                  <AppealHandoffSection caseId={caseId} coordinator={coordinator} />
                </Section>
              )}
              statusLink={(caseId) => (
                <Section>
                  <StatusLinkSection caseId={caseId} />
                </Section>
              )}
              personalData={(applicantId, name) => (
                <Section>
                  <PersonalDataPanel applicantId={applicantId} name={name} />
                </Section>
              )}
            />
          }
        />
        <Route path="cases/:caseId/procedure" element={<ProcedurePage />} />
        <Route path="calculateur" element={<CalculatorPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="me" element={<MePage />} />
        <Route path="echeances" element={<DeadlinesPage />} />
        <Route path="lawyer" element={<LawyerInboxPage />} />
        <Route path="partners" element={<PartnerLawyersPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="kits" element={<KitsPage />} />
        <Route path="donnees-personnelles" element={<RetentionPage />} />
        <Route path="*" element={<ErrorPage error={new ApiError(404, null, 'Not Found')} />} />
      </Routes>
    </Suspense>
  );
}
