import { Alert, Button, Card, Code, CopyButton, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api/errorMessage';
import { useAlertSettings, useCalendarFeed, useCalendarFeedActions } from '../api/calendar';

/**
 * The member's reminders: a personal calendar link (shown once, when made: only its hash is kept)
 * and the choice of one daily digest instead of single e-mails.
 */
export function CalendarCard({ enabled }: { enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const feed = useCalendarFeed(enabled);
  const actions = useCalendarFeedActions();
  const { settings, save } = useAlertSettings(enabled);
  const [url, setUrl] = useState<string | null>(null);
  const error = actions.create.error ?? actions.revoke.error ?? save.error;
  const created = feed.data?.created
    ? new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'fr-FR', {
        dateStyle: 'long',
        timeStyle: 'short',
      }).format(new Date(feed.data.created))
    : null;

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('deadlines.calendar.title')}</Title>
        <Text size="sm">{t('deadlines.calendar.intro')}</Text>
        {error && (
          <Alert color="red" title={t('errors.title')}>
            {errorMessage(error, t)}
          </Alert>
        )}
        {url && (
          <Alert
            color="green"
            title={
              <Text span fw={700} c="#166534">
                {t('deadlines.calendar.created')}
              </Text>
            }
          >
            <Stack gap="xs">
              <Code block data-testid="calendar-url" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {url}
              </Code>
              <Text size="sm">{t('deadlines.calendar.copyNow')}</Text>
              <Group>
                <CopyButton value={url}>
                  {({ copied, copy }) => (
                    <Button size="compact-sm" variant="default" onClick={copy}>
                      {copied ? t('deadlines.calendar.copied') : t('deadlines.calendar.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        {!url && feed.data?.active && created && <Text size="sm">{t('deadlines.calendar.active', { created })}</Text>}
        {!url && feed.data && !feed.data.active && (
          <Text size="sm" c="dimmed">
            {t('deadlines.calendar.none')}
          </Text>
        )}
        <Group>
          <Button
            onClick={() => actions.create.mutate(undefined, { onSuccess: (made) => setUrl(made.url ?? null) })}
            loading={actions.create.isPending}
          >
            {feed.data?.active ? t('deadlines.calendar.renew') : t('deadlines.calendar.create')}
          </Button>
          {feed.data?.active && (
            <Button
              variant="default"
              color="red"
              onClick={() => actions.revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}
              loading={actions.revoke.isPending}
            >
              {t('deadlines.calendar.revoke')}
            </Button>
          )}
        </Group>
        <Switch
          label={t('deadlines.calendar.digest')}
          description={t('deadlines.calendar.digestHint')}
          checked={settings.data?.digest ?? false}
          disabled={!settings.data || save.isPending}
          onChange={(event) => save.mutate(event.currentTarget.checked)}
        />
      </Stack>
    </Card>
  );
}
