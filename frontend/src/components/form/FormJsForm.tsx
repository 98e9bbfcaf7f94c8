import { Alert, Button, Group, List, Loader, Stack } from '@mantine/core';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { SELECT_PLACEHOLDER } from './formJsTexts';
import { toFormErrors, type FormSchema } from './schema';

/** The few calls of form-js's viewer the app makes (loaded on demand: it is large). */
interface Viewer {
  importSchema(schema: FormSchema, data?: Record<string, unknown>): Promise<unknown>;
  submit(): { data: Record<string, unknown>; errors: Record<string, unknown> };
  _getState(): { errors: Record<string, unknown> };
  _setState(state: { errors: Record<string, string[]> }): void;
  destroy(): void;
}

export interface FormRefusal {
  /** Field key to message, as the backend names them. */
  fields: Record<string, string>;
  /** What to say above the form (a 409, a problem naming no field). */
  message?: string | null;
}

/**
 * A Camunda Form rendered by form-js. On submit the form's own checks run first; then `onSubmit`
 * gets its data. A refusal comes back as field messages shown under their fields; what was typed stays.
 */
export function FormJsForm({
  schema,
  submitLabel,
  onSubmit,
  refusal,
  busy,
}: {
  schema: FormSchema;
  submitLabel: string;
  onSubmit: (data: Record<string, unknown>) => void;
  refusal?: FormRefusal | null;
  busy?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<Viewer | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    // The node as the effect finds it: while the chunk loads, a Suspense boundary above may hide
    // the page and detach the ref, and the form must still be drawn into it.
    const node = container.current;
    if (!node) return;
    let cancelled = false;
    let made: Viewer | null = null;
    void import('./formJsViewer')
      .then(async ({ createViewer }) => {
        if (cancelled) return;
        made = createViewer(node, language) as unknown as Viewer;
        await made.importSchema(schema);
        if (cancelled) return;
        viewer.current = made;
        setReady(true);
      })
      .catch((error: unknown) => !cancelled && setFailed(error));
    return () => {
      cancelled = true;
      made?.destroy();
      viewer.current = null;
    };
  }, [schema, language]);

  const placed = refusal ? toFormErrors(schema, refusal.fields) : null;
  useEffect(() => {
    if (viewer.current && placed) viewer.current._setState({ errors: placed.byId });
    // placed is derived from refusal
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refusal, ready]);

  function submit() {
    const form = viewer.current;
    if (!form) return;
    const { data, errors } = form.submit();
    if (Object.keys(errors).length > 0) return; // form-js shows its own messages on the fields
    onSubmit(data);
  }

  const unplaced = placed ? Object.entries(placed.unplaced) : [];
  return (
    <Stack>
      {failed !== null && <Alert color="red">{t('form.loadFailed')}</Alert>}
      {(refusal?.message || unplaced.length > 0) && (
        <Alert color="red" title={t('form.refused')} role="alert">
          {refusal?.message}
          {unplaced.length > 0 && (
            <List size="sm">
              {unplaced.map(([field, message]) => (
                <List.Item key={field}>
                  {field} : {message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {!ready && failed === null && <Loader aria-label={t('app.loading')} />}
      <div
        ref={container}
        className="passerelle-form"
        style={
          {
            '--passerelle-select-placeholder': `"${SELECT_PLACEHOLDER[language] ?? SELECT_PLACEHOLDER.fr}"`,
          } as CSSProperties
        }
      />
      {ready && (
        <Group>
          <Button onClick={submit} loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
