import { Badge, Box, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '@/lib/i18n/bilingual';
import type { KitLine, KitPieceChange } from '../api/types';

/**
 * One piece of a kit's list: its label, whether the kit added or removed it, its local note; for a
 * coordinator, removing or restoring it and editing its note (and, for a piece the kit added, whether
 * it is required).
 */
export function KitPieceRow({
  line,
  editable,
  busy,
  onChange,
}: {
  line: KitLine;
  editable: boolean;
  busy: boolean;
  onChange: (change: KitPieceChange) => void;
}) {
  const { t, i18n } = useTranslation();
  const label = inLanguage(i18n.language, line.labelEn, line.labelFr);
  const note = inLanguage(i18n.language, line.noteEn ?? line.noteFr, line.noteFr);
  const [editing, setEditing] = useState(false);
  const [noteFr, setNoteFr] = useState(line.noteFr ?? '');
  const [noteEn, setNoteEn] = useState(line.noteEn ?? '');
  const [required, setRequired] = useState(line.required);
  const current = { removed: line.removed, noteFr: line.noteFr, noteEn: line.noteEn };
  return (
    <Box
      component="li"
      aria-label={label}
      data-kit-piece={line.piece}
      py={6}
      style={{ listStyle: 'none', borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="space-between" wrap="wrap" gap={4}>
        <Text
          fw={600}
          size="sm"
          td={line.removed ? 'line-through' : undefined}
          c={line.removed ? 'dimmed' : undefined}
          style={{ flex: '1 1 240px' }}
        >
          {label}
          {!line.required && ` (${t('checklist.optional')})`}
        </Text>
        <Group gap={4}>
          {!line.fromCatalogue && (
            <Badge size="sm" color="indigo.9">
              {t('kits.added')}
            </Badge>
          )}
          {line.removed && (
            <Badge size="sm" color="gray.8">
              {t('kits.removed')}
            </Badge>
          )}
        </Group>
      </Group>
      {note && (
        <Text size="sm" mt={2}>
          <Text component="span" fw={600} size="sm">
            {t('kits.localNote')}
          </Text>{' '}
          {note}
        </Text>
      )}
      {editable && !editing && (
        <Group gap="xs" mt={4}>
          <Button
            size="compact-sm"
            variant="default"
            disabled={busy}
            onClick={() => onChange({ ...current, removed: !line.removed })}
            aria-label={t(line.removed ? 'kits.restoreLabel' : 'kits.removeLabel', { piece: label })}
          >
            {t(line.removed ? 'kits.restore' : 'kits.remove')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            disabled={busy}
            onClick={() => setEditing(true)}
            aria-label={t('kits.editNoteLabel', { piece: label })}
          >
            {t('kits.editNote')}
          </Button>
        </Group>
      )}
      {editable && editing && (
        <Stack
          gap="xs"
          mt={4}
          component="form"
          onSubmit={(event) => {
            event.preventDefault();
            onChange({
              removed: line.removed,
              noteFr: noteFr.trim() || null,
              noteEn: noteEn.trim() || null,
              ...(line.fromCatalogue ? {} : { required }),
            });
            setEditing(false);
          }}
        >
          <Textarea
            label={t('kits.noteFr')}
            description={t('kits.noteHint')}
            value={noteFr}
            onChange={(event) => setNoteFr(event.currentTarget.value)}
            maxLength={500}
            rows={2}
          />
          <Textarea
            label={t('kits.noteEn')}
            value={noteEn}
            onChange={(event) => setNoteEn(event.currentTarget.value)}
            maxLength={500}
            rows={2}
          />
          {!line.fromCatalogue && (
            <Checkbox
              label={t('kits.required')}
              checked={required}
              onChange={(event) => setRequired(event.currentTarget.checked)}
            />
          )}
          <Group gap="xs">
            <Button type="submit" size="compact-sm" loading={busy}>
              {t('kits.save')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => setEditing(false)}>
              {t('kits.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Box>
  );
}
