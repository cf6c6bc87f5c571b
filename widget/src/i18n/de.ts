import type { LauncherStrings, Strings } from './en.js';

/** The launcher's name before the app arrives: the loader carries only this. */
export const openChat = 'Chat öffnen';

export const launcher: LauncherStrings = {
  open: openChat,
  close: 'Chat schließen',
  unreadOne: 'Chat öffnen, 1 neue Nachricht',
  unreadMany: 'Chat öffnen, {n} neue Nachrichten',
};

export const strings: Strings = {
  agent: 'Berater',
  you: 'Sie',
  close: 'Chat schließen',
  menu: 'Chat-Menü',
  endChat: 'Chat beenden',
  continueBySms: 'Per SMS weiterschreiben',
  opensInNewTab: '(öffnet in einem neuen Tab)',
  logo: 'Logo von {company}',

  welcomeIntro: 'Erzählen Sie uns kurz etwas über sich, dann verbinden wir Sie.',
  startChat: 'Chat starten',
  starting: 'Wird gestartet…',
  optional: '(optional)',
  choose: 'Bitte wählen…',
  errorRequired: 'Bitte füllen Sie dieses Feld aus.',
  errorCheckbox: 'Bitte setzen Sie dieses Häkchen, um fortzufahren.',
  errorEmail: 'Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.',
  errorPhone: 'Geben Sie eine Telefonnummer ein: Ziffern, optional mit + am Anfang.',
  errorTooLong: 'Das ist zu lang: höchstens {max} Zeichen.',
  errorOption: 'Wählen Sie eine der Möglichkeiten.',
  errorType: 'Diese Antwort ist ungültig.',
  formProblems: 'Bitte korrigieren Sie die markierten Felder.',
  formRefused: 'Das Formular wurde nicht angenommen: {details}',

  unavailable: 'Im Moment ist niemand für einen Chat erreichbar. Bitte versuchen Sie es später erneut.',
  connecting: 'Verbindung wird hergestellt…',
  reconnecting: 'Verbindung unterbrochen. Neuer Versuch…',
  waiting: 'Warten auf den nächsten freien {role}…',
  queuePosition: 'Sie sind Nummer {n} in der Warteschlange.',
  stickyWaiting: 'Wir fragen den {role}, mit dem Sie zuletzt gesprochen haben.',
  askAll: 'Alle Verfügbaren fragen',
  chattingWith: 'Sie chatten mit {name}',
  typing: '{name} schreibt…',

  messages: 'Nachrichten',
  messageLabel: 'Nachricht',
  messagePlaceholder: 'Nachricht schreiben…',
  send: 'Nachricht senden',
  sending: 'Wird gesendet…',
  sent: 'Gesendet',
  notSent: 'Nicht gesendet',
  attach: 'Datei anhängen',
  uploading: '{name} wird hochgeladen: {percent} %',
  uploadTooLarge: '{name} ist zu groß: höchstens {max}.',
  uploadType: '{name} kann nicht gesendet werden: nur {types}-Dateien sind erlaubt.',
  uploadFailed: '{name} konnte nicht gesendet werden.',
  download: '{name} herunterladen ({size})',
  dismiss: 'Schließen',

  emoji: 'Emoji einfügen',
  emojiSearch: 'Emoji suchen',
  emojiNone: 'Kein Emoji gefunden',
  loading: 'Wird geladen…',

  agentJoined: '{name} ist dem Chat beigetreten.',
  agentLeft: '{name} hat den Chat verlassen. Wir suchen jemand anderen.',
  visitorEnded: 'Sie haben den Chat beendet.',
  agentEnded: '{name} hat den Chat beendet.',
  abandoned: 'Der Chat wurde geschlossen.',
  ended: 'Dieser Chat ist beendet.',
  newChat: 'Neuen Chat starten',

  announceMessage: '{name}: {text}',
  announceFile: '{name} hat eine Datei gesendet: {file}',
  titleUnread: '({n}) Neue Nachricht',
};
