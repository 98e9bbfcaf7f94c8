import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import type { EventDeadline } from '../api/types';
import { StartedDeadline } from './StartedDeadline';

const refusal: EventDeadline = {
  rule: 'CONTENTIOUS_APPEAL',
  date: '2027-02-08',
  endsAt: '2027-02-09T00:00+01:00',
  explanation: 'Délai franc de 2 mois à compter du vendredi 4 décembre 2026',
  source: 'R421-1 CJA',
  printedDeadline: null,
  printedDeadlineDiffers: false,
};

function show(deadline: EventDeadline) {
  void i18n.changeLanguage('fr');
  render(
    <MantineProvider>
      <I18nextProvider i18n={i18n}>
        <StartedDeadline deadline={deadline} />
      </I18nextProvider>
    </MantineProvider>,
  );
}

describe('the deadline a recorded refusal starts', () => {
  it('gives the last day, the rule and its source', () => {
    show(refusal);
    expect(screen.getByText('Jusqu’au lundi 8 février 2027 inclus')).toBeInTheDocument();
    expect(screen.getByText(/Recours contentieux : 2 mois francs/)).toBeInTheDocument();
    expect(screen.getByText('Source : R421-1 CJA')).toBeInTheDocument();
    expect(screen.queryByText(/autre date/)).not.toBeInTheDocument();
  });

  it('gives the hour of a 48-hour deadline, and warns when the decision prints another date', () => {
    show({
      ...refusal,
      rule: 'OQTF_RETENTION',
      endsAt: '2026-12-05T10:30+01:00',
      printedDeadline: '2026-12-07',
      printedDeadlineDiffers: true,
    });
    expect(screen.getByText(/Jusqu’au samedi 5 décembre 2026 .*10:30 inclus/)).toBeInTheDocument();
    expect(screen.getByText(/autre date \(7 décembre 2026\)/)).toBeInTheDocument();
  });
});
