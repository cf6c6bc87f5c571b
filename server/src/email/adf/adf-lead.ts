import { adfProblems } from './adf-structure.js';
import { el, serializeXml } from './xml-element.js';

/** The product named as the lead's provider (the provider name, with the room's word around it). */
export const PROVIDER_NAME = 'Parley';

export type AdfLeadInput = {
  /** Unique per lead (the outbox id), so a CRM can tell a resend. */
  leadId: string;
  receivedAt: number;
  customer: { name: string; email: string };
  message: string;
  /** The company the lead is for (public profile), and its contact email if any. */
  vendor: { name: string; email: string | null };
  /** The word and where it goes; none: the provider name alone. */
  providerWord: string | null;
  providerWordPosition: 'prefix' | 'suffix';
  /** Where Parley runs (PUBLIC_URL). */
  providerUrl: string;
};

/** Thrown when a lead does not have the structure ADF requires: a bug, never sent. */
export class AdfStructureError extends Error {
  constructor(readonly problems: string[]) {
    super(`ADF lead does not validate: ${problems.join('; ')}`);
    this.name = 'AdfStructureError';
  }
}

/** `2026-01-05T09:00:00+00:00`: ISO 8601 with an explicit offset, as ADF's examples write it. */
function adfDate(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function providerName(word: string | null, position: 'prefix' | 'suffix'): string {
  if (!word) return PROVIDER_NAME;
  return position === 'prefix' ? `${word} ${PROVIDER_NAME}` : `${PROVIDER_NAME} ${word}`;
}

/**
 * The XML lead: a left message as an ADF 1.0 prospect. The provider's name carries the
 * room's word; its service names the source, chat. A chat lead is about no vehicle, but ADF
 * requires one, so it has an empty year, make and model (as lead forms without a vehicle send).
 */
export function adfLead(input: AdfLeadInput): string {
  const root = el(
    'adf',
    {},
    el(
      'prospect',
      { status: 'new' },
      el('id', { sequence: '1', source: PROVIDER_NAME }, input.leadId),
      el('requestdate', {}, adfDate(input.receivedAt)),
      el('vehicle', { interest: 'buy', status: 'new' }, el('year'), el('make'), el('model')),
      el(
        'customer',
        {},
        el('contact', {}, el('name', { part: 'full' }, input.customer.name), el('email', {}, input.customer.email)),
        el('comments', {}, input.message),
      ),
      el(
        'vendor',
        {},
        el('vendorname', {}, input.vendor.name),
        el('contact', {}, el('name', { part: 'full' }, input.vendor.name), input.vendor.email ? el('email', {}, input.vendor.email) : null),
      ),
      el(
        'provider',
        {},
        el('name', { part: 'full' }, providerName(input.providerWord, input.providerWordPosition)),
        el('service', {}, `${PROVIDER_NAME} chat`),
        el('url', {}, input.providerUrl),
      ),
    ),
  );
  const problems = adfProblems(root);
  if (problems.length > 0) throw new AdfStructureError(problems);
  return serializeXml(root, ['<?adf version="1.0"?>']);
}
