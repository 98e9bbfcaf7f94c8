import { Alert, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormJsForm, type FormRefusal } from '@/components/form/FormJsForm';
import { ApiError } from '@/lib/api/ApiError';
import { useEventForm } from '../api/cases';
import { CASE_EVENTS, type CaseEventName, type EventDeadline, type RecordedEvent } from '../api/types';
import { Section } from '@/components/Section';
import { StartedDeadline } from './StartedDeadline';

/** What the prefecture or the court did, recorded with the event's form and delivered to the step awaiting it. */
export function EventsSection({
  onRecord,
  busy,
}: {
  onRecord: (
    event: CaseEventName,
    data: Record<string, unknown>,
    done: (error?: unknown, answer?: RecordedEvent) => void,
  ) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [event, setEvent] = useState<CaseEventName | null>(null);
  const form = useEventForm(event);
  const [refusal, setRefusal] = useState<FormRefusal | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [deadline, setDeadline] = useState<EventDeadline | null>(null);
  return (
    <Section title={t('events.title')} id="events">
      <Select
        label={t('events.which')}
        placeholder={t('events.choose')}
        data={CASE_EVENTS.map((value) => ({ value, label: t(`events.kind.${value}`) }))}
        value={event}
        onChange={(value) => {
          setEvent(value as CaseEventName | null);
          setRefusal(null);
          setRecorded(null);
          setDeadline(null);
        }}
        clearable
        maw={360}
      />
      {recorded && (
        <Alert color="green" role="status">
          {recorded}
        </Alert>
      )}
      {deadline && <StartedDeadline deadline={deadline} />}
      {event && form.data && (
        <Stack>
          <FormJsForm
            schema={form.data}
            submitLabel={t('events.record')}
            busy={busy}
            refusal={refusal}
            onSubmit={(data) => {
              setRefusal(null);
              onRecord(event, data, (error, answer) => {
                if (!error) {
                  setRecorded(t('events.recorded', { event: t(`events.kind.${event}`) }));
                  setDeadline(answer?.deadline ?? null);
                  setEvent(null);
                  return;
                }
                if (error instanceof ApiError) {
                  const fields = error.fieldErrors;
                  setRefusal({
                    fields,
                    message:
                      error.status === 409 ? t('events.notAwaited') : Object.keys(fields).length ? null : error.message,
                  });
                } else setRefusal({ fields: {}, message: t('errors.network') });
              });
            }}
          />
        </Stack>
      )}
      {event && form.isError && <Text c="red.9">{t('form.loadFailed')}</Text>}
    </Section>
  );
}
