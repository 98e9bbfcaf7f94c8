import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/QueryState';
import { problemToFields } from '@/lib/api/errorMessage';
import { formatInstant } from '../format';
import { useHandoff, useHandoffActions, useLawyers } from '../api/lawyer';
import type { HandoffStanding } from '../api/types';

/**
 * The hand-off of the case's appeal to a lawyer, on the case page: the applicant's consent (or a
 * coordinator's override with its reason), the offer to named lawyers or the pool, the offers'
 * answers; withdrawing the consent or an offer ends the lawyer's access.
 */
export function AppealHandoffSection({ caseId, coordinator }: { caseId: string; coordinator: boolean }) {
  const { t } = useTranslation();
  const standing = useHandoff(caseId, true);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="handoff-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="handoff-title">
          {t('lawyer.handoff.title')}
        </Title>
        <QueryState query={standing}>
          {(data) => <Handoff caseId={caseId} coordinator={coordinator} standing={data} />}
        </QueryState>
      </Stack>
    </Paper>
  );
}

function Handoff({
  caseId,
  coordinator,
  standing,
}: {
  caseId: string;
  coordinator: boolean;
  standing: HandoffStanding;
}) {
  const { t, i18n } = useTranslation();
  const actions = useHandoffActions(caseId);
  const lawyers = useLawyers(coordinator && standing.waitingForOffer);
  const [documentNote, setDocumentNote] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [withdrawReason, setWithdrawReason] = useState('');
  const [to, setTo] = useState<'named' | 'pool'>('named');
  const [chosen, setChosen] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const consentError = problemToFields(
    actions.consent.error ?? actions.override.error ?? actions.withdrawConsent.error,
    ['documentNote', 'reason'],
  );
  const offerError = problemToFields(actions.offer.error, ['lawyerIds', 'pool', 'offerNotes']);
  const consent = standing.consent;
  return (
    <Stack gap="sm">
      {consent ? (
        <Stack gap={4}>
          <Text size="sm" data-testid="consent">
            {consent.kind === 'CONSENT'
              ? t('lawyer.handoff.consented', {
                  by: consent.recordedBy,
                  at: formatInstant(consent.recordedAt, i18n.language),
                  document: consent.documentNote,
                })
              : t('lawyer.handoff.overridden', {
                  by: consent.recordedBy,
                  at: formatInstant(consent.recordedAt, i18n.language),
                  reason: consent.reason,
                })}
          </Text>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              size="xs"
              label={t('lawyer.handoff.withdrawReason')}
              value={withdrawReason}
              onChange={(event) => setWithdrawReason(event.currentTarget.value)}
              maxLength={4000}
            />
            <Button
              size="xs"
              variant="default"
              color="red"
              loading={actions.withdrawConsent.isPending}
              onClick={() => actions.withdrawConsent.mutate(withdrawReason.trim())}
            >
              {t('lawyer.handoff.withdrawConsent')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="xs">
          <Text size="sm">{t('lawyer.handoff.noConsent')}</Text>
          <TextInput
            label={t('lawyer.handoff.documentNote')}
            description={t('lawyer.handoff.documentHint')}
            value={documentNote}
            onChange={(event) => setDocumentNote(event.currentTarget.value)}
            maxLength={500}
            error={consentError.fields.documentNote}
          />
          <div>
            <Button
              size="xs"
              disabled={!documentNote.trim()}
              loading={actions.consent.isPending}
              onClick={() => actions.consent.mutate(documentNote.trim())}
            >
              {t('lawyer.handoff.recordConsent')}
            </Button>
          </div>
          {coordinator && (
            <>
              <Textarea
                label={t('lawyer.handoff.overrideReason')}
                value={overrideReason}
                onChange={(event) => setOverrideReason(event.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={4000}
                error={consentError.fields.reason}
              />
              <div>
                <Button
                  size="xs"
                  variant="default"
                  disabled={!overrideReason.trim()}
                  loading={actions.override.isPending}
                  onClick={() => actions.override.mutate(overrideReason.trim())}
                >
                  {t('lawyer.handoff.override')}
                </Button>
              </div>
            </>
          )}
        </Stack>
      )}
      {consentError.general && <Alert color="red">{consentError.general}</Alert>}

      {coordinator && standing.waitingForOffer && (
        <Stack
          gap="xs"
          component="form"
          onSubmit={(event) => {
            event.preventDefault();
            actions.offer.mutate(
              to === 'pool'
                ? { pool: true, offerNotes: notes.trim() || undefined }
                : { lawyerIds: chosen, offerNotes: notes.trim() || undefined },
            );
          }}
        >
          <Radio.Group
            label={t('lawyer.handoff.offerTo')}
            value={to}
            onChange={(value) => setTo(value as 'named' | 'pool')}
          >
            <Group gap="md" mt={4}>
              <Radio value="named" label={t('lawyer.handoff.named')} />
              <Radio value="pool" label={t('lawyer.handoff.pool')} />
            </Group>
          </Radio.Group>
          {to === 'named' && (
            <MultiSelect
              label={t('lawyer.handoff.lawyers')}
              data={(lawyers.data ?? []).map((lawyer) => ({ value: lawyer.userId, label: lawyer.name }))}
              value={chosen}
              onChange={setChosen}
              searchable
              error={offerError.fields.lawyerIds}
            />
          )}
          <Textarea
            label={t('lawyer.handoff.message')}
            description={t('lawyer.handoff.messageHint')}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
          />
          {offerError.general && <Alert color="red">{offerError.general}</Alert>}
          <div>
            <Button
              type="submit"
              size="xs"
              loading={actions.offer.isPending}
              disabled={to === 'named' && chosen.length === 0}
            >
              {t('lawyer.handoff.offer')}
            </Button>
          </div>
        </Stack>
      )}

      {standing.offers.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0}>
          {standing.offers.map((offer) => (
            <li key={offer.id} style={{ listStyle: 'none' }}>
              <Group gap="xs" wrap="wrap">
                <Badge color={offer.status === 'ACCEPTED' && !offer.endedAt ? 'green.9' : 'gray.8'} variant="filled">
                  {t(`lawyer.status.${offer.endedAt && offer.status === 'ACCEPTED' ? 'ENDED' : offer.status}`)}
                </Badge>
                <Text size="sm">
                  {offer.pool
                    ? t('lawyer.handoff.toPool')
                    : t('lawyer.handoff.toNamed', { count: offer.offeredTo.length })}{' '}
                  · {formatInstant(offer.offeredAt, i18n.language)}
                  {offer.acceptedBy ? ` · ${t('lawyer.handoff.acceptedBy', { name: offer.acceptedBy })}` : ''}
                </Text>
                {coordinator && !offer.endedAt && (offer.status === 'OPEN' || offer.status === 'ACCEPTED') && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    loading={actions.withdrawOffer.isPending}
                    onClick={() =>
                      actions.withdrawOffer.mutate({ id: offer.id, reason: t('lawyer.handoff.withdrawnByCoordinator') })
                    }
                  >
                    {t('lawyer.handoff.withdrawOffer')}
                  </Button>
                )}
              </Group>
              {offer.declines.map((decline) => (
                <Text key={decline.lawyer + decline.at} size="xs" c="dimmed">
                  {t('lawyer.handoff.declined', { name: decline.lawyer, reason: decline.reason })}
                </Text>
              ))}
              {offer.endReason && (
                <Text size="xs" c="dimmed">
                  {offer.endReason}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
