import { Alert, Badge, Box, Button, Checkbox, Group, List, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DropZone } from '@/components/DropZone';
import { errorMessage } from '@/lib/api/errorMessage';
import type { Checklist, ChecklistPiece } from '../api/types';
import { PIECE_GROUPS, piecesByStatus } from '../standing';
import { formatDay } from './format';
import { Section } from '@/components/Section';
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
  const localNote = inLanguage(i18n.language, piece.localNoteEn ?? piece.localNote, piece.localNote);
  const explanations = [
    when,
    piece.sealedForOfii ? t('checklist.sealedForOfiiWhy') : null,
    piece.legalisationToCheck ? t('checklist.legalisationWhy') : null,
  ].filter(Boolean);
  return (
    <Box
      component="li"
      aria-label={label}
      data-piece={piece.piece}
      py={6}
      style={{ listStyle: 'none', borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="space-between" wrap="wrap" gap={4}>
        <Text fw={600} size="sm">
          {label}
          {!piece.required && ` (${t('checklist.optional')})`}
        </Text>
        <Group gap={4}>
          <Badge size="sm" color={STATUS_COLORS[piece.status]}>
            {t(`checklist.status.${piece.status}`)}
          </Badge>
          {piece.expired && (
            <Badge size="sm" color="#b91c1c">
              {t('checklist.expired')}
            </Badge>
          )}
          {piece.translationNeeded && !piece.translated && (
            <Badge size="sm" color="#9a3412">
              {t('checklist.translationNeeded')}
            </Badge>
          )}
          {piece.sealedForOfii && (
            <Badge size="sm" variant="outline" color="indigo.9">
              {t('checklist.sealedForOfii')}
            </Badge>
          )}
          {piece.legalisationToCheck && (
            <Badge size="sm" variant="outline" color="#9a3412">
              {t('checklist.legalisation')}
            </Badge>
          )}
          {piece.addedByKit && (
            <Badge size="sm" variant="outline" color="indigo.9">
              {t('checklist.addedByKit')}
            </Badge>
          )}
          {piece.removedByKit && (
            <Badge size="sm" variant="outline" color="gray.8">
              {t('checklist.removedByKit')}
            </Badge>
          )}
          {piece.stage === 'DELIVERY' && (
            <Badge size="sm" variant="outline" color="gray.8">
              {t('checklist.atDelivery')}
            </Badge>
          )}
        </Group>
      </Group>
      {localNote && (
        <Text size="sm" fw={600} c="indigo.9" data-local-note>
          {t('checklist.localNote', { note: localNote })}
        </Text>
      )}
      {explanations.length > 0 && (
        <Text size="xs" c="dimmed">
          {explanations.join(' · ')}
        </Text>
      )}
      <Group gap="xs" align="flex-end" wrap="wrap" mt={4}>
        <NativeSelect
          size="xs"
          label={t('checklist.statusLabel')}
          data={(['MISSING', 'RECEIVED', 'VERIFIED'] as const).map((value) => ({
            value,
            label: t(`checklist.status.${value}`),
          }))}
          value={piece.status}
          onChange={(event) =>
            event.currentTarget.value !== piece.status && update({ status: event.currentTarget.value })
          }
          disabled={busy}
          w={120}
        />
        {piece.variants.length > 0 && (
          <NativeSelect
            size="xs"
            label={t('checklist.variant')}
            data={[
              { value: '', label: '—' },
              ...piece.variants.map((variant) => ({ value: variant.code, label: variant.label })),
            ]}
            value={piece.variant ?? ''}
            onChange={(event) => update({ variant: event.currentTarget.value || null })}
            disabled={busy}
            w={190}
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
          w={140}
        />
        <Checkbox
          size="xs"
          mb={6}
          label={t('checklist.translated')}
          checked={piece.translated}
          onChange={(event) => update({ translated: event.currentTarget.checked, foreignLanguage: true })}
          disabled={busy}
        />
        <DropZone compact label={t('checklist.upload', { piece: label })} onFile={onUpload} disabled={busy} />
        {piece.documents > 0 && (
          <Text size="xs" c="dimmed" mb={4}>
            {t('checklist.documents', { count: piece.documents })}
          </Text>
        )}
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
    </Box>
  );
}

/**
 * The ground's pieces, grouped by status: the missing ones first and open, the received ones to
 * check, the verified ones folded. Each piece is a compact row: status, kind, date of issue,
 * translation, a file to attach.
 */
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
  const groups = piecesByStatus(checklist.pieces);
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
      {PIECE_GROUPS.filter((status) => groups[status].length > 0).map((status) => (
        <details key={status} open={status !== 'VERIFIED'} data-group={status}>
          <summary style={{ cursor: 'pointer' }}>
            <Text component="span" fw={700} size="sm">
              {t('checklist.groupCount', { group: t(`checklist.group.${status}`), count: groups[status].length })}
            </Text>
          </summary>
          <Box component="ul" p={0} m={0}>
            {groups[status].map((piece) => (
              <PieceRow
                key={piece.piece}
                piece={piece}
                busy={busy}
                onUpdate={(update) => onUpdate(piece.piece, update)}
                onUpload={(file) => onUpload(piece.piece, file)}
              />
            ))}
          </Box>
        </details>
      ))}
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
