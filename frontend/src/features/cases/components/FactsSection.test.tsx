import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import type { CaseView } from '../api/types';
import { FactsSection } from './FactsSection';

const PREVIOUS = '0b6c1f1e-0000-4000-8000-000000000042';

function show(item: Partial<CaseView>) {
  void i18n.changeLanguage('fr');
  const view = { reference: '2027-RENEW01', ground: 'L435-1', department: '69', ...item } as CaseView;
  render(
    <MantineProvider>
      <I18nextProvider i18n={i18n}>
        <MemoryRouter>
          <FactsSection item={view} />
        </MemoryRouter>
      </I18nextProvider>
    </MantineProvider>,
  );
}

describe('the case facts', () => {
  it('link a renewal case to the case it renews', () => {
    show({ renewalOf: PREVIOUS });
    expect(screen.getByText('Renouvellement de')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Voir le dossier précédent' })).toHaveAttribute(
      'href',
      `/cases/${PREVIOUS}`,
    );
  });

  it('show no such link on a first application', () => {
    show({});
    expect(screen.queryByText('Renouvellement de')).not.toBeInTheDocument();
  });
});
