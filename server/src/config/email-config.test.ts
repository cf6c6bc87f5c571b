import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadServerConfig } from './load-config.js';

const room = { name: 'GENERAL', label: 'General', statsKey: 'a-long-enough-stats-key' };

function load(file: unknown, env: Record<string, string> = {}) {
  const path = join(mkdtempSync(join(tmpdir(), 'parley-email-config-')), 'parley.config.json');
  writeFileSync(path, JSON.stringify(file));
  try {
    return { config: loadServerConfig({ PARLEY_CONFIG: path, ...env }), problems: [], path };
  } catch (error) {
    if (error instanceof ConfigError) return { config: null, problems: error.problems, path };
    throw error;
  }
}

describe('email configuration', () => {
  it('reads semicolon-separated addresses, a public profile, and leaves every email feature off by default', () => {
    const { config } = load({
      publicProfile: { companyName: 'Acme', contactEmail: 'hello@acme.example' },
      rooms: [
        { ...room, salesLeadAddresses: ' sales@acme.example ; boss@acme.example;', xmlLeadAddress: 'crm@dealer.example', adfProviderWord: 'Web' },
        { ...room, name: 'OTHER' },
      ],
    });
    expect(config!.file.publicProfile).toEqual({ companyName: 'Acme', contactEmail: 'hello@acme.example' });
    expect(config!.file.rooms[0]).toMatchObject({ salesLeadAddresses: ['sales@acme.example', 'boss@acme.example'], adfProviderWordPosition: 'suffix' });
    expect(config!.file.rooms[1]).toMatchObject({ emailTranscript: false, leaveMessage: false, emailAlert: false });
    expect(config!.env.SMTP_URL).toBeUndefined();
  });

  it('names each bad address and each missing setting by its path', () => {
    const { problems, path } = load(
      {
        rooms: [
          {
            ...room,
            transcriptAddresses: 'ok@acme.example; not an address; x@y',
            leaveMessage: true,
            xmlLeadAddress: 'crm@dealer.example\r\nBcc: x@evil.example',
            publicProfile: { contactEmail: 'nope' },
          },
        ],
      },
      { SMTP_URL: 'http://mail.example.com', EMAIL_RETRY_SECONDS: '0' },
    );
    expect(problems).toEqual([
      'environment variable SMTP_URL: must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.com:465',
      'environment variable EMAIL_RETRY_SECONDS: must be at least 1 of seconds',
      'environment variable EMAIL_FROM: is required with SMTP_URL: the address emails are sent from, such as chat@example.com',
      `${path} rooms[0].transcriptAddresses: "not an address" is not an email address like sales@example.com`,
      `${path} rooms[0].transcriptAddresses: "x@y" is not an email address like sales@example.com`,
      `${path} rooms[0].xmlLeadAddress: must be an email address like sales@example.com`,
      `${path} rooms[0].publicProfile.contactEmail: must be an email address like sales@example.com`,
    ]);
  });

  it('reads a CRM selection list and names a bad entry, and bad timers, by their paths', () => {
    const good = load({ rooms: [{ ...room, crmSelection: [{ label: ' Billing ', email: 'billing@crm.example' }] }] });
    expect(good.config!.file.rooms[0]!.crmSelection).toEqual([{ label: 'Billing', email: 'billing@crm.example' }]);
    const { problems, path } = load({
      rooms: [
        {
          ...room,
          crmSelection: [
            { label: '', email: 'billing@crm.example' },
            { label: 'Other', email: 'not-an-address' },
          ],
          serviceLevels: { maxWaitSeconds: -1, visitorIdleCloseSeconds: 1.5 },
        },
      ],
    });
    expect(problems).toEqual([
      `${path} rooms[0].serviceLevels.maxWaitSeconds: must be at least 0`,
      `${path} rooms[0].serviceLevels.visitorIdleCloseSeconds: must be a whole number of seconds`,
      `${path} rooms[0].crmSelection[0].label: must not be empty`,
      `${path} rooms[0].crmSelection[1].email: must be an email address like sales@example.com`,
    ]);
  });

  it('needs a sender with a mail server, and somewhere to send left messages', () => {
    const { problems, path } = load({ rooms: [{ ...room, leaveMessage: true }] }, { SMTP_URL: 'smtp://mail.example.com:587' });
    expect(problems).toEqual([
      'environment variable EMAIL_FROM: is required with SMTP_URL: the address emails are sent from, such as chat@example.com',
      `${path} rooms[0].salesLeadAddresses: is needed with leaveMessage: the addresses left messages go to (or set publicProfile.contactEmail)`,
    ]);
    const fallback = load(
      { publicProfile: { contactEmail: 'hello@acme.example' }, rooms: [{ ...room, leaveMessage: true }] },
      { SMTP_URL: 'smtp://mail.example.com:587', EMAIL_FROM: 'chat@acme.example' },
    );
    expect(fallback.problems).toEqual([]);
  });
});
