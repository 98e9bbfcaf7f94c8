import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { ErrorPage, PageLoader } from '@/components/QueryState';
import { ApiError } from '@/lib/api/ApiError';
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

/**
 * Starts loading the page a link opened straight (a case, a task) while the app signs in, rather
 * than after: the lazy route then finds its chunk loaded.
 */
export function preloadRoute(pathname: string) {
  if (/^\/cases\/(?!new$)[^/]+$/.test(pathname)) void loadCasePage();
  else if (/^\/tasks\/[^/]+$/.test(pathname)) void loadTaskPage();
}
const ProcedurePage = lazy(() => import('@/features/procedure/ProcedurePage'));
const AuditPage = lazy(() => import('@/features/audit/AuditPage'));
const LawyerInboxPage = lazy(() => import('@/features/lawyer/LawyerInboxPage'));
const PartnerLawyersPage = lazy(() => import('@/features/lawyer/PartnerLawyersPage'));
const AppealHandoffSection = lazy(() =>
  import('@/features/lawyer/components/AppealHandoffSection').then((m) => ({ default: m.AppealHandoffSection })),
);
const LetterDownloads = lazy(() =>
  import('@/features/lawyer/components/LetterDownloads').then((m) => ({ default: m.LetterDownloads })),
);
const DashboardPage = lazy(() => import('@/features/dashboard/DashboardPage'));
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
        <Route path="donnees-personnelles" element={<RetentionPage />} />
        <Route path="*" element={<ErrorPage error={new ApiError(404, null, 'Not Found')} />} />
      </Routes>
    </Suspense>
  );
}
