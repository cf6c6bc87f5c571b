import type { LauncherStrings, Strings } from './en.js';

/** The launcher's name before the app arrives: the loader carries only this. */
export const openChat = 'Ouvrir le chat';

export const launcher: LauncherStrings = {
  open: openChat,
  close: 'Fermer le chat',
  unreadOne: 'Ouvrir le chat, 1 nouveau message',
  unreadMany: 'Ouvrir le chat, {n} nouveaux messages',
};

export const strings: Strings = {
  agent: 'Conseiller',
  you: 'Vous',
  close: 'Fermer le chat',
  menu: 'Menu du chat',
  endChat: 'Terminer le chat',
  continueBySms: 'Continuer par SMS',
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',
  logo: 'Logo de {company}',

  welcomeIntro: 'Présentez-vous en quelques mots et nous vous mettons en relation.',
  startChat: 'Démarrer le chat',
  starting: 'Démarrage…',
  optional: '(facultatif)',
  choose: 'Choisir…',
  errorRequired: 'Veuillez remplir ce champ.',
  errorCheckbox: 'Veuillez cocher cette case pour continuer.',
  errorEmail: 'Saisissez une adresse e-mail comme nom@exemple.fr.',
  errorPhone: 'Saisissez un numéro de téléphone : des chiffres, éventuellement précédés de +.',
  errorTooLong: 'C’est trop long : {max} caractères au plus.',
  errorOption: 'Choisissez l’une des options.',
  errorType: 'Cette réponse n’est pas valide.',
  formProblems: 'Veuillez corriger les champs signalés.',
  formRefused: 'Le formulaire n’a pas été accepté : {details}',

  unavailable: 'Personne n’est disponible pour discuter pour le moment. Veuillez réessayer plus tard.',
  connecting: 'Connexion…',
  reconnecting: 'Connexion perdue. Reconnexion…',
  waiting: 'En attente du prochain {role} disponible…',
  queuePosition: 'Vous êtes numéro {n} dans la file d’attente.',
  stickyWaiting: 'Nous contactons le {role} avec qui vous avez parlé la dernière fois.',
  askAll: 'Demander à toute personne disponible',
  chattingWith: 'Vous discutez avec {name}',
  typing: '{name} écrit…',

  messages: 'Messages',
  messageLabel: 'Message',
  messagePlaceholder: 'Écrivez un message…',
  send: 'Envoyer le message',
  sending: 'Envoi…',
  sent: 'Envoyé',
  notSent: 'Non envoyé',
  attach: 'Joindre un fichier',
  uploading: 'Envoi de {name} : {percent} %',
  uploadTooLarge: '{name} est trop volumineux : {max} au plus.',
  uploadType: '{name} ne peut pas être envoyé : seuls les fichiers {types} sont acceptés.',
  uploadFailed: '{name} n’a pas pu être envoyé.',
  download: 'Télécharger {name} ({size})',
  dismiss: 'Fermer',

  emoji: 'Insérer un emoji',
  emojiSearch: 'Rechercher un emoji',
  emojiNone: 'Aucun emoji trouvé',
  loading: 'Chargement…',

  agentJoined: '{name} a rejoint le chat.',
  agentLeft: '{name} a quitté le chat. Nous cherchons quelqu’un d’autre.',
  visitorEnded: 'Vous avez terminé le chat.',
  agentEnded: '{name} a terminé le chat.',
  abandoned: 'Le chat a été fermé.',
  ended: 'Ce chat est terminé.',
  newChat: 'Démarrer un nouveau chat',

  announceMessage: '{name} : {text}',
  announceFile: '{name} a envoyé un fichier : {file}',
  titleUnread: '({n}) Nouveau message',
};
