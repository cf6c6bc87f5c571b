import { type ChatMessage, type ConversationEvent, type FileInfo, formatBytes, type WidgetLanguage } from '@parley/shared';
import type { MailContent } from './compose-mail.js';
import { type EmailStrings, emailStrings, fill } from './email-strings.js';
import { escapeHtml, htmlLines } from './html-escape.js';
import { localDate } from './local-dates.js';

export type TranscriptInput = {
  company: string;
  language: WidgetLanguage;
  timeZone: string;
  /** The welcome form's name, if the visitor gave one. */
  visitorName: string | null;
  startedAt: number;
  /** Every stored message, in sequence order. */
  messages: readonly ChatMessage[];
  /** A link that downloads the file without signing in; null when there is none. */
  fileLink: (file: FileInfo) => string | null;
  /** Until when those links work. */
  linksUntil: number | null;
};

/** One line of the transcript, before it is written out as text or HTML. */
type Line = { at: number; speaker: string | null; text: string; file: { name: string; size: string; url: string | null } | null; event: boolean };

const EVENT_TEXT: Record<ConversationEvent, keyof EmailStrings> = {
  'agent-joined': 'agentJoined',
  'agent-left': 'agentLeft',
  'visitor-ended': 'visitorEnded',
  'agent-ended': 'agentEnded',
  abandoned: 'abandoned',
  'message-lost': 'messageLost',
  'idle-warning': 'idleWarning',
  'idle-closed': 'idleClosed',
};

function lines(input: TranscriptInput, words: EmailStrings): Line[] {
  return input.messages.map((message): Line => {
    if (message.kind === 'event') {
      return { at: message.at, speaker: null, text: fill(words[EVENT_TEXT[message.event]], { name: message.name ?? words.visitor }), file: null, event: true };
    }
    const speaker = message.from === 'visitor' ? (input.visitorName ?? words.visitor) : (message.name ?? 'Agent');
    if (message.kind === 'text') return { at: message.at, speaker, text: message.text, file: null, event: false };
    return {
      at: message.at,
      speaker,
      text: words.sentFile,
      file: { name: message.file.name, size: formatBytes(message.file.size), url: input.fileLink(message.file) },
      event: false,
    };
  });
}

function textPart(all: Line[], time: (at: number) => string, intro: string, footer: string[]): string {
  const body = all.map((line) => {
    const who = line.speaker === null ? '' : `${line.speaker}: `;
    const file = line.file ? ` ${line.file.name} (${line.file.size})${line.file.url ? ` <${line.file.url}>` : ''}` : '';
    return `[${time(line.at)}] ${who}${line.text}${file}`;
  });
  return [intro, '', ...body, '', ...footer, ''].join('\n');
}

function htmlPart(input: TranscriptInput, subject: string, all: Line[], time: (at: number) => string, intro: string, footer: string[]): string {
  const rows = all.map((line) => {
    const when = `<td style="color:#667085;white-space:nowrap;vertical-align:top;padding:4px 12px 4px 0">${escapeHtml(time(line.at))}</td>`;
    if (line.event) return `<tr>${when}<td style="color:#667085;font-style:italic;padding:4px 0">${escapeHtml(line.text)}</td></tr>`;
    const file = line.file
      ? ` ${line.file.url ? `<a href="${escapeHtml(line.file.url)}">${escapeHtml(line.file.name)}</a>` : escapeHtml(line.file.name)} (${escapeHtml(line.file.size)})`
      : '';
    return `<tr>${when}<td style="padding:4px 0"><strong>${escapeHtml(line.speaker ?? '')}</strong>: ${htmlLines(line.text)}${file}</td></tr>`;
  });
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(input.language)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d2330;line-height:1.45">',
    `<p>${escapeHtml(intro)}</p>`,
    `<table role="presentation" style="border-collapse:collapse">${rows.join('')}</table>`,
    ...footer.map((line) => `<p style="color:#667085;font-size:13px">${escapeHtml(line)}</p>`),
    '</body></html>',
  ].join('\n');
}

/**
 * The emailed transcript: every message and event in order, with its time in the room's
 * time zone, files as download links. Plain text and HTML say the same; in the HTML every name
 * and every text is escaped, so what people wrote is shown, never run or rendered as markup.
 */
export function transcriptMail(input: TranscriptInput): MailContent {
  const words = emailStrings(input.language);
  const time = (at: number) => localDate(at, input.language, input.timeZone, 'time');
  const subject = fill(words.transcriptSubject, { company: input.company });
  const intro = fill(words.transcriptIntro, { company: input.company, date: localDate(input.startedAt, input.language, input.timeZone) });
  const all = lines(input, words);
  const hasLinks = all.some((line) => line.file?.url);
  const footer = [
    ...(hasLinks && input.linksUntil !== null ? [fill(words.linksUntil, { date: localDate(input.linksUntil, input.language, input.timeZone) })] : []),
    words.transcriptFooter,
    fill(words.automatic, { company: input.company }),
  ];
  return { subject, text: textPart(all, time, intro, footer), html: htmlPart(input, subject, all, time, intro, footer) };
}
