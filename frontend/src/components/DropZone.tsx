import { Stack, Text, UnstyledButton } from '@mantine/core';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/** Why a file is refused before it is sent (the backend checks again, by content), or null. */
export function refusal(file: { size: number; type: string }, maxBytes = MAX_UPLOAD_BYTES): 'size' | 'type' | null {
  if (!ACCEPTED_TYPES.includes(file.type)) return 'type';
  if (file.size > maxBytes) return 'size';
  return null;
}

/** A file picker that also takes a file dropped on it; refuses what the backend would refuse. */
export function DropZone({
  label,
  onFile,
  disabled,
  compact,
}: {
  label: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  /** One short line (a checklist row): the full label is the button's accessible name and tooltip. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [over, setOver] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  function take(file: File | undefined) {
    if (!file) return;
    const why = refusal(file);
    if (why) {
      setRefused(t(`upload.refused.${why}`, { name: file.name }));
      return;
    }
    setRefused(null);
    onFile(file);
  }
  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    if (!disabled) take(event.dataTransfer.files[0]);
  }

  return (
    <Stack gap={4}>
      <UnstyledButton
        onClick={() => input.current?.click()}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        disabled={disabled}
        aria-describedby={refused ? `${id}-refused` : undefined}
        aria-label={compact ? label : undefined}
        title={compact ? `${label} · ${t('upload.hint')}` : undefined}
        style={{
          border: `${compact ? 1 : 2}px dashed var(--mantine-color-${over ? 'indigo-7' : 'gray-6'})`,
          borderRadius: 6,
          padding: compact ? '2px 10px' : '8px 12px',
          textAlign: 'center',
        }}
      >
        {compact ? (
          <Text size="xs">{t('upload.attach')}</Text>
        ) : (
          <>
            <Text size="sm">{label}</Text>
            <Text size="xs" c="dimmed">
              {t('upload.hint')}
            </Text>
          </>
        )}
      </UnstyledButton>
      <input
        ref={input}
        id={id}
        type="file"
        hidden
        aria-label={label}
        accept={ACCEPTED_TYPES.join(',')}
        onChange={(event) => {
          take(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {refused && (
        <Text id={`${id}-refused`} size="sm" c="red.9" role="alert">
          {refused}
        </Text>
      )}
    </Stack>
  );
}
