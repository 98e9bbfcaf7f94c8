import { Alert, Badge, Button, Checkbox, Group, List, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DropZone } from '@/components/DropZone';
import { errorMessage } from '@/lib/api/errorMessage';
import type { Checklist, ChecklistPiece } from '../api/types';
import { formatDay } from './format';
import { Section } from './Section';
import { inLanguage } from '@/lib/i18n/bilingual';

const STATUS_COLORS = { MISSING: '#b91c1c', RECEIVED: '#1e40af', VERIFIED: '#166534' } as const;

function PieceRow({
  piece,
  onUpdate,
  onUpload,
  busy,
}: {
  piece: ChecklistPiece;
  onUpdate: (update: Record<string, unknown>) => void;
  onUpload: (file: File) => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const label = inLanguage(i18n.language, piece.label, piece.labelFr);
  const when = inLanguage(i18n.language, piece.when, piece.whenFr);
  const problems = inLanguage(i18n.language, piece.problems, piece.problemsFr);
  const [issuedOn, setIssuedOn] = useState(piece.issuedOn ?? '');
  const current = {
    status: piece.status,
    variant: piece.variant,
    issuedOn: piece.issuedOn,
    foreignLanguage: piece.translationNeeded || piece.translated ? true : null,
    translated: piece.translated,
    note: piece.note,
  };
  const update = (change: Record<string, unknown>) => onUpdate({ ...current, ...change });
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }} aria-label={label} data-piece={piece.piece}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} size="sm">
            {label}
            {!piece.required && ` (${t('checklist.optional')})`}
          </Text>
          <Group gap={4}>
            <Badge color={STATUS_COLORS[piece.status]}>{t(`checklist.status.${piece.status}`)}</Badge>
            {piece.expired && <Badge color="#b91c1c">{t('checklist.expired')}</Badge>}
            {piece.translationNeeded && !piece.translated && (
              <Badge color="#9a3412">{t('checklist.translationNeeded')}</Badge>
            )}
            {piece.sealedForOfii && (
              <Badge variant="outline" color="indigo.9">
                {t('checklist.sealedForOfii')}
              </Badge>
            )}
            {piece.legalisationToCheck && (
              <Badge variant="outline" color="#9a3412">
                {t('checklist.legalisation')}
              </Badge>
            )}
            {piece.stage === 'DELIVERY' && (
              <Badge variant="outline" color="gray.8">
                {t('checklist.atDelivery')}
              </Badge>
            )}
          </Group>
        </Group>
        {when && (
          <Text size="xs" c="dimmed">
            {when}
          </Text>
        )}
        {piece.sealedForOfii && (
          <Text size="xs" c="dimmed">
            {t('checklist.sealedForOfiiWhy')}
          </Text>
        )}
        {piece.legalisationToCheck && (
          <Text size="xs" c="dimmed">
            {t('checklist.legalisationWhy')}
          </Text>
        )}
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            size="xs"
            label={t('checklist.statusLabel')}
            data={(['MISSING', 'RECEIVED', 'VERIFIED'] as const).map((value) => ({
              value,
              label: t(`checklist.status.${value}`),
            }))}
            value={piece.status}
            onChange={(status) => status && status !== piece.status && update({ status })}
            allowDeselect={false}
            disabled={busy}
            w={150}
          />
          {piece.variants.length > 0 && (
            <Select
              size="xs"
              label={t('checklist.variant')}
              data={piece.variants.map((variant) => ({ value: variant.code, label: variant.label }))}
              value={piece.variant}
              onChange={(variant) => update({ variant })}
              disabled={busy}
              w={200}
            />
          )}
          <TextInput
            size="xs"
            type="date"
            label={t('checklist.issuedOn')}
            value={issuedOn}
            onChange={(event) => setIssuedOn(event.currentTarget.value)}
            onBlur={() => issuedOn !== (piece.issuedOn ?? '') && update({ issuedOn: issuedOn || null })}
            disabled={busy}
            w={150}
          />
          <Checkbox
            size="xs"
            label={t('checklist.translated')}
            checked={piece.translated}
            onChange={(event) => update({ translated: event.currentTarget.checked, foreignLanguage: true })}
            disabled={busy}
          />
        </Group>
        {piece.validUntil && (
          <Text size="xs">{t('checklist.validUntil', { day: formatDay(piece.validUntil, i18n.language) })}</Text>
        )}
        {problems.length > 0 && (
          <List size="xs" c="red.9">
            {problems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        )}
        <DropZone label={t('checklist.upload', { piece: label })} onFile={onUpload} disabled={busy} />
        {piece.documents > 0 && (
          <Text size="xs" c="dimmed">
            {t('checklist.documents', { count: piece.documents })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The ground's pieces: status, kind, date of issue and expiry, translation, and their files. */
export function ChecklistSection({
  checklist,
  onUpdate,
  onUpload,
  busy,
  error,
}: {
  checklist: Checklist;
  onUpdate: (piece: string, update: Record<string, unknown>) => void;
  onUpload: (piece: string, file: File) => void;
  busy: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Section title={t('checklist.title')} id="checklist">
      <Alert color={checklist.readyToFile ? 'green' : 'orange'}>
        {checklist.readyToFile ? t('checklist.ready') : t('checklist.notReady')}
        {checklist.filingOverride && ` ${t('checklist.overridden', { name: checklist.filingOverride.byName })}`}
      </Alert>
      {error ? (
        <Alert color="red" role="alert">
          {errorMessage(error, t)}
        </Alert>
      ) : null}
      <Stack component="ul" gap="xs" p={0} m={0}>
        {checklist.pieces.map((piece) => (
          <PieceRow
            key={piece.piece}
            piece={piece}
            busy={busy}
            onUpdate={(update) => onUpdate(piece.piece, update)}
            onUpload={(file) => onUpload(piece.piece, file)}
          />
        ))}
      </Stack>
      <Text size="xs" c="dimmed">
        {t('checklist.source', { source: checklist.source })}
      </Text>
    </Section>
  );
}

export function OverrideSection({
  checklist,
  onOverride,
  busy,
  error,
}: {
  checklist: Checklist;
  onOverride: (reason: string | null) => void;
  busy: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Section title={t('override.title')} id="override">
      {checklist.filingOverride ? (
        <Group>
          <Text size="sm">
            {t('override.current', { name: checklist.filingOverride.byName, reason: checklist.filingOverride.reason })}
          </Text>
          <Button size="xs" variant="default" onClick={() => onOverride(null)} loading={busy}>
            {t('override.withdraw')}
          </Button>
        </Group>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) onOverride(reason.trim());
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('override.reason')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              w={360}
              maxLength={2000}
            />
            <Button type="submit" size="sm" loading={busy} disabled={!reason.trim()}>
              {t('override.submit')}
            </Button>
          </Group>
        </form>
      )}
      {error ? <Alert color="red">{errorMessage(error, t)}</Alert> : null}
    </Section>
  );
}
