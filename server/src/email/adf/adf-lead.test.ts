import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { type AdfLeadInput, adfLead, providerName } from './adf-lead.js';
import { adfProblems } from './adf-structure.js';
import { el } from './xml-element.js';

const input: AdfLeadInput = {
  leadId: 'lead-0001',
  receivedAt: Date.UTC(2026, 0, 5, 9, 30),
  customer: { name: 'Sam "The Rider" <O\'Neil> & Co', email: 'sam@example.com' },
  message: 'Line one\nLine <two> & ]]> \u0000\u0007 end',
  vendor: { name: 'Acme Bikes', email: 'hello@acme.example' },
  providerWord: 'Website',
  providerWordPosition: 'suffix',
  providerUrl: 'https://chat.acme.example',
};

const parse = (xml: string) => new new Window().DOMParser().parseFromString(xml, 'application/xml');

describe('ADF leads', () => {
  it('are well-formed XML that says exactly what the visitor wrote, whatever they wrote', () => {
    const xml = adfLead(input);
    const document = parse(xml);
    expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(xml.split('\n').slice(0, 3)).toEqual(['<?xml version="1.0" encoding="UTF-8"?>', '<?adf version="1.0"?>', '<adf>']);
    expect(document.querySelector('customer > contact > name')?.textContent).toBe(input.customer.name);
    // Characters XML cannot carry at all are dropped; the rest is kept.
    expect(document.querySelector('customer > comments')?.textContent).toBe('Line one\nLine <two> & ]]>  end');
    expect(document.querySelector('requestdate')?.textContent).toBe('2026-01-05T09:30:00+00:00');
    expect(document.querySelector('prospect > id')?.getAttribute('source')).toBe('Parley');
    expect(document.querySelector('provider > name')?.textContent).toBe('Parley Website');
    expect(document.querySelector('provider > service')?.textContent).toBe('Parley chat');
  });

  it('put the room’s word before or after the provider name, or leave the name alone', () => {
    expect(providerName('Website', 'prefix')).toBe('Website Parley');
    expect(providerName('Website', 'suffix')).toBe('Parley Website');
    expect(providerName(null, 'prefix')).toBe('Parley');
  });

  it('are checked against the structure ADF requires', () => {
    const contact = (...children: ReturnType<typeof el>[]) => el('contact', {}, ...children);
    const prospect = (...children: ReturnType<typeof el>[]) => el('adf', {}, el('prospect', {}, ...children));
    const vehicle = el('vehicle', {}, el('year'), el('make'), el('model'));
    const vendor = el('vendor', {}, el('vendorname', {}, 'Acme'), contact(el('name', {}, 'Acme')));
    expect(
      adfProblems(prospect(el('requestdate', {}, 'now'), vehicle, el('customer', {}, contact(el('name', {}, 'Sam'), el('email', {}, 's@x.example'))), vendor)),
    ).toEqual([]);
    expect(adfProblems(prospect(el('requestdate', {}, 'now'), vehicle, el('customer', {}, contact(el('name', {}, 'Sam'))), vendor))).toEqual([
      'adf/prospect/customer/contact needs an email or a phone',
    ]);
    expect(
      adfProblems(prospect(vehicle, el('requestdate', {}, 'now'), el('customer', {}, contact(el('name', {}, 'Sam'), el('phone', {}, '1'))), vendor)),
    ).toEqual(['adf/prospect needs <requestdate>']);
    expect(adfProblems(prospect(el('requestdate', {}, 'now'), el('customer', {}, contact(el('name', {}, 'Sam'), el('phone', {}, '1'))), vendor))).toContain(
      'adf/prospect needs <vehicle>',
    );
    expect(adfProblems(el('adf', {}, el('prospect', { status: 'maybe' }, el('lead'))))).toEqual(
      expect.arrayContaining(['adf/prospect status="maybe" must be one of new, resend', 'adf/prospect needs <requestdate>']),
    );
    expect(adfProblems(el('lead'))).toEqual(['the root element must be <adf>']);
  });
});
