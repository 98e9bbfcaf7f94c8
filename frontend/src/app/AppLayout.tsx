import { AppShell, Box, Burger, Button, Group, NavLink, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAssociationChoice } from '@/lib/association/AssociationChoiceContext';
import { useAuth } from '@/lib/auth/AuthContext';
import { LanguageSwitch } from '@/lib/i18n/LanguageSwitch';
import { currentRoles } from '@/lib/session/Me';
import { useMe } from '@/lib/session/useMe';
import { isLawyer } from '@/features/lawyer/nav';

interface NavItem {
  to: string;
  label: string;
  /** Active when the path (and, if given, the scope) match. */
  match: (path: string, search: URLSearchParams) => boolean;
}

export function navigation(roles: string[], t: (key: string) => string): NavItem[] {
  const staff = roles.includes('caseworker') || roles.includes('coordinator');
  const coordinator = roles.includes('coordinator');
  const items: NavItem[] = [
    {
      to: '/',
      label: t('nav.myTasks'),
      match: (path, search) => path === '/' && search.get('scope') !== 'association',
    },
  ];
  if (coordinator) {
    items.push({
      to: '/?scope=association',
      label: t('nav.associationTasks'),
      match: (path, search) => path === '/' && search.get('scope') === 'association',
    });
  }
  if (staff) {
    items.push({
      to: '/cases',
      label: t('nav.cases'),
      match: (path) => path === '/cases' || /^\/cases\/(?!new)/.test(path),
    });
    items.push({ to: '/cases/new', label: t('nav.newCase'), match: (path) => path === '/cases/new' });
  }
  items.push({ to: '/calculateur', label: t('nav.calculator'), match: (path) => path === '/calculateur' });
  if (coordinator) items.push({ to: '/audit', label: t('nav.audit'), match: (path) => path === '/audit' });
  items.push({ to: '/me', label: t('nav.me'), match: (path) => path === '/me' });
  items.push({ to: '/echeances', label: t('deadlines.nav'), match: (path) => path === '/echeances' });
  if (coordinator) {
    items.push({ to: '/dashboard', label: t('dashboard.nav'), match: (path) => path === '/dashboard' });
  }
  return items;
}

/** Who is signed in, for which association: a member of several switches here. */
function AssociationSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const [chosen, choose] = useAssociationChoice();
  const memberships = me.data?.associations ?? [];
  if (memberships.length < 2) {
    const only = memberships[0];
    return only ? <Text size="sm">{only.name}</Text> : null;
  }
  return (
    <Select
      size="xs"
      aria-label={t('nav.association')}
      placeholder={t('nav.chooseAssociation')}
      data={memberships.map((membership) => ({ value: membership.slug, label: membership.name }))}
      value={me.data?.currentAssociation ?? chosen}
      onChange={(slug) => slug && choose(slug)}
      allowDeselect={false}
      w={200}
    />
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const me = useMe();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const search = new URLSearchParams(location.search);
  const items = navigation(currentRoles(me.data), t);
  // A lawyer's inbox spans all her associations, whichever is chosen.
  if (isLawyer(me.data))
    items.splice(1, 0, { to: '/lawyer', label: t('lawyer.nav'), match: (path) => path === '/lawyer' });
  if (currentRoles(me.data).includes('coordinator')) {
    items.push({ to: '/partners', label: t('lawyer.partners.nav'), match: (path) => path === '/partners' });
    items.push({ to: '/kits', label: t('kits.nav'), match: (path) => path === '/kits' });
    items.push({
      to: '/donnees-personnelles',
      label: t('privacy.nav'),
      match: (path) => path === '/donnees-personnelles',
    });
  }
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Title order={1} size="h3">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                {t('app.name')}
              </Link>
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Box visibleFrom="sm">
              <AssociationSwitch />
            </Box>
            <LanguageSwitch />
            <Button variant="default" size="xs" onClick={() => void auth.logout()}>
              {t('app.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} component="nav">
        {/* on a phone the header has no room for the association: it heads the menu */}
        <Box hiddenFrom="sm" pb="xs">
          <AssociationSwitch />
        </Box>
        <Stack gap={2}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={item.match(location.pathname, search)}
              aria-current={item.match(location.pathname, search) ? 'page' : undefined}
              onClick={close}
              variant="filled"
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
