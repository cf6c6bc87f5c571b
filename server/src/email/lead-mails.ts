import type { WidgetLanguage } from '@parley/shared';
import type { MailContent } from './compose-mail.js';
import { emailStrings, fill } from './email-strings.js';
import { escapeHtml, htmlLines } from './html-escape.js';
import { localDate } from './local-dates.js';

export type LeadInput = {
  company: string;
  /** The room as the visitor found it (its label, or an agent's private room). */
  roomLabel: string;
  language: WidgetLanguage;
  timeZone: string;
  name: string;
  /** Empty when the visitor gave none (a chat lead). */
  email: string;
  message: string;
  /** The page the visitor wrote from, as their browser reported it. */
  pageUrl: string | null;
  receivedAt: number;
  /** A chat its agent sent as a lead (seed 004's CRM update), rather than a left message: who, and the result code. */
  chat?: { agentName: string; result: string | null };
};

function page(language: string, title: string, body: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d2330;line-height:1.45">',
    ...body,
    '</body></html>',
  ].join('\n');
}

/**
 * The offline contact lead, for the room's sales lead addresses: who, how to reach them,
 * what they wrote and from which page. Sent with the visitor as Reply-To, so answering is one
 * click. Everything the visitor typed is escaped in the HTML.
 */
export function leadMail(input: LeadInput): MailContent {
  const words = emailStrings(input.language);
  const names = { name: input.name, room: input.roomLabel, agent: input.chat?.agentName ?? '' };
  const subject = fill(input.chat ? words.chatLeadSubject : words.leadSubject, names);
  const intro = fill(input.chat ? words.chatLeadIntro : words.leadIntro, names);
  const received = localDate(input.receivedAt, input.language, input.timeZone);
  const fields: [string, string][] = [
    [words.leadName, input.name],
    ...(input.email ? ([[words.leadEmail, input.email]] as [string, string][]) : []),
    ...(input.pageUrl ? ([[words.leadPage, input.pageUrl]] as [string, string][]) : []),
    [words.leadReceived, received],
    ...(input.chat ? ([[words.leadResult, input.chat.result ?? '—']] as [string, string][]) : []),
  ];
  const messageLabel = input.chat ? words.leadConversation : words.leadMessage;
  const footer = fill(words.leadFooter, { name: input.name });
  const text = [intro, '', ...fields.map(([label, value]) => `${label}: ${value}`), '', `${messageLabel}:`, input.message, '', footer, ''].join('\n');
  const rows = fields.map(
    ([label, value]) =>
      `<tr><th style="text-align:left;padding:2px 12px 2px 0;color:#667085;font-weight:normal">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
  );
  const html = page(input.language, subject, [
    `<p>${escapeHtml(intro)}</p>`,
    `<table role="presentation">${rows.join('')}</table>`,
    `<p style="color:#667085;margin-bottom:4px">${escapeHtml(messageLabel)}</p>`,
    `<blockquote style="margin:0;padding:8px 12px;border-left:3px solid #d0d5dd">${htmlLines(input.message)}</blockquote>`,
    `<p style="color:#667085;font-size:13px">${escapeHtml(footer)}</p>`,
  ]);
  return { subject, text, html };
}

/**
 * The automatic email to a visitor who left a message. It does not repeat what they wrote:
 * anyone can type anyone's address in the form, and an echo would let them send any text to it.
 */
export function receiptMail(input: { company: string; language: WidgetLanguage }): MailContent {
  const words = emailStrings(input.language);
  const subject = fill(words.receiptSubject, { company: input.company });
  const body = fill(words.receiptBody, { company: input.company });
  const signature = fill(words.automatic, { company: input.company });
  return {
    subject,
    text: `${body}\n\n${signature}\n`,
    html: page(input.language, subject, [`<p>${escapeHtml(body)}</p>`, `<p style="color:#667085;font-size:13px">${escapeHtml(signature)}</p>`]),
  };
}
