import { cleanup, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strings as german } from '../../i18n/de.js';
import { CONVERSATION_ID, renderChat, roomSettings } from '../test-kit.js';

const branded = roomSettings({
  branding: {
    companyName: 'Acme Bikes',
    logoUrl: 'https://acme.example/logo.png',
    header: 'Talk to Acme',
    subHeader: 'We answer within minutes',
    greeting: 'Hi! Ask us anything about your bike.',
    agentRole: 'Mechanic',
  },
  theme: { primaryColor: '#0a7d4f', primaryTextColor: '#fffff0', backgroundColor: '#fbfbf7', textColor: '#14213d', fontFamily: 'Georgia, serif' },
});

describe('theming and branding', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('sets the room’s colours and font as custom properties on the chat’s root', () => {
    const { container } = renderChat(branded);
    const root = container.querySelector<HTMLElement>('.pw-root')!;
    expect(root.style.getPropertyValue('--pw-primary')).toBe('#0a7d4f');
    expect(root.style.getPropertyValue('--pw-on-primary')).toBe('#fffff0');
    expect(root.style.getPropertyValue('--pw-bg')).toBe('#fbfbf7');
    expect(root.style.getPropertyValue('--pw-text')).toBe('#14213d');
    expect(root.style.getPropertyValue('--pw-font')).toBe('Georgia, serif');
  });

  it('shows the company name, logo, header and sub-header, and the team’s greeting above the form', () => {
    renderChat(branded);
    const greeting = screen.getByText('Hi! Ask us anything about your bike.');
    expect(greeting.compareDocumentPosition(document.querySelector('form')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Talk to Acme' })).toBeTruthy();
    expect(screen.getByText('Acme Bikes')).toBeTruthy();
    expect(screen.getByText('We answer within minutes')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Acme Bikes logo' }).getAttribute('src')).toBe('https://acme.example/logo.png');
  });

  it('calls agents by the room’s role, or the language’s word for agent', () => {
    const { socket } = renderChat(branded);
    socket.deliver({
      type: 'welcome',
      visitorId: 'visitor-000000000001',
      token: 'token',
      room: { name: 'GENERAL', label: 'General', routing: 'quickest-reply' },
      conversation: { id: CONVERSATION_ID, room: 'GENERAL', status: 'waiting', phase: 'everyone', agentName: null, lastSeq: 0, startedAt: 1, endedBy: null },
    });
    expect(screen.getByText('Waiting for the next available mechanic…')).toBeTruthy();
    cleanup();
    localStorage.clear();
    const plain = renderChat(roomSettings({ language: 'de' }), german);
    plain.socket.deliver({
      type: 'welcome',
      visitorId: 'visitor-000000000001',
      token: 'token',
      room: { name: 'GENERAL', label: 'General', routing: 'quickest-reply' },
      conversation: { id: CONVERSATION_ID, room: 'GENERAL', status: 'waiting', phase: 'everyone', agentName: null, lastSeq: 0, startedAt: 1, endedBy: null },
    });
    expect(screen.getByText('Warten auf den nächsten freien Berater…')).toBeTruthy();
  });
});
