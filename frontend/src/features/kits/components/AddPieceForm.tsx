import { Alert, Button, Checkbox, Grid, Paper, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFields } from '@/lib/api/errorMessage';
import type { NewKitPiece } from '../api/types';

const EMPTY = { labelFr: '', labelEn: '', noteFr: '', noteEn: '' };

/** A piece the prefecture asks for beyond the catalogue's list, with its labels in French and English. */
export function AddPieceForm({
  onAdd,
  busy,
  error,
}: {
  onAdd: (piece: NewKitPiece, done: () => void) => void;
  busy: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [piece, setPiece] = useState(EMPTY);
  const [required, setRequired] = useState(true);
  const refused = problemToFields(error, ['labelFr', 'labelEn', 'noteFr', 'noteEn']);
  const field = (name: keyof typeof EMPTY) => ({
    value: piece[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value; // read now: React clears currentTarget after the handler
      setPiece((before) => ({ ...before, [name]: value }));
    },
    error: refused.fields[name],
  });
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-labelledby="kit-add-title"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd(
          {
            labelFr: piece.labelFr.trim(),
            labelEn: piece.labelEn.trim(),
            required,
            noteFr: piece.noteFr.trim() || null,
            noteEn: piece.noteEn.trim() || null,
          },
          () => {
            setPiece(EMPTY);
            setRequired(true);
          },
        );
      }}
    >
      <Title order={3} size="h4" id="kit-add-title" mb="xs">
        {t('kits.addTitle')}
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('kits.labelFr')} required maxLength={300} {...field('labelFr')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('kits.labelEn')} required maxLength={300} {...field('labelEn')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Textarea label={t('kits.noteFr')} maxLength={500} rows={2} {...field('noteFr')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Textarea label={t('kits.noteEn')} maxLength={500} rows={2} {...field('noteEn')} />
        </Grid.Col>
      </Grid>
      <Checkbox
        mt="sm"
        label={t('kits.required')}
        checked={required}
        onChange={(event) => setRequired(event.currentTarget.checked)}
      />
      {refused.general && (
        <Alert color="red" mt="sm" role="alert">
          {refused.general}
        </Alert>
      )}
      <Button type="submit" mt="sm" loading={busy} disabled={!piece.labelFr.trim() || !piece.labelEn.trim()}>
        {t('kits.add')}
      </Button>
    </Paper>
  );
}
