import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ApiContext } from '@/lib/api/ApiContext';
import { createApiClient, type ApiClient } from '@/lib/api/client';
import { createQueryClient } from '@/lib/api/queryClient';
import { AssociationChoiceContext } from '@/lib/association/AssociationChoiceContext';
import { storedAssociationChoice, type AssociationChoice } from '@/lib/association/associationChoice';
import type { Auth } from '@/lib/auth/Auth';
import { AuthContext } from '@/lib/auth/AuthContext';
import i18n from '@/lib/i18n';
import { meQuery } from '@/lib/session/useMe';
import { AppLayout } from './AppLayout';
import { AppRoutes, prefetchRouteData } from './routes';

export interface Services {
  choice: AssociationChoice;
  api: ApiClient;
  queryClient: QueryClient;
}

/**
 * The signed-in app's services, built once per session; the user and the first page's data are
 * asked for at once (in parallel, before the app has drawn anything).
 */
export function startServices(auth: Auth, location: Pick<Location, 'pathname' | 'search'>): Services {
  const choice = storedAssociationChoice(auth.userId);
  const api = createApiClient({ token: auth.token, association: choice.get, language: () => i18n.language });
  const queryClient = createQueryClient();
  // Everything read so far was the other association's ("me" is keyed by the choice already).
  choice.subscribe(() => void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== 'me' }));
  void queryClient.prefetchQuery(meQuery(api, choice.get(), choice.set));
  prefetchRouteData(location, api, queryClient);
  return { choice, api, queryClient };
}

/** The signed-in app: its services and its pages. */
export function App({ auth, services }: { auth: Auth; services: Services }) {
  return (
    <AuthContext value={auth}>
      <AssociationChoiceContext value={services.choice}>
        <ApiContext value={services.api}>
          <QueryClientProvider client={services.queryClient}>
            <BrowserRouter>
              <AppLayout>
                <AppRoutes />
              </AppLayout>
            </BrowserRouter>
          </QueryClientProvider>
        </ApiContext>
      </AssociationChoiceContext>
    </AuthContext>
  );
}
