import type { LauncherStrings, Strings } from './en.js';

/** The launcher's name before the app arrives: the loader carries only this. */
export const openChat = 'Abrir el chat';

export const launcher: LauncherStrings = {
  open: openChat,
  close: 'Cerrar el chat',
  unreadOne: 'Abrir el chat, 1 mensaje nuevo',
  unreadMany: 'Abrir el chat, {n} mensajes nuevos',
};

export const strings: Strings = {
  agent: 'Agente',
  you: 'Usted',
  close: 'Cerrar el chat',
  menu: 'Menú del chat',
  endChat: 'Terminar el chat',
  continueBySms: 'Continuar por SMS',
  opensInNewTab: '(se abre en una pestaña nueva)',
  logo: 'Logotipo de {company}',

  welcomeIntro: 'Cuéntenos un poco sobre usted y le pondremos en contacto.',
  startChat: 'Iniciar el chat',
  starting: 'Iniciando…',
  optional: '(opcional)',
  choose: 'Elija…',
  errorRequired: 'Rellene este campo.',
  errorCheckbox: 'Marque esta casilla para continuar.',
  errorEmail: 'Escriba una dirección de correo como nombre@ejemplo.es.',
  errorPhone: 'Escriba un número de teléfono: dígitos, opcionalmente precedidos de +.',
  errorTooLong: 'Es demasiado largo: {max} caracteres como máximo.',
  errorOption: 'Elija una de las opciones.',
  errorType: 'Esta respuesta no es válida.',
  formProblems: 'Corrija los campos señalados.',
  formRefused: 'El formulario no fue aceptado: {details}',

  unavailable: 'No hay nadie disponible para chatear en este momento. Inténtelo de nuevo más tarde.',
  connecting: 'Conectando…',
  reconnecting: 'Se perdió la conexión. Reconectando…',
  waiting: 'Esperando al próximo {role} disponible…',
  queuePosition: 'Usted es el número {n} en la cola.',
  stickyWaiting: 'Estamos avisando al {role} con quien habló la última vez.',
  askAll: 'Preguntar a cualquiera disponible',
  chattingWith: 'Está chateando con {name}',
  typing: '{name} está escribiendo…',

  messages: 'Mensajes',
  messageLabel: 'Mensaje',
  messagePlaceholder: 'Escriba un mensaje…',
  send: 'Enviar mensaje',
  sending: 'Enviando…',
  sent: 'Enviado',
  notSent: 'No enviado',
  attach: 'Adjuntar un archivo',
  uploading: 'Subiendo {name}: {percent} %',
  uploadTooLarge: '{name} es demasiado grande: {max} como máximo.',
  uploadType: '{name} no se puede enviar: solo se aceptan archivos {types}.',
  uploadFailed: 'No se pudo enviar {name}.',
  download: 'Descargar {name} ({size})',
  dismiss: 'Cerrar',

  emoji: 'Insertar emoji',
  emojiSearch: 'Buscar emoji',
  emojiNone: 'No se encontró ningún emoji',
  loading: 'Cargando…',

  agentJoined: '{name} se unió al chat.',
  agentLeft: '{name} salió del chat. Estamos buscando a otra persona.',
  visitorEnded: 'Usted terminó el chat.',
  agentEnded: '{name} terminó el chat.',
  abandoned: 'El chat se cerró.',
  ended: 'Este chat ha terminado.',
  newChat: 'Iniciar un chat nuevo',

  announceMessage: '{name}: {text}',
  announceFile: '{name} envió un archivo: {file}',
  titleUnread: '({n}) Mensaje nuevo',
};
