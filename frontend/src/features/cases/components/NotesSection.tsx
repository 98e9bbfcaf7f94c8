import { Alert, Button, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFields } from '@/lib/api/errorMessage';
import type { NoteView } from '../api/types';
import { formatInstant } from './format';
import { Section } from '@/components/Section';

export function NotesSection({
  notes,
  onAdd,
  busy,
  error,
  readOnly = false,
}: {
  notes: NoteView[];
  /** A closed case: its notes are read, no longer added. */
  readOnly?: boolean;
  onAdd: (text: string, done: () => void) => void;
  busy: boolean;
  error: unknown;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const refused = problemToFields(error, ['text']);
  return (
    <Section title={t('notes.title')} id="notes">
      {!readOnly && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim()) onAdd(text.trim(), () => setText(''));
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('notes.new')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={10_000}
              error={refused.fields.text}
            />
            {refused.general && <Alert color="red">{refused.general}</Alert>}
            <div>
              <Button type="submit" size="xs" loading={busy} disabled={!text.trim()}>
                {t('notes.add')}
              </Button>
            </div>
          </Stack>
        </form>
      )}
      <Stack component="ul" gap="xs" p={0} m={0}>
        {notes.map((note) => (
          <li key={note.id} style={{ listStyle: 'none' }}>
            <Text size="xs" c="dimmed">
              {note.authorName} · {formatInstant(note.createdAt, i18n.language)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.text}
            </Text>
          </li>
        ))}
      </Stack>
    </Section>
  );
}
