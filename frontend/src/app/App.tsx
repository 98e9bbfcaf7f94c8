import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiContext } from '../api/ApiContext';
import { createApiClient } from '../api/client';
import { createQueryClient } from '../api/queryClient';
import { AssociationChoiceContext } from '../association/AssociationChoiceContext';
import { storedAssociationChoice } from '../association/associationChoice';
import type { Auth } from '../auth/Auth';
import { AuthContext } from '../auth/AuthContext';
import i18n from '../i18n';
import { MePage } from '../me/MePage';
import { AppLayout } from './AppLayout';

/** The signed-in app: its services, built once per session, and its pages. */
export function App({ auth }: { auth: Auth }) {
  const [services] = useState(() => {
    const choice = storedAssociationChoice(auth.userId);
    const api = createApiClient({ token: auth.token, association: choice.get, language: () => i18n.language });
    return { choice, api, queryClient: createQueryClient() };
  });
  return (
    <AuthContext value={auth}>
      <AssociationChoiceContext value={services.choice}>
        <ApiContext value={services.api}>
          <QueryClientProvider client={services.queryClient}>
            <AppLayout>
              <MePage />
            </AppLayout>
          </QueryClientProvider>
        </ApiContext>
      </AssociationChoiceContext>
    </AuthContext>
  );
}
