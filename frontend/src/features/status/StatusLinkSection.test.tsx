import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { theme } from '@/app/theme';
import { ApiContext } from '@/lib/api/ApiContext';
import { createApiClient } from '@/lib/api/client';
import { fakeBackend, json, type SentRequest } from '@/test/fakeBackend';
import { StatusLinkSection } from './StatusLinkSection';

// jsdom has no document.fonts, which the contact's autosizing text area listens to
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: () => {}, removeEventListener: () => {} },
});

const CASE = '3f7b1c2e-0000-4000-8000-00000000000a';

function renderSection() {
  const api = createApiClient({ token: async () => 't', association: () => null, language: () => 'fr' });
  render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ApiContext.Provider value={api}>
          <StatusLinkSection caseId={CASE} />
        </ApiContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('the reminders consent on the status link section', () => {
  it('shows the address and records then withdraws the consent', async () => {
    let active = false;
    const sent = fakeBackend(({ method, path }: SentRequest) => {
      if (path.endsWith('/status-reminders')) active = method === 'PUT';
      return json({
        contact: 'Tél. 04 00 00 00 00',
        reminders: {
          channel: 'EMAIL',
          address: 'amina@example.org',
          active,
          ...(active ? { consented: '2026-03-02T08:00:00Z', consentedBy: 'ines.caseworker' } : {}),
        },
      });
    });
    renderSection();
    const box = await screen.findByRole('checkbox', { name: /accepte de recevoir par e-mail/ });
    expect(screen.getByText('Envoyés à amina@example.org (l’adresse de sa fiche).')).toBeVisible();
    expect(box).not.toBeChecked();

    await userEvent.click(box);
    await waitFor(() => expect(box).toBeChecked());
    expect(screen.getByText(/Accord enregistré le .* par ines\.caseworker/)).toBeVisible();
    expect(sent.some((r) => r.method === 'PUT' && r.path === `/api/cases/${CASE}/status-reminders`)).toBe(true);

    await userEvent.click(box);
    await waitFor(() => expect(box).not.toBeChecked());
    expect(sent.some((r) => r.method === 'DELETE' && r.path === `/api/cases/${CASE}/status-reminders`)).toBe(true);
  });

  it('cannot be ticked without an address on the record', async () => {
    fakeBackend(() => json({ reminders: { channel: 'EMAIL', active: false } }));
    renderSection();
    const box = await screen.findByRole('checkbox', { name: /accepte de recevoir par e-mail/ });
    expect(box).toBeDisabled();
    expect(screen.getByText(/Sa fiche n’a pas d’adresse e-mail/)).toBeVisible();
  });
});
