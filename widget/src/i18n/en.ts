/*
 * English, the reference language: every other language file has exactly these keys (the types
 * check it). `{name}`-style placeholders are filled by `format`. User text never goes into these
 * templates as markup: they are rendered as text.
 */

/** The launcher's name before the app arrives: the loader carries only this. */
export const openChat = 'Open chat';

/** The launcher's words, kept apart from the rest so the loader needs none of it. */
export const launcher = {
  open: openChat,
  close: 'Close chat',
  unreadOne: 'Open chat, 1 new message',
  unreadMany: 'Open chat, {n} new messages',
};

export const strings = {
  agent: 'Agent',
  you: 'You',
  close: 'Close chat',
  menu: 'Chat menu',
  endChat: 'End chat',
  endChatSure: 'Yes, end the chat',
  continueBySms: 'Continue by text message',
  opensInNewTab: '(opens in a new tab)',
  logo: '{company} logo',

  welcomeIntro: 'Tell us a little about yourself and we will connect you.',
  startChat: 'Start chat',
  starting: 'Starting…',
  optional: '(optional)',
  choose: 'Choose…',
  errorRequired: 'Please fill in this field.',
  errorCheckbox: 'Please tick this box to continue.',
  errorEmail: 'Enter an email address like name@example.com.',
  errorPhone: 'Enter a phone number: digits, optionally starting with +.',
  errorTooLong: 'This is too long: at most {max} characters.',
  errorOption: 'Choose one of the options.',
  errorType: 'This answer is not valid.',
  formProblems: 'Please correct the highlighted fields.',
  formRefused: 'The form was not accepted: {details}',

  unavailable: 'No one is available to chat right now. Please try again later.',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  disconnected: 'The chat was disconnected. Reload the page to continue.',
  waiting: 'Waiting for the next available {role}…',
  queuePosition: 'You are number {n} in line.',
  stickyWaiting: 'We are asking the {role} you spoke with last time.',
  askAll: 'Ask anyone available',
  waitedTooLong: 'Sorry for the wait. You can leave a message and we will answer by email, or keep waiting.',
  keepWaiting: 'Keep waiting',
  chattingWith: 'You are chatting with {name}',
  typing: '{name} is typing…',

  messages: 'Messages',
  messageLabel: 'Message',
  messagePlaceholder: 'Write a message…',
  send: 'Send message',
  sending: 'Sending…',
  sent: 'Sent',
  notSent: 'Not sent',
  attach: 'Attach a file',
  uploading: 'Uploading {name}: {percent}%',
  uploadTooLarge: '{name} is too large: files may be at most {max}.',
  uploadType: '{name} cannot be sent: only {types} files are accepted.',
  uploadFailed: '{name} could not be sent.',
  download: 'Download {name} ({size})',
  dismiss: 'Dismiss',

  emoji: 'Insert emoji',
  emojiSearch: 'Search emoji',
  emojiNone: 'No emoji found',
  loading: 'Loading…',

  agentJoined: '{name} joined the chat.',
  agentLeft: '{name} left the chat. We are finding someone else.',
  visitorEnded: 'You ended the chat.',
  agentEnded: '{name} ended the chat.',
  abandoned: 'The chat was closed.',
  messageLost: 'A message here could not be recovered.',
  idleWarning: 'Are you still there? This chat closes soon without an answer.',
  idleClosed: 'This chat closed because there was no answer.',
  ended: 'This chat has ended.',
  newChat: 'Start a new chat',

  announceMessage: '{name}: {text}',
  announceFile: '{name} sent a file: {file}',
  titleUnread: '({n}) New message',
  titleUnreadMany: '({n}) New messages',

  emailTranscript: 'Email me the transcript',
  emailAddress: 'Your email address',
  emailSend: 'Send',
  emailSending: 'Sending…',
  transcriptQueued: 'The transcript is on its way to {email}.',
  addAlert: 'Add alert',
  alertHint: 'We will email you when someone is free to chat.',
  alertQueued: 'We will email {email} when someone is free to chat.',
  leaveMessageIntro: 'No one is available to chat right now. Leave a message and we will answer by email.',
  leaveName: 'Your name',
  leaveEmail: 'Email',
  leaveText: 'Message',
  leaveSend: 'Send message',
  messageQueued: 'Thank you, your message was sent. We will answer at {email}.',
  emailLimited: 'Too many emails were asked for. Please try again later.',
  emailFailed: 'The email could not be sent. Please try again later.',
};

export type Strings = typeof strings;
export type LauncherStrings = typeof launcher;
