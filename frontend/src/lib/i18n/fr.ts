export const fr = {
  app: {
    name: 'Passerelle',
    starting: 'Connexion en cours…',
    startupFailed: 'Passerelle ne peut pas démarrer',
    retry: 'Réessayer',
    logout: 'Se déconnecter',
    language: 'Langue',
  },
  errors: {
    title: 'Erreur',
    network: 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.',
  },
  roles: {
    caseworker: "chargé·e d'accompagnement",
    coordinator: 'coordinateur·rice',
    lawyer: 'avocat·e',
    platformAdmin: 'administrateur·rice de la plateforme',
  },
  me: {
    title: 'Mon espace',
    username: 'Identifiant\u00a0:',
    email: 'Courriel\u00a0:',
    associations: 'Mes associations',
    association: 'Association',
    roles: 'Rôle',
    current: 'Association courante',
    choose: 'Choisir',
    chooseLabel: 'Choisir {{name}}',
    chooseHint: 'Vous êtes membre de plusieurs associations : choisissez celle pour laquelle vous travaillez.',
    none: "Vous n'êtes membre d'aucune association.",
  },
};
