import { Alert, Center, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api/errorMessage';
import { useAssociationChoice } from '@/lib/association/AssociationChoiceContext';
import { AssociationsCard } from './AssociationsCard';
import { IdentityCard } from './IdentityCard';
import { useMe } from '@/lib/session/useMe';

/** "Mon espace": who the user is, their associations and roles, and which association they work for. */
export function MePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [, choose] = useAssociationChoice();

  if (me.isPending) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return (
    <Stack>
      <Title order={2}>{t('me.title')}</Title>
      {me.isError && (
        <Alert color="red" title={t('errors.title')}>
          {errorMessage(me.error, t)}
        </Alert>
      )}
      {me.data && (
        <>
          <IdentityCard me={me.data} />
          <AssociationsCard me={me.data} onChoose={choose} switching={me.isPlaceholderData} />
        </>
      )}
    </Stack>
  );
}
