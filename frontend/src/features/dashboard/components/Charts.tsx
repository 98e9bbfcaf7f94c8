import { useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { OUTCOMES, type Cell, type OutcomeRow } from '../api/types';
import { outcomesByMonth } from '../api/query';

const OUTCOME_COLOURS: Record<string, string> = {
  GRANTED: 'teal',
  REFUSED: 'red',
  REFUSED_WITH_OQTF: 'grape',
  IMPLICIT_REFUSAL: 'orange',
  APPEAL_WON: 'blue',
  APPEAL_LOST: 'dark',
  WITHDRAWN: 'gray',
};

/** Open cases per step, as horizontal bars (labels stay readable on a phone). */
export function StepsChart({ cells }: { cells: Cell[] }) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const data = cells.map((cell) => ({
    step: t(`dashboard.step.${cell.key}`, { defaultValue: cell.key }),
    count: cell.count ?? 0,
  }));
  return (
    <div role="img" aria-label={t('dashboard.openByStep')}>
      <ResponsiveContainer width="100%" height={40 + data.length * 36}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="step" width={130} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="count" name={t('dashboard.cases')} fill={theme.colors.teal[8]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Outcomes per month, one bar per outcome. */
export function OutcomesChart({ rows }: { rows: OutcomeRow[] }) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const data = outcomesByMonth(rows);
  const present = OUTCOMES.filter((outcome) => rows.some((row) => row.outcome === outcome));
  return (
    <div role="img" aria-label={t('dashboard.outcomesByMonth')}>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ left: 0, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} width={32} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {present.map((outcome) => (
            <Bar
              key={outcome}
              dataKey={outcome}
              name={t(`dashboard.outcome.${outcome}`)}
              fill={(theme.colors[OUTCOME_COLOURS[outcome] ?? 'gray'] ?? theme.colors.gray)[7]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
