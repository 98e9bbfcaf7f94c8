import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '@/lib/api/ApiError';
import { errorMessage } from '@/lib/api/errorMessage';

/** A whole page that could not be shown: no access, not found, or the server out of reach. */
export function ErrorPage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : null;
  const kind = status === 403 || status === 404 ? 'noAccess' : status === null ? 'unreachable' : 'failed';
  return (
    <Stack maw={640} py="lg" data-error={kind}>
      <Title order={2}>{t(`errorPage.${kind}.title`)}</Title>
      <Text>{t(`errorPage.${kind}.text`)}</Text>
      {kind === 'failed' && <Text c="dimmed">{errorMessage(error, t)}</Text>}
      <Stack gap="xs" align="flex-start">
        {onRetry && kind !== 'noAccess' && <Button onClick={onRetry}>{t('app.retry')}</Button>}
        <Button component={Link} to="/" variant="default">
          {t('errorPage.home')}
        </Button>
      </Stack>
    </Stack>
  );
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

/** Renders a query's data, its loader, or what went wrong. */
export function QueryState<T>({
  query,
  children,
  page = false,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  children: (data: T) => ReactNode;
  /** The query is the page's own: a failure replaces the page. */
  page?: boolean;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <PageLoader />;
  if (query.isError || query.data === undefined) {
    if (page) return <ErrorPage error={query.error} onRetry={() => void query.refetch()} />;
    return (
      <Alert color="red" title={t('errors.title')}>
        {errorMessage(query.error, t)}
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
