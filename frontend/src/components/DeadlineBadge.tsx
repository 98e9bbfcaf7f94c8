import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STEP_RULES, lastDayToAct, urgency } from '@/lib/deadlines';

// Dark enough for white text at AA contrast (4.5:1): Mantine's orange and yellow are not.
const COLORS = { overdue: '#b91c1c', today: '#9a3412', week: '#854d0e', later: 'gray.8', none: 'gray.8' } as const;

/** A deadline as a word and a colour (overdue, today, this week), with its date and the rule behind it. */
export function DeadlineBadge({ due, step, now = new Date() }: { due?: string | null; step?: string; now?: Date }) {
  const { t, i18n } = useTranslation();
  const level = urgency(due, now);
  if (level === 'none' || !due) return null;
  const day = lastDayToAct(due).toLocaleDateString(i18n.language, { timeZone: 'Europe/Paris', dateStyle: 'medium' });
  const rule = step ? STEP_RULES[step] : undefined;
  const label = level === 'later' ? t('deadline.until', { day }) : `${t(`deadline.${level}`)} · ${day}`;
  const explanation = rule ? `${t(`rules.${rule.rule}`)} (${rule.source})` : t('deadline.noRule');
  return (
    <Tooltip label={explanation} multiline maw={320} events={{ hover: true, focus: true, touch: true }}>
      <Badge
        color={COLORS[level]}
        variant={level === 'later' ? 'outline' : 'filled'}
        tabIndex={0}
        aria-label={`${t('deadline.label')} : ${label}. ${explanation}`}
        data-urgency={level}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
