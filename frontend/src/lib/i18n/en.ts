import type { fr } from './fr';

export const en: typeof fr = {
  app: {
    name: 'Passerelle',
    starting: 'Signing in…',
    startupFailed: 'Passerelle cannot start',
    retry: 'Try again',
    logout: 'Sign out',
    language: 'Language',
  },
  errors: {
    title: 'Error',
    network: 'The server does not answer. Check your connection and try again.',
  },
  roles: {
    caseworker: 'caseworker',
    coordinator: 'coordinator',
    lawyer: 'lawyer',
    platformAdmin: 'platform administrator',
  },
  me: {
    title: 'My space',
    username: 'Username:',
    email: 'Email:',
    associations: 'My associations',
    association: 'Association',
    roles: 'Role',
    current: 'Current association',
    choose: 'Choose',
    chooseLabel: 'Choose {{name}}',
    chooseHint: 'You belong to several associations: choose the one you are working for.',
    none: 'You are not a member of any association.',
  },
};
