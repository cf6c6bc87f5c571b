import type { WidgetLanguage } from '@parley/shared';

/*
 * The words of Parley's emails, in the room's language (the one its widget speaks). `{name}`
 * placeholders are filled by `fill`; what fills them is user text, escaped by the HTML renderer
 * and flattened by `headerText` before it reaches a subject.
 */

const en = {
  visitor: 'Visitor',
  transcriptSubject: 'Your chat with {company}',
  transcriptIntro: 'The transcript of your chat with {company}, started on {date}.',
  agentJoined: '{name} joined the chat.',
  agentLeft: '{name} left the chat.',
  visitorEnded: 'The visitor ended the chat.',
  agentEnded: '{name} ended the chat.',
  abandoned: 'The chat was closed.',
  messageLost: 'A message here could not be recovered.',
  idleWarning: 'Are you still there? This chat closes soon without an answer.',
  idleClosed: 'This chat closed because there was no answer.',
  sentFile: 'sent a file',
  linksUntil: 'The links to files work until {date}.',
  transcriptFooter: 'This email was asked for in the chat.',
  leadSubject: 'Message from {name} ({room})',
  leadIntro: '{name} left a message in {room} while nobody was available to chat.',
  leadName: 'Name',
  leadEmail: 'Email',
  leadMessage: 'Message',
  leadPage: 'Page',
  leadReceived: 'Received',
  leadFooter: 'Reply to this email to answer {name}.',
  chatLeadSubject: 'Chat lead: {name} ({room})',
  chatLeadIntro: '{agent} chatted with {name} in {room} and sent the conversation as a lead.',
  leadResult: 'Result',
  leadConversation: 'Conversation',
  receiptSubject: '{company}: we received your message',
  receiptBody: 'Thank you for your message to {company}. We will answer you at this address as soon as we can.',
  visitorAlertSubject: '{company}: someone is free to chat now',
  visitorAlertBody: 'You asked us to tell you when someone from {company} is free to chat. Someone is available now:',
  agentAlertSubject: 'A visitor is waiting in {room}',
  agentAlertBody: '{name} is waiting in {room} and asked to be emailed when an agent is free. Take the chat in the console:',
  automatic: 'Sent automatically by {company}.',
};

export type EmailStrings = typeof en;

const fr: EmailStrings = {
  visitor: 'Visiteur',
  transcriptSubject: 'Votre conversation avec {company}',
  transcriptIntro: 'La transcription de votre conversation avec {company}, commencée le {date}.',
  agentJoined: '{name} a rejoint la conversation.',
  agentLeft: '{name} a quitté la conversation.',
  visitorEnded: 'Le visiteur a mis fin à la conversation.',
  agentEnded: '{name} a mis fin à la conversation.',
  abandoned: 'La conversation a été fermée.',
  messageLost: 'Un message n’a pas pu être récupéré ici.',
  idleWarning: 'Êtes-vous toujours là ? Sans réponse, ce chat va bientôt se fermer.',
  idleClosed: 'Ce chat s’est fermé faute de réponse.',
  sentFile: 'a envoyé un fichier',
  linksUntil: 'Les liens vers les fichiers fonctionnent jusqu’au {date}.',
  transcriptFooter: 'Cet e-mail a été demandé dans la conversation.',
  leadSubject: 'Message de {name} ({room})',
  leadIntro: '{name} a laissé un message dans {room} alors que personne n’était disponible.',
  leadName: 'Nom',
  leadEmail: 'E-mail',
  leadMessage: 'Message',
  leadPage: 'Page',
  leadReceived: 'Reçu',
  leadFooter: 'Répondez à cet e-mail pour écrire à {name}.',
  chatLeadSubject: 'Lead de chat : {name} ({room})',
  chatLeadIntro: '{agent} a discuté avec {name} dans {room} et a envoyé la conversation comme lead.',
  leadResult: 'Résultat',
  leadConversation: 'Conversation',
  receiptSubject: '{company} : nous avons bien reçu votre message',
  receiptBody: 'Merci pour votre message à {company}. Nous vous répondrons à cette adresse dès que possible.',
  visitorAlertSubject: '{company} : quelqu’un est disponible maintenant',
  visitorAlertBody: 'Vous avez demandé à être prévenu quand quelqu’un de {company} serait disponible. C’est le cas maintenant :',
  agentAlertSubject: 'Un visiteur attend dans {room}',
  agentAlertBody: '{name} attend dans {room} et a demandé un e-mail dès qu’un agent sera libre. Prenez la conversation dans la console :',
  automatic: 'Envoyé automatiquement par {company}.',
};

const de: EmailStrings = {
  visitor: 'Besucher',
  transcriptSubject: 'Ihr Chat mit {company}',
  transcriptIntro: 'Das Protokoll Ihres Chats mit {company}, begonnen am {date}.',
  agentJoined: '{name} ist dem Chat beigetreten.',
  agentLeft: '{name} hat den Chat verlassen.',
  visitorEnded: 'Der Besucher hat den Chat beendet.',
  agentEnded: '{name} hat den Chat beendet.',
  abandoned: 'Der Chat wurde geschlossen.',
  messageLost: 'Eine Nachricht an dieser Stelle ging verloren.',
  idleWarning: 'Sind Sie noch da? Ohne Antwort wird dieser Chat bald beendet.',
  idleClosed: 'Dieser Chat wurde beendet, weil keine Antwort kam.',
  sentFile: 'hat eine Datei gesendet',
  linksUntil: 'Die Links zu Dateien funktionieren bis {date}.',
  transcriptFooter: 'Diese E-Mail wurde im Chat angefordert.',
  leadSubject: 'Nachricht von {name} ({room})',
  leadIntro: '{name} hat in {room} eine Nachricht hinterlassen, als niemand erreichbar war.',
  leadName: 'Name',
  leadEmail: 'E-Mail',
  leadMessage: 'Nachricht',
  leadPage: 'Seite',
  leadReceived: 'Eingegangen',
  leadFooter: 'Antworten Sie auf diese E-Mail, um {name} zu schreiben.',
  chatLeadSubject: 'Chat-Lead: {name} ({room})',
  chatLeadIntro: '{agent} hat mit {name} in {room} gechattet und das Gespräch als Lead gesendet.',
  leadResult: 'Ergebnis',
  leadConversation: 'Gespräch',
  receiptSubject: '{company}: Wir haben Ihre Nachricht erhalten',
  receiptBody: 'Vielen Dank für Ihre Nachricht an {company}. Wir antworten Ihnen so bald wie möglich an diese Adresse.',
  visitorAlertSubject: '{company}: Jetzt ist jemand für Sie da',
  visitorAlertBody: 'Sie wollten benachrichtigt werden, sobald jemand von {company} Zeit für einen Chat hat. Jetzt ist jemand da:',
  agentAlertSubject: 'Ein Besucher wartet in {room}',
  agentAlertBody: '{name} wartet in {room} und möchte per E-Mail benachrichtigt werden, sobald jemand frei ist. Übernehmen Sie den Chat in der Konsole:',
  automatic: 'Automatisch gesendet von {company}.',
};

const es: EmailStrings = {
  visitor: 'Visitante',
  transcriptSubject: 'Su chat con {company}',
  transcriptIntro: 'La transcripción de su chat con {company}, iniciado el {date}.',
  agentJoined: '{name} se unió al chat.',
  agentLeft: '{name} dejó el chat.',
  visitorEnded: 'El visitante terminó el chat.',
  agentEnded: '{name} terminó el chat.',
  abandoned: 'El chat se cerró.',
  messageLost: 'Un mensaje no se pudo recuperar aquí.',
  idleWarning: '¿Sigue ahí? Sin respuesta, este chat se cerrará pronto.',
  idleClosed: 'Este chat se cerró porque no hubo respuesta.',
  sentFile: 'envió un archivo',
  linksUntil: 'Los enlaces a los archivos funcionan hasta el {date}.',
  transcriptFooter: 'Este correo se pidió en el chat.',
  leadSubject: 'Mensaje de {name} ({room})',
  leadIntro: '{name} dejó un mensaje en {room} cuando no había nadie disponible.',
  leadName: 'Nombre',
  leadEmail: 'Correo',
  leadMessage: 'Mensaje',
  leadPage: 'Página',
  leadReceived: 'Recibido',
  leadFooter: 'Responda a este correo para escribir a {name}.',
  chatLeadSubject: 'Lead de chat: {name} ({room})',
  chatLeadIntro: '{agent} chateó con {name} en {room} y envió la conversación como lead.',
  leadResult: 'Resultado',
  leadConversation: 'Conversación',
  receiptSubject: '{company}: hemos recibido su mensaje',
  receiptBody: 'Gracias por su mensaje a {company}. Le responderemos a esta dirección lo antes posible.',
  visitorAlertSubject: '{company}: ya hay alguien disponible',
  visitorAlertBody: 'Pidió que le avisáramos cuando alguien de {company} estuviera disponible. Ya hay alguien:',
  agentAlertSubject: 'Un visitante espera en {room}',
  agentAlertBody: '{name} espera en {room} y pidió un correo cuando haya un agente libre. Atienda el chat en la consola:',
  automatic: 'Enviado automáticamente por {company}.',
};

const STRINGS: Record<WidgetLanguage, EmailStrings> = { en, fr, de, es };

export function emailStrings(language: WidgetLanguage): EmailStrings {
  return STRINGS[language] ?? en;
}

/** Fills `{name}` placeholders with plain text (escape the result for HTML, flatten it for headers). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
