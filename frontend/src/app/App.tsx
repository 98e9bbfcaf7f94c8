import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiContext } from '@/lib/api/ApiContext';
import { createApiClient } from '@/lib/api/client';
import { createQueryClient } from '@/lib/api/queryClient';
import { AssociationChoiceContext } from '@/lib/association/AssociationChoiceContext';
import { storedAssociationChoice } from '@/lib/association/associationChoice';
import type { Auth } from '@/lib/auth/Auth';
import { AuthContext } from '@/lib/auth/AuthContext';
import i18n from '@/lib/i18n';
import { AppLayout } from './AppLayout';
import { AppRoutes } from './routes';

/** The signed-in app: its services, built once per session, and its pages. */
export function App({ auth }: { auth: Auth }) {
  const [services] = useState(() => {
    const choice = storedAssociationChoice(auth.userId);
    const api = createApiClient({ token: auth.token, association: choice.get, language: () => i18n.language });
    const queryClient = createQueryClient();
    // Everything read so far was the other association's ("me" is keyed by the choice already).
    choice.subscribe(() => void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== 'me' }));
    return { choice, api, queryClient };
  });
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
