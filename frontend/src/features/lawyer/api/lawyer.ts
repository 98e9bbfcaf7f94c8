import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@/lib/api/ApiContext';
import { saveFile } from '@/lib/api/saveFile';
import { useAssociationChoice } from '@/lib/association/AssociationChoiceContext';
import type { HandoffStanding, Inbox, Lawyer } from './types';

/** The lawyer's inbox, across every association she works with (the backend reads each one on its own). */
export function useInbox() {
  const api = useApi();
  return useQuery({ queryKey: ['lawyer', 'inbox'], queryFn: () => api.get<Inbox>('/api/lawyer/inbox') });
}

/**
 * Accepting or declining is done as the offer's association: the choice is switched to it first,
 * so the request carries its X-Association.
 */
export function useOfferAnswers() {
  const api = useApi();
  const client = useQueryClient();
  const [, choose] = useAssociationChoice();
  const refresh = () => client.invalidateQueries({ queryKey: ['lawyer'] });
  return {
    accept: useMutation({
      mutationFn: ({ id, association }: { id: string; association: string }) => {
        choose(association);
        return api.post(`/api/lawyer/offers/${id}/accept`);
      },
      onSettled: refresh,
    }),
    decline: useMutation({
      mutationFn: ({ id, association, reason }: { id: string; association: string; reason: string }) => {
        choose(association);
        return api.post(`/api/lawyer/offers/${id}/decline`, { reason });
      },
      onSettled: refresh,
    }),
  };
}

export function useHandoff(caseId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['cases', caseId, 'appeal'],
    queryFn: () => api.get<HandoffStanding>(`/api/cases/${caseId}/appeal`),
    enabled,
  });
}

export function useLawyers(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['association', 'lawyers'],
    queryFn: () => api.get<Lawyer[]>('/api/association/lawyers'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useHandoffActions(caseId: string) {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['cases', caseId] });
  const base = `/api/cases/${caseId}/appeal`;
  return {
    consent: useMutation({
      mutationFn: (documentNote: string) => api.post(`${base}/consent`, { documentNote }),
      onSettled: refresh,
    }),
    override: useMutation({
      mutationFn: (reason: string) => api.post(`${base}/consent-override`, { reason }),
      onSettled: refresh,
    }),
    withdrawConsent: useMutation({
      mutationFn: (reason: string) => api.post(`${base}/consent/withdraw`, { reason: reason || null }),
      onSettled: refresh,
    }),
    offer: useMutation({
      mutationFn: (offer: { lawyerIds?: string[]; pool?: boolean; offerNotes?: string }) =>
        api.post(`${base}/offers`, offer),
      onSettled: refresh,
    }),
    withdrawOffer: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) =>
        api.post(`/api/appeal-offers/${id}/withdraw`, { reason }),
      onSettled: refresh,
    }),
  };
}

/** The coordinator adds a partner lawyer by e-mail, or removes one; the list is read again after either. */
export function usePartnerLawyerActions(onAdded: () => void) {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['association', 'lawyers'] });
  return {
    add: useMutation({
      mutationFn: (email: string) => api.post('/api/association/lawyers', { email }),
      onSuccess: onAdded,
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (userId: string) => api.delete(`/api/association/lawyers/${userId}`),
      onSettled: refresh,
    }),
  };
}

export const LETTERS = ['gracious', 'hierarchical', 'oqtf-request'] as const;
export type LetterKind = (typeof LETTERS)[number];

/** Downloads a letter's .docx draft of the case and hands it to the browser. */
export function useLetterDownload(caseId: string, reference: string) {
  const api = useApi();
  return async (kind: LetterKind) =>
    saveFile(await api.getBlob(`/api/cases/${caseId}/appeal/letters/${kind}`), `${kind}-${reference}.docx`);
}
