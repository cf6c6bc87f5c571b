import type { WidgetLanguage } from '@parley/shared';
import type { MailContent } from './compose-mail.js';
import { emailStrings, fill } from './email-strings.js';
import { escapeHtml } from './html-escape.js';

function linkMail(language: WidgetLanguage, subject: string, body: string, url: string, signature: string): MailContent {
  return {
    subject,
    text: `${body}\n${url}\n\n${signature}\n`,
    html: [
      '<!doctype html>',
      `<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
      '<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d2330;line-height:1.45">',
      `<p>${escapeHtml(body)}<br><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
      `<p style="color:#667085;font-size:13px">${escapeHtml(signature)}</p>`,
      '</body></html>',
    ].join('\n'),
  };
}

/**
 * The alert to the visitor: someone is free now. The link is the room's chat page on
 * Parley itself, never the page the visitor reported (that claim could point anywhere).
 */
export function visitorAlertMail(input: { company: string; language: WidgetLanguage; chatUrl: string }): MailContent {
  const words = emailStrings(input.language);
  return linkMail(
    input.language,
    fill(words.visitorAlertSubject, { company: input.company }),
    fill(words.visitorAlertBody, { company: input.company }),
    input.chatUrl,
    fill(words.automatic, { company: input.company }),
  );
}

/** The alert to an agent who turned alerts on: a visitor waits and asked to be emailed. */
export function agentAlertMail(input: {
  company: string;
  language: WidgetLanguage;
  roomLabel: string;
  visitorName: string | null;
  consoleUrl: string;
}): MailContent {
  const words = emailStrings(input.language);
  const name = input.visitorName ?? words.visitor;
  return linkMail(
    input.language,
    fill(words.agentAlertSubject, { room: input.roomLabel }),
    fill(words.agentAlertBody, { name, room: input.roomLabel }),
    input.consoleUrl,
    fill(words.automatic, { company: input.company }),
  );
}
