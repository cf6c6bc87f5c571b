import type { AgentConversationView, AgentRoomSettings, AgentWelcomeFrame, OfferView } from '@parley/shared';
import type { ChatTab } from '../state/console-state.js';

/*
 * Protocol-shaped data for component and state tests: what the server would send, built with
 * defaults so each test states only what it is about.
 */

export const GENERAL: AgentRoomSettings = {
  name: 'GENERAL',
  label: 'General questions',
  routing: 'quickest-reply',
  capacityPerAgent: 2,
  forceReady: false,
  hideTypingPreview: false,
  agentAttachments: true,
  attachmentTypes: ['png', 'jpeg', 'gif', 'webp', 'pdf'],
  attachmentMaxBytes: 10 * 1024 * 1024,
  cannedReplies: [],
  resultCodes: [],
  resultCodeRequired: false,
  wrapUpSeconds: 0,
  crmSelection: [],
  colleagues: [],
};

let counter = 0;
/** A server-looking id (16+ url-safe characters). */
export function id(label: string): string {
  counter++;
  return `${label}${'x'.repeat(16)}${counter}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function offer(overrides: Partial<OfferView> & { name?: string | null } = {}): OfferView {
  const { name = 'Dana', ...rest } = overrides;
  return {
    conversationId: id('offer'),
    room: 'GENERAL',
    phase: 'everyone',
    visitor: { id: id('visitor'), name, online: true },
    form: name ? { name, email: 'dana@example.com' } : {},
    context: { url: 'https://shop.test/pricing', title: 'Pricing' },
    waitingSince: 1_000_000,
    expiresAt: 1_030_000,
    transfer: null,
    ...rest,
  };
}

export function conversation(overrides: Partial<AgentConversationView> & { name?: string | null } = {}): AgentConversationView {
  const { name = 'Dana', ...rest } = overrides;
  return {
    id: id('conv'),
    room: 'GENERAL',
    status: 'active',
    visitor: { id: id('visitor'), name, online: true },
    form: name ? { name } : {},
    context: {},
    lastSeq: 0,
    startedAt: 1_000_000,
    acceptedAt: 1_000_500,
    servedFrom: 'browser',
    endedBy: null,
    notes: [],
    disposition: null,
    responseClock: null,
    idleSince: null,
    lead: null,
    ...rest,
  };
}

export function chat(overrides: Partial<ChatTab> & { name?: string | null; status?: AgentConversationView['status'] } = {}): ChatTab {
  const { name, status, ...rest } = overrides;
  return {
    conversation: conversation({ ...(name !== undefined ? { name } : {}), ...(status ? { status } : {}) }),
    messages: [],
    pending: [],
    unread: 0,
    typing: { active: false, draft: null },
    detached: false,
    ...rest,
  };
}

/** The server's welcome to Alice's browser console. */
export function agentWelcome(overrides: Partial<AgentWelcomeFrame> = {}): AgentWelcomeFrame {
  return {
    type: 'welcome',
    agent: { id: 'alice@example.com', name: 'Alice', rooms: ['GENERAL'], privateRoom: 'AGENT-ALICE', capacity: null },
    client: 'browser',
    statuses: { browser: 'WAITING_NEW_CALL', mobile: null },
    conversations: [],
    offers: [],
    queues: [{ room: 'GENERAL', total: 0, entries: [] }],
    ...overrides,
  };
}
