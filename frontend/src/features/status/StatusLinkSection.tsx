import {
  Alert,
  Badge,
  Button,
  Checkbox,
  CopyButton,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { encode } from 'uqr';
import { errorMessage } from '@/lib/api/errorMessage';
import { useStatusLink, type ReminderConsent, type StatusLink } from './api/staff';
import { LANGUAGES, NAMES } from './texts';

/**
 * The applicant's status page, on the case page: give the link (a QR code and the address to copy into a
 * text message; the code to say in person), show it again, revoke it; and the association's contact the
 * page shows.
 */
export function StatusLinkSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { state, give, revoke, reminders, saveContact } = useStatusLink(caseId);
  const [language, setLanguage] = useState<string>('fr');
  const link = state.data?.link;
  const error = give.error ?? revoke.error ?? state.error;
  return (
    <Stack gap="sm">
      <Section title={t('statusLink.title')} id="status-link">
        <Text size="sm">{t('statusLink.intro')}</Text>
        {error ? <Alert color="red">{errorMessage(error, t)}</Alert> : null}
        {link && <GivenLink link={link} />}
        <Group align="end" gap="xs">
          <Select
            label={t('statusLink.language')}
            data={LANGUAGES.map((value) => ({ value, label: NAMES[value] }))}
            value={language}
            onChange={(value) => value && setLanguage(value)}
            allowDeselect={false}
            w={180}
          />
          <Button onClick={() => give.mutate(language)} loading={give.isPending}>
            {link ? t('statusLink.giveNew') : t('statusLink.give')}
          </Button>
          {link && (
            <Button variant="default" color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
              {t('statusLink.revoke')}
            </Button>
          )}
        </Group>
        {state.data?.reminders && (
          <Reminders
            consent={state.data.reminders}
            saving={reminders.isPending}
            error={reminders.error}
            onChange={(consent) => reminders.mutate(consent)}
          />
        )}
      </Section>
      {state.isSuccess && (
        <ContactForm
          key={state.data.contact ?? ''}
          contact={state.data.contact ?? ''}
          saving={saveContact.isPending}
          error={saveContact.error}
          saved={saveContact.isSuccess}
          onSave={(text) => saveContact.mutate(text)}
        />
      )}
    </Stack>
  );
}

function GivenLink({ link }: { link: StatusLink }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge color={link.locked ? '#b91c1c' : '#166534'}>
          {link.locked ? t('statusLink.locked') : t('statusLink.active')}
        </Badge>
        <Text size="sm">
          {t('statusLink.given', {
            when: formatInstant(link.created, i18n.language),
            who: link.createdBy,
            language: NAMES[link.language as keyof typeof NAMES] ?? link.language,
          })}
        </Text>
      </Group>
      <Text size="sm">
        {link.lastViewed
          ? t('statusLink.lastViewed', { when: formatInstant(link.lastViewed, i18n.language) })
          : t('statusLink.neverViewed')}
      </Text>
      {link.url && link.code ? (
        <Group align="start" gap="md">
          <QrCode text={link.url} label={t('statusLink.qr')} />
          <Stack gap="xs" style={{ flex: 1, minWidth: 240 }}>
            <Group align="end" gap="xs" wrap="nowrap">
              <TextInput label={t('statusLink.url')} value={link.url} readOnly style={{ flex: 1 }} />
              <CopyButton value={link.url}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? t('statusLink.copied') : t('statusLink.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm">{t('statusLink.codeIntro')}</Text>
            <Text fw={700} size="xl" data-testid="status-link-code" style={{ letterSpacing: '0.2em' }}>
              {link.code}
            </Text>
          </Stack>
        </Group>
      ) : (
        <Alert color="yellow">{t('statusLink.cannotShow')}</Alert>
      )}
    </Stack>
  );
}

/**
 * The applicant's consent to e-mail reminders of their appointments and the documents to bring, in their
 * page's language, at the address of their record: who recorded it and when, withdrawn by unticking.
 */
function Reminders({
  consent,
  saving,
  error,
  onChange,
}: {
  consent: ReminderConsent;
  saving: boolean;
  error: unknown;
  onChange: (consent: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs">
      <Checkbox
        label={t('statusLink.remindersConsent')}
        description={
          consent.address
            ? t('statusLink.remindersAddress', { address: consent.address })
            : t('statusLink.remindersNoAddress')
        }
        checked={consent.active}
        disabled={saving || (!consent.active && !consent.address)}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      {consent.active && consent.consented ? (
        <Text size="sm" c="dimmed">
          {t('statusLink.remindersGiven', {
            when: formatInstant(consent.consented, i18n.language),
            who: consent.consentedBy,
          })}
        </Text>
      ) : consent.withdrawn ? (
        <Text size="sm" c="dimmed">
          {t('statusLink.remindersWithdrawn', {
            when: formatInstant(consent.withdrawn, i18n.language),
            who: consent.withdrawnBy,
          })}
        </Text>
      ) : null}
      {error ? <Alert color="red">{errorMessage(error, t)}</Alert> : null}
    </Stack>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function formatInstant(value: string, language: string): string {
  return new Date(value).toLocaleString(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  });
}

/** The address as a QR code, drawn as SVG squares (no canvas, no image from elsewhere). */
function QrCode({ text, label }: { text: string; label: string }) {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  const cells: string[] = [];
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) cells.push(`M${x} ${y}h1v1h-1z`);
    }),
  );
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width={168}
      height={168}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={cells.join('')} fill="#000" />
    </svg>
  );
}

function ContactForm({
  contact,
  saving,
  saved,
  error,
  onSave,
}: {
  contact: string;
  saving: boolean;
  saved: boolean;
  error: unknown;
  onSave: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(contact);
  return (
    <Section title={t('statusLink.contactTitle')} id="status-contact">
      <Textarea
        label={t('statusLink.contact')}
        description={t('statusLink.contactHelp')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autosize
        minRows={2}
      />
      {error ? <Alert color="red">{errorMessage(error, t)}</Alert> : null}
      <Group gap="xs">
        <Button variant="light" onClick={() => onSave(text)} loading={saving}>
          {t('statusLink.saveContact')}
        </Button>
        {saved && <Text size="sm">{t('statusLink.contactSaved')}</Text>}
      </Group>
    </Section>
  );
}
