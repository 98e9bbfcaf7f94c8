import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '@/lib/i18n/bilingual';

export interface Commission {
  mandatory: boolean;
  reason: string;
  reasonFr: string;
}

/** Whether the commission du titre de séjour must be heard (CESEDA L432-13), and why. */
export function CommissionNote({ commission }: { commission: Commission }) {
  const { t, i18n } = useTranslation();
  const reason = inLanguage(i18n.language, commission.reason, commission.reasonFr);
  return (
    <Text size="sm">
      {commission.mandatory ? t('case.commissionMandatory') : t('case.commissionNotMandatory')}
      {reason ? ` — ${reason}` : ''}
    </Text>
  );
}
